using System.Net.Http;
using Pulumi;

namespace Controls
{
    public class Backend
    {
        private string token = new Config().Require("pulumiAccessToken", "default");
        private static readonly string StaticToken = "pul-<redacted>";

        public HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "https://api.pulumi.com/api/user");
            request.Headers.Add("Authorization", "token " + token + StaticToken);
            return request;
        }
    }
}
