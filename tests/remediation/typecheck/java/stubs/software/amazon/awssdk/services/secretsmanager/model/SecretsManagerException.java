// Stub of the generated service exception base (AWS SDK for Java 2.x,
// software.amazon.awssdk:secretsmanager); unchecked, extends AwsServiceException.
package software.amazon.awssdk.services.secretsmanager.model;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

public class SecretsManagerException extends AwsServiceException {
    private static final long serialVersionUID = 1L;

    protected SecretsManagerException(String message) {
        super(message);
    }
}
