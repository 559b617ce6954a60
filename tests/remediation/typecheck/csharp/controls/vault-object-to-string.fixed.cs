using System;
using VaultSharp;
using VaultSharp.V1.AuthMethods.Token;

namespace Controls
{
    public static class Lookups
    {
        public static string Token()
        {
            var auth = new TokenAuthMethodInfo(Environment.GetEnvironmentVariable("VAULT_TOKEN"));
            var client = new VaultClient(new VaultClientSettings(Environment.GetEnvironmentVariable("VAULT_ADDR"), auth));
            var secret = client.V1.Secrets.KeyValue.V2.ReadSecretAsync(path: "pulumi", mountPoint: "secret").GetAwaiter().GetResult();
            return secret.Data.Data["api_key"];
        }
    }
}
