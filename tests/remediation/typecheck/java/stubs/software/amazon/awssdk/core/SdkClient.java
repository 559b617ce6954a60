// Stub mirroring github.com/aws/aws-sdk-java-v2
//   core/sdk-core/src/main/java/software/amazon/awssdk/core/SdkClient.java @ commit 17b91a284fea (stored copy)
package software.amazon.awssdk.core;

import software.amazon.awssdk.utils.SdkAutoCloseable;

public interface SdkClient extends SdkAutoCloseable {
    String serviceName();
}
