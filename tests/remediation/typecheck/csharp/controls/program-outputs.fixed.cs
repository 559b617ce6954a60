using System.Collections.Generic;
using System.Threading.Tasks;
using Pulumi;
using Pulumi.PulumiService;

namespace Controls
{
    // Deployment.RunAsync, Output.Apply/Format/Tuple/CreateSecret, Input<T> from T and
    // from Output<T>, InputList/InputMap initializers, CustomResourceOptions.
    public static class Program
    {
        public static Task<int> Main()
        {
            return Deployment.RunAsync(() =>
            {
                var config = new Config();
                var token = config.RequireSecret("pulumiAccessToken");
                var provider = new Provider("p", new ProviderArgs { AccessToken = token, ApiUrl = "https://api.pulumi.com" },
                    new CustomResourceOptions { Protect = true, DependsOn = { }, AdditionalSecretOutputs = { "accessToken" } });
                Input<string> plain = config.Get("other") ?? "default";
                InputMap<string> tags = new Dictionary<string, string> { ["a"] = "b" };
                tags.Add("c", token);
                InputList<string> names = new[] { "x", "y" };
                names.Add(token);
                var length = token.Apply(t => t.Length);
                var header = Output.Format($"token {token}");
                var both = Output.Tuple(token, length).Apply(t => t.Item1 + t.Item2);
                var secret = Output.CreateSecret("s");
                return new Dictionary<string, object>
                {
                    ["length"] = length,
                    ["header"] = header,
                    ["both"] = both,
                    ["secret"] = secret,
                    ["urn"] = provider.Urn,
                };
            });
        }
    }
}
