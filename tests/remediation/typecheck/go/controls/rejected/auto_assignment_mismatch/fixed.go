package main

import (
	"context"
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
)

func main() {
	ctx := context.Background()
	stack := auto.UpsertStackLocalSource(ctx, "dev", ".", auto.EnvVars(map[string]string{"PULUMI_ACCESS_TOKEN": os.Getenv("PULUMI_ACCESS_TOKEN")}))
	fmt.Println(stack)
}
