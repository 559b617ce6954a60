using System.Net.Http;
using Pulumi;

namespace Controls
{
    public class Backend
    {
        private string token = "pul-<redacted>";
        static readonly string StaticToken = new Config().RequireSecret("k");

        public HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "https://api.pulumi.com/api/user");
            request.Headers.Add("Authorization", "token " + token + StaticToken);
            return request;
        }
    }
}
