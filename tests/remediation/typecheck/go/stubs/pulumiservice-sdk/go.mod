// Stub of github.com/pulumi/pulumi-pulumiservice/sdk (declarations only).
module github.com/pulumi/pulumi-pulumiservice/sdk

go 1.19

require github.com/pulumi/pulumi/sdk/v3 v3.140.0
