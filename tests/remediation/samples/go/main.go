package main

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/s3"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

const backendToken = "@TOKEN@"

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		bucket, err := s3.NewBucket(ctx, "site", nil)
		if err != nil {
			return err
		}
		url := "https://api.pulumi.com/?token=@TOKEN@"
		raw := `Authorization: token @TOKEN@`
		fmt.Println(len(url), len(raw), len(backendToken))
		ctx.Export("bucket", bucket.ID())
		return nil
	})
}
