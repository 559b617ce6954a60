// Declarations mirroring VaultSharp 1.x (NuGet "VaultSharp", 1.17):
//   github.com/rajanadar/VaultSharp src/VaultSharp/IVaultClient.cs, VaultClient.cs
//   github.com/rajanadar/VaultSharp src/VaultSharp/VaultClientSettings.cs @ 04be29ef543fe55a8726915ede93d2e8286fc345
//   github.com/rajanadar/VaultSharp src/VaultSharp/V1/IVaultClientV1.cs
//   github.com/rajanadar/VaultSharp src/VaultSharp/V1/SecretsEngines/ISecretsEngine.cs
//   github.com/rajanadar/VaultSharp src/VaultSharp/V1/SecretsEngines/KeyValue/IKeyValueSecretsEngine.cs
//   github.com/rajanadar/VaultSharp src/VaultSharp/V1/SecretsEngines/KeyValue/V2/IKeyValueSecretsEngineV2.cs
//   github.com/rajanadar/VaultSharp src/VaultSharp/V1/Commons/Secret.cs, SecretData.cs, CurrentSecretMetadata.cs
//   github.com/rajanadar/VaultSharp src/VaultSharp/V1/AuthMethods/IAuthMethodInfo.cs, AbstractAuthMethodInfo.cs, AuthMethodType.cs
//   github.com/rajanadar/VaultSharp src/VaultSharp/V1/AuthMethods/Token/TokenAuthMethodInfo.cs @ 4c8584d6b6e4156b379176424e8d3626376a2a9b
// Only the KV v2 read path is declared.
using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace VaultSharp
{
    using VaultSharp.V1;
    using VaultSharp.V1.AuthMethods;

    public interface IVaultClient
    {
        IVaultClientV1 V1 { get; }
        VaultClientSettings Settings { get; }
    }

    public class VaultClient : IVaultClient
    {
        public VaultClient(VaultClientSettings vaultClientSettings) { }
        public IVaultClientV1 V1 { get { throw null; } }
        public VaultClientSettings Settings { get { throw null; } }
    }

    public class VaultClientSettings
    {
        public VaultClientSettings(string vaultServerUriWithPort, IAuthMethodInfo authMethodInfo) { }
        public string VaultServerUriWithPort { get { throw null; } }
        public IAuthMethodInfo AuthMethodInfo { get { throw null; } }
        public string Namespace { get; set; }
        public TimeSpan? VaultServiceTimeout { get; set; }
    }
}

namespace VaultSharp.V1
{
    using VaultSharp.V1.SecretsEngines;

    public interface IVaultClientV1
    {
        ISecretsEngine Secrets { get; }
    }
}

namespace VaultSharp.V1.SecretsEngines
{
    using VaultSharp.V1.SecretsEngines.KeyValue;

    public interface ISecretsEngine
    {
        IKeyValueSecretsEngine KeyValue { get; }
    }
}

namespace VaultSharp.V1.SecretsEngines.KeyValue
{
    using VaultSharp.V1.SecretsEngines.KeyValue.V2;

    public interface IKeyValueSecretsEngine
    {
        IKeyValueSecretsEngineV2 V2 { get; }
    }
}

namespace VaultSharp.V1.SecretsEngines.KeyValue.V2
{
    using VaultSharp.V1.Commons;

    public interface IKeyValueSecretsEngineV2
    {
        Task<Secret<SecretData>> ReadSecretAsync(string path, int? version = null, string mountPoint = null, string wrapTimeToLive = null);
        Task<Secret<CurrentSecretMetadata>> WriteSecretAsync<T>(string path, T data, int? checkAndSet = null, string mountPoint = null);
    }
}

namespace VaultSharp.V1.Commons
{
    public class Secret<TData>
    {
        public string RequestId { get; set; }
        public string LeaseId { get; set; }
        public bool Renewable { get; set; }
        public int LeaseDurationSeconds { get; set; }
        public TData Data { get; set; }
        public IEnumerable<string> Warnings { get; set; }
    }

    public class SecretData
    {
        public IDictionary<string, object> Data { get; set; }
        public CurrentSecretMetadata Metadata { get; set; }
    }

    public class CurrentSecretMetadata
    {
        public string CreatedTime { get; set; }
        public string DeletionTime { get; set; }
        public bool Destroyed { get; set; }
        public int Version { get; set; }
    }
}

namespace VaultSharp.V1.AuthMethods
{
    public interface IAuthMethodInfo
    {
        AuthMethodType AuthMethodType { get; }
    }

    public abstract class AbstractAuthMethodInfo : IAuthMethodInfo
    {
        public abstract AuthMethodType AuthMethodType { get; }
    }

    public class AuthMethodType
    {
        private AuthMethodType() { }
        public static AuthMethodType Token { get { throw null; } }
        public string Type { get { throw null; } }
    }
}

namespace VaultSharp.V1.AuthMethods.Token
{
    public class TokenAuthMethodInfo : AbstractAuthMethodInfo
    {
        public TokenAuthMethodInfo(string vaultToken) { }
        public override AuthMethodType AuthMethodType { get { throw null; } }
        public string VaultToken { get { throw null; } }
    }
}
