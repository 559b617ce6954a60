// Stub: mirrors github.com/aws/aws-sdk-go-v2 service/secretsmanager/api_client.go
// (Client, Options, New, NewFromConfig) and api_op_GetSecretValue.go (GetSecretValue,
// GetSecretValueInput, GetSecretValueOutput with their pointer fields)
// @ service/secretsmanager/v1.32.0. ResultMetadata (smithy-go middleware.Metadata) is omitted.
package secretsmanager

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// Options are the client options.
type Options struct {
	Region           string
	RetryMaxAttempts int
	AppID            string
}

// Client provides the API client to make operations call for AWS Secrets Manager.
type Client struct {
	options Options
}

// New returns an initialized Client based on the functional options.
func New(options Options, optFns ...func(*Options)) *Client { return &Client{options: options} }

// NewFromConfig returns a new client from the provided config.
func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client { return &Client{} }

type noSmithyDocumentSerde struct{}

type GetSecretValueInput struct {
	// The ARN or name of the secret to retrieve. This member is required.
	SecretId *string
	// The unique identifier of the version of the secret to retrieve.
	VersionId *string
	// The staging label of the version of the secret to retrieve.
	VersionStage *string

	noSmithyDocumentSerde
}

type GetSecretValueOutput struct {
	ARN           *string
	CreatedDate   *time.Time
	Name          *string
	SecretBinary  []byte
	SecretString  *string
	VersionId     *string
	VersionStages []string

	noSmithyDocumentSerde
}

// GetSecretValue retrieves the contents of the encrypted fields SecretString or SecretBinary.
func (c *Client) GetSecretValue(ctx context.Context, params *GetSecretValueInput, optFns ...func(*Options)) (*GetSecretValueOutput, error) {
	return &GetSecretValueOutput{}, nil
}
