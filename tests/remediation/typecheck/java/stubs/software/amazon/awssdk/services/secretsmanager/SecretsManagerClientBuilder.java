// Minimal stub of the generated SecretsManagerClientBuilder (AWS SDK for Java 2.x,
// software.amazon.awssdk:secretsmanager); only build() is declared (region/credentials
// setters live in AwsClientBuilder and are not stubbed).
package software.amazon.awssdk.services.secretsmanager;

public interface SecretsManagerClientBuilder {
    SecretsManagerClient build();
}
