// Stub of the generated model class (AWS SDK for Java 2.x, software.amazon.awssdk:secretsmanager):
// static builder(); Builder with secretId(String), versionId(String), versionStage(String),
// build(); getters secretId(), versionId(), versionStage(). Request shape from the
// GetSecretValue API (SecretId, VersionId, VersionStage; all strings), see
// docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html.
// toBuilder() and the SdkPojo/CopyableBuilder plumbing are left out.
package software.amazon.awssdk.services.secretsmanager.model;

public final class GetSecretValueRequest {
    private GetSecretValueRequest() {
    }

    public String secretId() { throw new UnsupportedOperationException("stub"); }

    public String versionId() { throw new UnsupportedOperationException("stub"); }

    public String versionStage() { throw new UnsupportedOperationException("stub"); }

    public static Builder builder() { throw new UnsupportedOperationException("stub"); }

    public interface Builder {
        Builder secretId(String secretId);

        Builder versionId(String versionId);

        Builder versionStage(String versionStage);

        GetSecretValueRequest build();
    }
}
