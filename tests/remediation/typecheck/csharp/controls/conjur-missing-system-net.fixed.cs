using System;

namespace Controls
{
    public static class Lookups
    {
        public static string Token()
        {
            var client = new Conjur.Client(Environment.GetEnvironmentVariable("CONJUR_APPLIANCE_URL"), Environment.GetEnvironmentVariable("CONJUR_ACCOUNT"));
            client.Credential = new NetworkCredential(Environment.GetEnvironmentVariable("CONJUR_AUTHN_LOGIN"), Environment.GetEnvironmentVariable("CONJUR_AUTHN_API_KEY"));
            return client.Variable("pulumi/access-token").GetValue();
        }
    }
}
