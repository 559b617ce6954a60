// Stub of the generated model class (AWS SDK for Java 2.x, software.amazon.awssdk:secretsmanager).
// Response shape from the GetSecretValue API (ARN, Name, VersionId, SecretString,
// VersionStages, CreatedDate); SecretBinary (SdkBytes) is left out.
package software.amazon.awssdk.services.secretsmanager.model;

import java.time.Instant;
import java.util.List;

public final class GetSecretValueResponse {
    private GetSecretValueResponse() {
    }

    public String arn() { throw new UnsupportedOperationException("stub"); }

    public String name() { throw new UnsupportedOperationException("stub"); }

    public String versionId() { throw new UnsupportedOperationException("stub"); }

    public String secretString() { throw new UnsupportedOperationException("stub"); }

    public boolean hasVersionStages() { throw new UnsupportedOperationException("stub"); }

    public List<String> versionStages() { throw new UnsupportedOperationException("stub"); }

    public Instant createdDate() { throw new UnsupportedOperationException("stub"); }
}
