package main

// The helpers kGoAws, kGoVault and kGoConjur of remediation/lookup_snippets.cpp, filled with
// the default names, and the imports go_lookup() adds for them.
import (
	"context"
	"fmt"

	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/cyberark/conjur-api-go/conjurapi"
	vault "github.com/hashicorp/vault/api"
)

func main() {
	fmt.Println(len(mustPulumiAccessTokenFromAws()), len(mustPulumiAccessTokenFromVault()), len(mustPulumiAccessTokenFromConjur()))
}

func mustPulumiAccessTokenFromAws() string {
	ctx := context.Background()
	cfg, err := awsconfig.LoadDefaultConfig(ctx)
	if err != nil {
		panic(err)
	}
	secretID := "pulumi-access-token"
	out, err := secretsmanager.NewFromConfig(cfg).GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: &secretID})
	if err != nil {
		panic(err)
	}
	return *out.SecretString
}

func mustPulumiAccessTokenFromVault() string {
	// DefaultConfig reads VAULT_ADDR; NewClient reads VAULT_TOKEN.
	client, err := vault.NewClient(vault.DefaultConfig())
	if err != nil {
		panic(err)
	}
	secret, err := client.KVv2("secret").Get(context.Background(), "pulumi")
	if err != nil {
		panic(err)
	}
	value, ok := secret.Data["api_key"].(string)
	if !ok {
		panic("vault field api_key is not a string")
	}
	return value
}

func mustPulumiAccessTokenFromConjur() string {
	// LoadConfig and NewClientFromEnvironment read the CONJUR_* variables.
	cfg, err := conjurapi.LoadConfig()
	if err != nil {
		panic(err)
	}
	client, err := conjurapi.NewClientFromEnvironment(cfg)
	if err != nil {
		panic(err)
	}
	value, err := client.RetrieveSecret("pulumi/access-token")
	if err != nil {
		panic(err)
	}
	return string(value)
}
