// Stub: mirrors github.com/cyberark/conjur-api-go conjurapi/config.go (Config, LoadConfig),
// conjurapi/client.go (Client, NewClientFromEnvironment) and conjurapi/variable.go
// ((*Client).RetrieveSecret) @ v0.11.1.
package conjurapi

// Config holds the connection settings of a Conjur client.
type Config struct {
	Account      string
	ApplianceURL string
	NetRCPath    string
	SSLCert      string
	SSLCertPath  string
}

// LoadConfig merges the configuration files and the CONJUR_* environment variables.
func LoadConfig() (Config, error) { return Config{}, nil }

// Client is a Conjur API client.
type Client struct {
	config Config
}

// NewClientFromEnvironment creates a client from the CONJUR_AUTHN_* environment variables.
func NewClientFromEnvironment(config Config) (*Client, error) { return &Client{config: config}, nil }

// RetrieveSecret fetches a secret from a variable.
func (c *Client) RetrieveSecret(variableID string) ([]byte, error) { return nil, nil }
