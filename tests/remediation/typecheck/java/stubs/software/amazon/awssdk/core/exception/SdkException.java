// Stub of the unchecked exception root of github.com/aws/aws-sdk-java-v2
//   core/sdk-core/src/main/java/software/amazon/awssdk/core/exception/SdkException.java
package software.amazon.awssdk.core.exception;

public class SdkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected SdkException(String message) {
        super(message);
    }
}
