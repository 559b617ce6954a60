using System.Net.Http;

namespace Deploy
{
    public class Backend
    {
        private const string Token = "@TOKEN@";

        public HttpRequestMessage Request(string stack)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"https://api.pulumi.com/{stack}?token=@TOKEN@");
            request.Headers.Add("Authorization", @"token @TOKEN@");
            request.Headers.Add("X-Token", Token);
            return request;
        }
    }
}
