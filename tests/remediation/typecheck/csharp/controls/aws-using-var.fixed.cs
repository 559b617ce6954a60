using System;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

namespace Controls
{
    public static class Lookups
    {
        public static string Token()
        {
            using var client = new AmazonSecretsManagerClient();
            var request = new GetSecretValueRequest { SecretId = "pulumi-access-token" };
            return client.GetSecretValueAsync(request).GetAwaiter().GetResult().SecretString;
        }
    }
}
