package main

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		var token string = "pul-<redacted>"
		fmt.Println(len(token))
		return nil
	})
}
