// Stub mirroring github.com/pulumi/pulumi-java
//   sdk/java/pulumi/src/main/java/com/pulumi/Context.java @ commit 13a49b41082b (stored copy)
// The real interface also extends com.pulumi.context.OutputContext, whose source
// was not available to check; it is left out, so its methods are not stubbed.
package com.pulumi;

import com.pulumi.context.ConfigContext;
import com.pulumi.context.LoggingContext;
import com.pulumi.core.Output;

public interface Context extends ConfigContext {
    String projectName();

    String stackName();

    default String organizationName() {
        throw new UnsupportedOperationException("stub");
    }

    LoggingContext log();

    Context export(String name, Output<?> output);

    default <T> Context export(String name, T output) {
        throw new UnsupportedOperationException("stub");
    }
}
