using System.Net.Http;

namespace Controls
{
    public class Backend
    {
        private const string Token = "pul-<redacted>";

        public HttpRequestMessage Request(string stack)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"https://api.pulumi.com/{stack}");
            request.Headers.Add("Authorization", "token " + Token);
            request.Headers.Add("X-Aws", "pul-<redacted>");
            request.Headers.Add("X-Vault", "pul-<redacted>");
            request.Headers.Add("X-Conjur", "pul-<redacted>");
            return request;
        }
    }
}
