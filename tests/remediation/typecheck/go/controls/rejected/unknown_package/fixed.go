package main

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/secrets"
)

func main() {
	fmt.Println(secrets.Lookup("pulumiAccessToken"))
}
