// Stub of com.pulumi.core.internal.Copyable, the super-interface of Output<T> in
// github.com/pulumi/pulumi-java sdk/java/pulumi/src/main/java/com/pulumi/core/Output.java
// @ commit 1592942a097b (stored copy); Output re-declares copy(), the only method used.
package com.pulumi.core.internal;

public interface Copyable<T> {
    T copy();
}
