package main

import "fmt"

func main() {
	fmt.Println(len("pul-<redacted>"), len("pul-<redacted>"), len("pul-<redacted>"))
}
