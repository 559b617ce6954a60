// Stub mirroring github.com/pulumi/pulumi-java
//   sdk/java/pulumi/src/main/java/com/pulumi/context/ConfigContext.java @ commit 2c26d4488ee7 (stored copy)
package com.pulumi.context;

import com.pulumi.Config;

public interface ConfigContext {
    Config config();

    Config config(String name);
}
