// Minimal type stub (class hierarchy only) for
// github.com/pulumi/pulumi-java sdk/java/pulumi/src/main/java/com/pulumi/resources/ResourceArgs.java
package com.pulumi.resources;

public abstract class ResourceArgs {
    protected ResourceArgs() {
    }
}
