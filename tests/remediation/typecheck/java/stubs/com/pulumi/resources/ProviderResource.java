// Minimal type stub (class hierarchy only) for
// github.com/pulumi/pulumi-java sdk/java/pulumi/src/main/java/com/pulumi/resources/ProviderResource.java
// The generated provider (com.pulumi.pulumiservice.Provider) extends it.
package com.pulumi.resources;

public abstract class ProviderResource extends CustomResource {
    protected ProviderResource() {
    }
}
