// Minimal type stub for
// github.com/pulumi/pulumi-java sdk/java/pulumi/src/main/java/com/pulumi/resources/Resource.java:
// the class hierarchy and `public Output<String> urn()`, the resource's URN (the samples export it).
package com.pulumi.resources;

import com.pulumi.core.Output;

public abstract class Resource {
    Resource() {
    }

    public Output<String> urn() { throw new UnsupportedOperationException("stub"); }
}
