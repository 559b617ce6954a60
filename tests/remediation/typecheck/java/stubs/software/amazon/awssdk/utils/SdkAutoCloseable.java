// Stub mirroring github.com/aws/aws-sdk-java-v2
//   utils/src/main/java/software/amazon/awssdk/utils/SdkAutoCloseable.java @ commit 2ac5b52c2777 (stored copy)
// close() declares no checked exception.
package software.amazon.awssdk.utils;

public interface SdkAutoCloseable extends AutoCloseable {
    @Override
    void close();
}
