// Stub: mirrors github.com/aws/aws-sdk-go-v2 config/config.go (LoadDefaultConfig) and
// config/load_options.go (LoadOptions, LoadOptionsFunc, WithRegion,
// WithSharedConfigProfile) @ config/v1.27.0.
package config

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// LoadOptions are discrete set of options that are valid for loading the configuration.
type LoadOptions struct {
	Region              string
	SharedConfigProfile string
	SharedConfigFiles   []string
	RetryMaxAttempts    int
}

// LoadOptionsFunc is a type alias for LoadOptions functional option.
type LoadOptionsFunc func(*LoadOptions) error

// WithRegion is a helper function to construct functional options that sets Region on config's LoadOptions.
func WithRegion(v string) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.Region = v; return nil }
}

// WithSharedConfigProfile sets the shared config profile on LoadOptions.
func WithSharedConfigProfile(v string) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.SharedConfigProfile = v; return nil }
}

// LoadDefaultConfig reads the SDK's default external configurations, and populates an AWS Config.
func LoadDefaultConfig(ctx context.Context, optFns ...func(*LoadOptions) error) (cfg aws.Config, err error) {
	return aws.Config{}, nil
}
