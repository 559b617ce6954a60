using System.Threading.Tasks;
using Pulumi;
using Pulumi.PulumiService;

class WebhookStack : Stack
{
    // A static field and an instance field: plain strings, outside any Pulumi call.
    private static readonly string DefaultToken = "@TOKEN@";
    private readonly string token = "@TOKEN@";

    // Rotated on 2026-11-30; the old value was @TOKEN@.
    public WebhookStack()
    {
        // A resource input: an Output fits.
        var provider = new Provider("service", new ProviderArgs { AccessToken = "@TOKEN@" });
        // A plain string in the program (its length is used).
        var header = "token @TOKEN@";
        HeaderLength = Output.Create(header.Length + DefaultToken.Length + token.Length);
        ProviderUrn = provider.Urn;
    }

    [Output] public Output<int> HeaderLength { get; set; }
    [Output] public Output<string> ProviderUrn { get; set; }

    static Task<int> Main() => Deployment.RunAsync<WebhookStack>();
}
