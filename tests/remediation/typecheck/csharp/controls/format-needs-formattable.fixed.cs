using System.Net.Http;
using Pulumi;

namespace Controls
{
    public class Backend
    {
        private string token = "pul-<redacted>";
        private static readonly string StaticToken = "pul-<redacted>";

        public Output<string> Header()
        {
            var prefix = "token ";
            return Output.Format(prefix + StaticToken);
        }
    }
}
