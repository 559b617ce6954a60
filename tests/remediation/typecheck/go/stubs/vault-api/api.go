// Stub: mirrors github.com/hashicorp/vault api/client.go (Config, DefaultConfig, NewClient,
// (*Client).SetToken, SetAddress, Token, Logical), api/kv.go ((*Client).KVv2, KVSecret),
// api/kv_v2.go (KVv2, (*KVv2).Get, KVVersionMetadata), api/logical.go (Logical, Read)
// and api/secret.go (Secret) @ api/v1.14.0.
package api

import (
	"context"
	"time"
)

// Config is used to configure the creation of the client.
type Config struct {
	// Address is the address of the Vault server.
	Address string
	// MaxRetries controls the maximum number of times to retry when a 5xx error occurs.
	MaxRetries int
	// Timeout is for setting custom timeout parameter in the HttpClient.
	Timeout time.Duration
	// Error is set by DefaultConfig when reading the environment fails.
	Error error
}

// DefaultConfig returns a default configuration for the client (reads VAULT_ADDR and friends).
func DefaultConfig() *Config { return &Config{} }

// Client is the client to the Vault API.
type Client struct {
	addr  string
	token string
}

// NewClient returns a new client for the given configuration (reads VAULT_TOKEN).
func NewClient(c *Config) (*Client, error) { return &Client{}, nil }

// SetToken sets the token directly.
func (c *Client) SetToken(v string) { c.token = v }

// Token returns the access token being used by this client.
func (c *Client) Token() string { return c.token }

// SetAddress sets the address of Vault in the client.
func (c *Client) SetAddress(addr string) error { c.addr = addr; return nil }

// Logical is used to return the client for logical-backend API calls.
func (c *Client) Logical() *Logical { return &Logical{c: c} }

// KVv2 is used to return a client for reads and writes against a KV v2 secrets engine.
func (c *Client) KVv2(mountPath string) *KVv2 { return &KVv2{c: c, mountPath: mountPath} }

// Secret is the structure returned for every secret within Vault.
type Secret struct {
	RequestID     string
	LeaseID       string
	LeaseDuration int
	Renewable     bool
	Data          map[string]interface{}
	Warnings      []string
}

// Logical is used to perform logical backend operations on Vault.
type Logical struct {
	c *Client
}

// Read reads the secret at path.
func (c *Logical) Read(path string) (*Secret, error) { return nil, nil }

// KVv2 is used to interact with KV v2 secrets engines.
type KVv2 struct {
	c         *Client
	mountPath string
}

// KVSecret is a key-value secret returned by Vault's KV secrets engine.
type KVSecret struct {
	Data            map[string]interface{}
	VersionMetadata *KVVersionMetadata
	CustomMetadata  map[string]interface{}
	Raw             *Secret
}

// KVVersionMetadata is a subset of metadata for a given version of a KV v2 secret.
type KVVersionMetadata struct {
	Version      int
	CreatedTime  time.Time
	DeletionTime time.Time
	Destroyed    bool
}

// Get returns the latest version of a secret from the KV v2 secrets engine.
func (kv *KVv2) Get(ctx context.Context, secretPath string) (*KVSecret, error) { return nil, nil }

// GetVersion returns the data and metadata for a specific version of the given secret.
func (kv *KVv2) GetVersion(ctx context.Context, secretPath string, version int) (*KVSecret, error) {
	return nil, nil
}
