// Stub of github.com/aws/aws-sdk-java-v2
//   core/aws-core/src/main/java/software/amazon/awssdk/awscore/exception/AwsServiceException.java (unchecked)
package software.amazon.awssdk.awscore.exception;

import software.amazon.awssdk.core.exception.SdkServiceException;

public class AwsServiceException extends SdkServiceException {
    private static final long serialVersionUID = 1L;

    protected AwsServiceException(String message) {
        super(message);
    }
}
