// Stub of the generated sync client of AWS SDK for Java 2.x, service module
// software.amazon.awssdk:secretsmanager (2.x). The client is generated, so its shape
// is checked against the generator's expected output for a JSON service in
// github.com/aws/aws-sdk-java-v2
//   codegen/src/test/resources/software/amazon/awssdk/codegen/poet/client/test-json-client-interface.java
//   @ commit 0437b27b87f2 (stored copy): interface, static create()/builder(), each
//   operation a default method taking the request or a Consumer<Request.Builder>,
//   throwing only unchecked exceptions; and the Java 2.x developer guide example
//   (docs.aws.amazon.com/sdk-for-java/latest/developer-guide/java_secrets-manager_code_examples.html).
// Current 2.x service clients extend AwsClient (core/aws-core/.../AwsClient.java).
package software.amazon.awssdk.services.secretsmanager;

import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsClient;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

public interface SecretsManagerClient extends AwsClient {
    String SERVICE_NAME = "secretsmanager";

    static SecretsManagerClient create() {
        throw new UnsupportedOperationException("stub");
    }

    static SecretsManagerClientBuilder builder() {
        throw new UnsupportedOperationException("stub");
    }

    default GetSecretValueResponse getSecretValue(GetSecretValueRequest getSecretValueRequest)
            throws ResourceNotFoundException, AwsServiceException, SdkClientException, SecretsManagerException {
        throw new UnsupportedOperationException("stub");
    }

    default GetSecretValueResponse getSecretValue(Consumer<GetSecretValueRequest.Builder> getSecretValueRequest)
            throws ResourceNotFoundException, AwsServiceException, SdkClientException, SecretsManagerException {
        throw new UnsupportedOperationException("stub");
    }
}
