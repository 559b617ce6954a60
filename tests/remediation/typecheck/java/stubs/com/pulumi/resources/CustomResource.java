// Minimal type stub (class hierarchy only) for
// github.com/pulumi/pulumi-java sdk/java/pulumi/src/main/java/com/pulumi/resources/CustomResource.java
package com.pulumi.resources;

public class CustomResource extends Resource {
    CustomResource() {
    }
}
