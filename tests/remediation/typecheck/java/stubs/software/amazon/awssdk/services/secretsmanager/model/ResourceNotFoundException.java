// Stub of the generated exception (AWS SDK for Java 2.x, software.amazon.awssdk:secretsmanager);
// unchecked, extends SecretsManagerException.
package software.amazon.awssdk.services.secretsmanager.model;

public final class ResourceNotFoundException extends SecretsManagerException {
    private static final long serialVersionUID = 1L;

    private ResourceNotFoundException(String message) {
        super(message);
    }
}
