package deploy

import "github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

var accessToken = config.RequireSecret(ctx, "pulumiAccessToken")
