package main

import (
	"context"
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func program(ctx *pulumi.Context) error {
	url := config.RequireSecret(ctx, "pulumiAccessToken").ApplyT(func(token string) string {
		return "https://api.pulumi.com/?token=" + token
	}).(pulumi.StringOutput)
	ctx.Export("url", url)
	ctx.Export("url2", pulumi.Sprintf("https://api.pulumi.com/?token=%s", config.RequireSecret(ctx, "pulumiAccessToken")))
	ctx.Export("plain", pulumi.Unsecret(pulumi.ToSecret(pulumi.String("x")).(pulumi.StringOutput)))
	ctx.Export("all", pulumi.All(url, pulumi.String("y")))
	_ = ctx.Log.Info("token configured", nil)
	return nil
}

func main() {
	pulumi.Run(program)
	ctx := context.Background()
	stack, err := auto.UpsertStackLocalSource(ctx, "dev", ".", auto.EnvVars(map[string]string{"PULUMI_ACCESS_TOKEN": os.Getenv("PULUMI_ACCESS_TOKEN")}))
	if err != nil {
		panic(err)
	}
	res, err := stack.Up(ctx, optup.Message("deploy"))
	fmt.Println(res.StdOut, err)
}
