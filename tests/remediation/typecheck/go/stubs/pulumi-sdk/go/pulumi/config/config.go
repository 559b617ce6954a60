// Stub: mirrors github.com/pulumi/pulumi sdk/go/pulumi/config/require.go, get.go, try.go
// and config.go @ v3.140.0 (string-valued functions only: Get, GetSecret, Require,
// RequireSecret, Try, TrySecret, New and the *Config methods of the same names).
package config

import "github.com/pulumi/pulumi/sdk/v3/go/pulumi"

// Get loads an optional configuration value by its key, or returns "" if it doesn't exist.
func Get(ctx *pulumi.Context, key string) string { return "" }

// GetSecret loads an optional configuration value by its key, or "" if it doesn't exist,
// and returns it wrapped in a secret Output.
func GetSecret(ctx *pulumi.Context, key string) pulumi.StringOutput { return pulumi.StringOutput{} }

// Require loads a configuration value by its key, or panics if it doesn't exist.
func Require(ctx *pulumi.Context, key string) string { return "" }

// RequireSecret loads a configuration value by its key returning it wrapped in a secret Output,
// or panics if it doesn't exist.
func RequireSecret(ctx *pulumi.Context, key string) pulumi.StringOutput { return pulumi.StringOutput{} }

// Try loads a configuration value by its key, returning a non-nil error if it doesn't exist.
func Try(ctx *pulumi.Context, key string) (string, error) { return "", nil }

// TrySecret loads a configuration value by its key, returning a non-nil error if it doesn't exist.
func TrySecret(ctx *pulumi.Context, key string) (pulumi.StringOutput, error) {
	return pulumi.StringOutput{}, nil
}

// Config is a bag of configuration values with a namespace.
type Config struct {
	ctx       *pulumi.Context
	namespace string
}

// New creates a new config bag with the given context and namespace.
func New(ctx *pulumi.Context, namespace string) *Config {
	return &Config{ctx: ctx, namespace: namespace}
}

func (c *Config) Get(key string) string                        { return "" }
func (c *Config) GetSecret(key string) pulumi.StringOutput     { return pulumi.StringOutput{} }
func (c *Config) Require(key string) string                    { return "" }
func (c *Config) RequireSecret(key string) pulumi.StringOutput { return pulumi.StringOutput{} }
func (c *Config) Try(key string) (string, error)               { return "", nil }
func (c *Config) TrySecret(key string) (pulumi.StringOutput, error) {
	return pulumi.StringOutput{}, nil
}
