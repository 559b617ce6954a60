// Minimal type stub (only what Pulumi.withOptions needs to compile) for
// github.com/pulumi/pulumi-java sdk/java/pulumi/src/main/java/com/pulumi/resources/StackOptions.java
package com.pulumi.resources;

public class StackOptions {
    public static final StackOptions Empty = new StackOptions();

    private StackOptions() {
    }
}
