using Pulumi;
using Pulumi.PulumiService;

namespace Controls
{
    public class TokenStack : Stack
    {
        public TokenStack()
        {
            var provider = new Pulumi.PulumiService.Provider("p", new ProviderArgs { AccessToken = "pul-<redacted>" });
        }
    }
}
