// Stub mirroring github.com/aws/aws-sdk-java-v2
//   core/aws-core/src/main/java/software/amazon/awssdk/awscore/AwsClient.java @ commit 1a2da5046c26 (stored copy)
// serviceClientConfiguration() is left out.
package software.amazon.awssdk.awscore;

import software.amazon.awssdk.core.SdkClient;

public interface AwsClient extends SdkClient {
}
