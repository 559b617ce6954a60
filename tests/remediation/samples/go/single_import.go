package deploy

import "fmt"

// Describe says where the stack lives.
func Describe() string {
	return fmt.Sprintf("token=%s", "@TOKEN@")
}
