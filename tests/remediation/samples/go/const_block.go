package main

import "fmt"

const (
	region = "us-east-1"
	// backend token
	backendToken = "@TOKEN@"
	backendURL   = "https://api.pulumi.com/?token=" +
		"@TOKEN@"
	retries      = 3
)

func main() {
	const (
		local = "@TOKEN@"
	)
	fmt.Println(region, backendToken, backendURL, retries, local)
}
