// Stub mirroring github.com/pulumi/pulumi-java
//   sdk/java/pulumi/src/main/java/com/pulumi/Pulumi.java @ commit 11da1c465fbe (stored copy)
// Declarations only (no upstream code); bodies throw.
package com.pulumi;

import com.pulumi.resources.StackOptions;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

public interface Pulumi {
    static void run(Consumer<Context> stack) {
        throw new UnsupportedOperationException("stub");
    }

    static CompletableFuture<Integer> runAsync(Consumer<Context> stack) {
        throw new UnsupportedOperationException("stub");
    }

    static Pulumi.API withOptions(StackOptions options) {
        throw new UnsupportedOperationException("stub");
    }

    interface API {
        void run(Consumer<Context> stack);

        CompletableFuture<Integer> runAsync(Consumer<Context> stack);
    }
}
