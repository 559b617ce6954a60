// Declarations mirroring the CyberArk Conjur .NET API (github.com/cyberark/conjur-api-dotnet):
//   conjur-api/Client.cs @ 41682c892ba6a41c1f2d154dfe156497ae5b343b (constructor, write-only Credential, Authenticator, LogIn)
//   conjur-api/Client.Methods.cs @ 4fff2d195324d5bb28b9acf196957efb51562d7a (Variable(string) instance method)
//   conjur-api/Variable.cs @ 4fff2d195324d5bb28b9acf196957efb51562d7a (GetValue, GetValueAsync, AddSecret)
//   conjur-api/Resource.cs, conjur-api/IAuthenticator.cs
// Only the variable-read surface is declared.
using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Conjur
{
    public interface IAuthenticator
    {
        string GetToken();
    }

    public partial class Client
    {
        public Client(string applianceUri, string account) { }
        public Uri ApplianceUri { get { throw null; } }
        public IAuthenticator Authenticator { get; set; }
        public NetworkCredential Credential { set { throw null; } }
        public string GetAccountName() { throw null; }
        public string LogIn(string userName, string password) { throw null; }
        public string LogIn(NetworkCredential credential) { throw null; }
        public Variable Variable(string name) { throw null; }
        public Client ActingAs(string role) { throw null; }
    }

    public class Resource
    {
        internal Resource() { }
        public string Id { get { throw null; } }
        public bool Check(string privilege) { throw null; }
    }

    public class Variable : Resource
    {
        internal Variable() { }
        public string GetValue() { throw null; }
        public Task<string> GetValueAsync(CancellationToken cancellationToken = default(CancellationToken)) { throw null; }
        public void AddSecret(byte[] val) { throw null; }
        public Task AddSecretAsync(byte[] val, CancellationToken cancellationToken = default(CancellationToken)) { throw null; }
    }
}
