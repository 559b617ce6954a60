package main

import (
	"context"
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
)

// An Automation API program: no stack config to read.
func main() {
	ctx := context.Background()
	stack, err := auto.UpsertStackLocalSource(ctx, "dev", ".", auto.EnvVars(map[string]string{
		"PULUMI_ACCESS_TOKEN": "@TOKEN@",
	}))
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	if _, err := stack.Up(ctx); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
}
