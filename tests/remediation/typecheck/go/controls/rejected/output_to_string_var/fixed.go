package main

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		var token string = config.RequireSecret(ctx, "pulumiAccessToken")
		fmt.Println(len(token))
		return nil
	})
}
