package main

import (
	"fmt"
	"net/http"

	"github.com/pulumi/pulumi-pulumiservice/sdk/go/pulumiservice"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Package level, used as a plain string: no Pulumi context here.
const backendToken = "@TOKEN@"

var defaultToken = "@TOKEN@"

// A struct field set in a composite literal: a plain string.
type apiClient struct {
	token string
}

var client = apiClient{token: "@TOKEN@"}

// Without a Pulumi context: a plain string is required.
func apiRequest() (*http.Request, error) {
	req, err := http.NewRequest("GET", "https://api.pulumi.com/api/user", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "token @TOKEN@")
	return req, nil
}

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		// A resource input inside the Pulumi program: an Output fits.
		provider, err := pulumiservice.NewProvider(ctx, "service", &pulumiservice.ProviderArgs{
			AccessToken: pulumi.String("@TOKEN@"),
		})
		if err != nil {
			return err
		}
		// In the program, but a plain string (its length is used).
		url := "https://api.pulumi.com/?token=@TOKEN@"
		raw := `Authorization: token @TOKEN@`
		// The old token @TOKEN@ was rotated.
		fmt.Println(len(url), len(raw), len(backendToken), len(defaultToken), len(client.token))
		if _, err := apiRequest(); err != nil {
			return err
		}
		ctx.Export("provider", provider.URN())
		return nil
	})
}
