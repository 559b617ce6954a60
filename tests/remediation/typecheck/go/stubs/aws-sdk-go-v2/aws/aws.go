// Stub: mirrors github.com/aws/aws-sdk-go-v2 aws/config.go (Config) and aws/to_ptr.go,
// aws/from_ptr.go (String, ToString) @ v1.30.0.
package aws

// Config provides service configuration for service clients.
type Config struct {
	// The region to send requests to.
	Region string
	// The number of times the retryer will attempt a request.
	RetryMaxAttempts int
	// The application ID appended to the User-Agent.
	AppID string
}

// String returns a pointer value for the string value passed in.
func String(v string) *string { return &v }

// ToString returns string value dereferenced from the passed in pointer.
func ToString(p *string) (v string) {
	if p == nil {
		return v
	}
	return *p
}
