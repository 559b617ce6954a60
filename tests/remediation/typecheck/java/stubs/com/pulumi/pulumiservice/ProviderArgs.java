// Stub mirroring github.com/pulumi/pulumi-pulumiservice
//   sdk/java/src/main/java/com/pulumi/pulumiservice/ProviderArgs.java @ commit 06abeddcb294 (stored copy,
//   generated): accessToken(Output<String>) and accessToken(String) overloads, build().
package com.pulumi.pulumiservice;

import com.pulumi.core.Output;
import java.lang.String;
import java.util.Optional;

public final class ProviderArgs extends com.pulumi.resources.ResourceArgs {
    public static final ProviderArgs Empty = new ProviderArgs();

    private ProviderArgs() {
    }

    public Optional<Output<String>> accessToken() { throw new UnsupportedOperationException("stub"); }

    public static Builder builder() { throw new UnsupportedOperationException("stub"); }

    public static Builder builder(ProviderArgs defaults) { throw new UnsupportedOperationException("stub"); }

    public static final class Builder {
        public Builder() {
        }

        public Builder(ProviderArgs defaults) {
        }

        public Builder accessToken(Output<String> accessToken) { throw new UnsupportedOperationException("stub"); }

        public Builder accessToken(String accessToken) { throw new UnsupportedOperationException("stub"); }

        public ProviderArgs build() { throw new UnsupportedOperationException("stub"); }
    }
}
