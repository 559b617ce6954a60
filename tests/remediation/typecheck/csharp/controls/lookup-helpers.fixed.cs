using System.Net.Http;
using System;
using System.Net;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using VaultSharp;
using VaultSharp.V1.AuthMethods.Token;

namespace Controls
{
    // The three helpers of remediation/lookup_snippets.cpp (kCsAws, kCsVault,
    // kCsConjur) as C# 7.2 accepts them: only kCsAws changes, `using var` becoming
    // a using statement with a block.
    public class Backend
    {
        private static readonly string Token = Environment.GetEnvironmentVariable("PULUMI_ACCESS_TOKEN");

        public HttpRequestMessage Request(string stack)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"https://api.pulumi.com/{stack}");
            request.Headers.Add("Authorization", "token " + Token);
            request.Headers.Add("X-Aws", PulumiAccessTokenFromAws());
            request.Headers.Add("X-Vault", PulumiAccessTokenFromVault());
            request.Headers.Add("X-Conjur", PulumiAccessTokenFromConjur());
            return request;
        }

        private static string PulumiAccessTokenFromAws()
        {
            using (var client = new AmazonSecretsManagerClient())
            {
                var request = new GetSecretValueRequest { SecretId = "pulumi-access-token" };
                return client.GetSecretValueAsync(request).GetAwaiter().GetResult().SecretString;
            }
        }

        private static string PulumiAccessTokenFromVault()
        {
            var auth = new TokenAuthMethodInfo(Environment.GetEnvironmentVariable("VAULT_TOKEN"));
            var client = new VaultClient(new VaultClientSettings(Environment.GetEnvironmentVariable("VAULT_ADDR"), auth));
            var secret = client.V1.Secrets.KeyValue.V2.ReadSecretAsync(path: "pulumi", mountPoint: "secret").GetAwaiter().GetResult();
            return secret.Data.Data["api_key"].ToString();
        }

        private static string PulumiAccessTokenFromConjur()
        {
            var client = new Conjur.Client(Environment.GetEnvironmentVariable("CONJUR_APPLIANCE_URL"), Environment.GetEnvironmentVariable("CONJUR_ACCOUNT"));
            client.Credential = new NetworkCredential(Environment.GetEnvironmentVariable("CONJUR_AUTHN_LOGIN"), Environment.GetEnvironmentVariable("CONJUR_AUTHN_API_KEY"));
            return client.Variable("pulumi/access-token").GetValue();
        }
    }
}
