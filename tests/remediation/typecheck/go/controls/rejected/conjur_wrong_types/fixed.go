package main

import (
	"fmt"

	"github.com/cyberark/conjur-api-go/conjurapi"
)

func main() {
	cfg, err := conjurapi.LoadConfig()
	if err != nil {
		panic(err)
	}
	client, err := conjurapi.NewClientFromEnvironment(&cfg)
	if err != nil {
		panic(err)
	}
	var value string
	value, err = client.RetrieveSecret("pulumi/access-token")
	fmt.Println(value, err)
}
