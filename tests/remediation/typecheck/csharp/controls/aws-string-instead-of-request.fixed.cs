using System;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

namespace Controls
{
    public static class Lookups
    {
        public static string Token()
        {
            using (var client = new AmazonSecretsManagerClient())
            {
                return client.GetSecretValueAsync("pulumi-access-token").GetAwaiter().GetResult().SecretString;
            }
        }
    }
}
