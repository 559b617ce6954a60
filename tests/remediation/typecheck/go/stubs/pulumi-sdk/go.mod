// Stub of github.com/pulumi/pulumi/sdk/v3 (declarations only) for the type-check harness.
module github.com/pulumi/pulumi/sdk/v3

go 1.19
