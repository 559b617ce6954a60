package main

import (
	"context"
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func program(ctx *pulumi.Context) error {
	url := "https://api.pulumi.com/?token=" + "pul-<redacted>"
	ctx.Export("url", pulumi.String(url))
	return nil
}

func main() {
	pulumi.Run(program)
	ctx := context.Background()
	stack, err := auto.UpsertStackLocalSource(ctx, "dev", ".", auto.EnvVars(map[string]string{"PULUMI_ACCESS_TOKEN": "pul-<redacted>"}))
	if err != nil {
		panic(err)
	}
	res, err := stack.Up(ctx, optup.Message("deploy"))
	fmt.Println(res.StdOut, err)
}
