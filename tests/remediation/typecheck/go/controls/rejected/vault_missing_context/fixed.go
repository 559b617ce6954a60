package main

import (
	"fmt"

	vault "github.com/hashicorp/vault/api"
)

func main() {
	client, err := vault.NewClient(vault.DefaultConfig())
	if err != nil {
		panic(err)
	}
	secret, err := client.KVv2("secret").Get("pulumi")
	if err != nil {
		panic(err)
	}
	fmt.Println(secret.Data["api_key"])
}
