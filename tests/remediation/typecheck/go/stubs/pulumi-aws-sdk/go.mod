// Stub of github.com/pulumi/pulumi-aws/sdk/v6 (declarations only; just s3.Bucket, which the samples use).
module github.com/pulumi/pulumi-aws/sdk/v6

go 1.19

require github.com/pulumi/pulumi/sdk/v3 v3.140.0
