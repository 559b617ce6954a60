// Minimal type stub (class hierarchy only) for
// github.com/pulumi/pulumi-java sdk/java/pulumi/src/main/java/com/pulumi/resources/Resource.java
package com.pulumi.resources;

public abstract class Resource {
    Resource() {
    }
}
