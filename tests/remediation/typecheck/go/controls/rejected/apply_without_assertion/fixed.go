package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		var url pulumi.StringOutput = config.RequireSecret(ctx, "pulumiAccessToken").ApplyT(func(token string) string { return "https://api.pulumi.com/?token=" + token })
		ctx.Export("url", url)
		return nil
	})
}
