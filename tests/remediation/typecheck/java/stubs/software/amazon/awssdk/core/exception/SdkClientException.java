// Stub of github.com/aws/aws-sdk-java-v2
//   core/sdk-core/src/main/java/software/amazon/awssdk/core/exception/SdkClientException.java (unchecked)
package software.amazon.awssdk.core.exception;

public class SdkClientException extends SdkException {
    private static final long serialVersionUID = 1L;

    protected SdkClientException(String message) {
        super(message);
    }
}
