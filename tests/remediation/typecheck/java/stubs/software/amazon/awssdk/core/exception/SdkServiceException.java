// Stub of github.com/aws/aws-sdk-java-v2
//   core/sdk-core/src/main/java/software/amazon/awssdk/core/exception/SdkServiceException.java (unchecked)
package software.amazon.awssdk.core.exception;

public class SdkServiceException extends SdkException {
    private static final long serialVersionUID = 1L;

    protected SdkServiceException(String message) {
        super(message);
    }

    public int statusCode() { throw new UnsupportedOperationException("stub"); }
}
