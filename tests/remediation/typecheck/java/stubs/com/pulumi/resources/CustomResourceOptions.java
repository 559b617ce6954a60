// Minimal stub for github.com/pulumi/pulumi-java
//   sdk/java/pulumi/src/main/java/com/pulumi/resources/CustomResourceOptions.java
// Only builder()/build() and the parent/provider setters are declared (setters
// typed as upstream: Resource parent, ProviderResource provider).
package com.pulumi.resources;

public final class CustomResourceOptions {
    private CustomResourceOptions() {
    }

    public static Builder builder() {
        throw new UnsupportedOperationException("stub");
    }

    public static final class Builder {
        private Builder() {
        }

        public Builder parent(Resource parent) { throw new UnsupportedOperationException("stub"); }

        public Builder provider(ProviderResource provider) { throw new UnsupportedOperationException("stub"); }

        public CustomResourceOptions build() { throw new UnsupportedOperationException("stub"); }
    }
}
