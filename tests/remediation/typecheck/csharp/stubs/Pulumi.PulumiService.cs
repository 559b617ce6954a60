// Mirrors the generated provider class of the Pulumi Cloud provider's .NET SDK
// (NuGet "Pulumi.PulumiService"): github.com/pulumi/pulumi-pulumiservice
// sdk/dotnet/Provider.cs @ 06bf5b3dc9b7962f9e5d5045ea83614d6ad97efb.
// The real ProviderArgs has AccessToken and ApiUrl (there is no ServiceURL).
namespace Pulumi.PulumiService
{
    public partial class Provider : global::Pulumi.ProviderResource
    {
        public Provider(string name, ProviderArgs args = null, CustomResourceOptions options = null)
            : base("pulumiservice", name, args, options) { }
    }

    public sealed class ProviderArgs : global::Pulumi.ResourceArgs
    {
        public ProviderArgs() { }
        public Input<string> AccessToken { get { throw null; } set { throw null; } }
        public Input<string> ApiUrl { get; set; }
        public static new ProviderArgs Empty { get { throw null; } }
    }
}
