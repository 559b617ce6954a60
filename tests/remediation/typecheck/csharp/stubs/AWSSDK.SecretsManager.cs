// Declarations mirroring AWSSDK.SecretsManager 3.7 (and AWSSDK.Core) for .NET Core /
// .NET Standard, where the operations exist only in asynchronous form:
//   github.com/aws/aws-sdk-net sdk/src/Services/SecretsManager/Generated/_netstandard/AmazonSecretsManagerClient.cs
//   github.com/aws/aws-sdk-net sdk/src/Services/SecretsManager/Generated/_netstandard/IAmazonSecretsManager.cs
//   github.com/aws/aws-sdk-net sdk/src/Services/SecretsManager/Generated/Model/GetSecretValueRequest.cs
//   github.com/aws/aws-sdk-net sdk/src/Services/SecretsManager/Generated/Model/GetSecretValueResponse.cs
//   github.com/aws/aws-sdk-net sdk/src/Core/Amazon.Runtime/AmazonWebServiceRequest.cs, AmazonWebServiceResponse.cs
//   github.com/aws/aws-sdk-net sdk/src/Core/RegionEndpoint.cs
// (all @ tag 3.7.400; only GetSecretValue is declared of the service's operations)
using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Amazon
{
    public sealed class RegionEndpoint
    {
        private RegionEndpoint() { }
        public static readonly RegionEndpoint USEast1;
        public static readonly RegionEndpoint USWest2;
        public static readonly RegionEndpoint EUWest1;
        public static RegionEndpoint GetBySystemName(string systemName) { throw null; }
        public string SystemName { get { throw null; } }
    }
}

namespace Amazon.Runtime
{
    public abstract class AmazonWebServiceRequest
    {
        protected AmazonWebServiceRequest() { }
    }

    public class AmazonWebServiceResponse
    {
        public HttpStatusCode HttpStatusCode { get; set; }
        public long ContentLength { get; set; }
    }

    public interface IAmazonService
    {
    }

    public abstract class AmazonServiceClient : IDisposable
    {
        internal AmazonServiceClient() { }
        public void Dispose() { }
    }
}

namespace Amazon.SecretsManager
{
    using Amazon.SecretsManager.Model;

    public interface IAmazonSecretsManager : Amazon.Runtime.IAmazonService, IDisposable
    {
        Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default(CancellationToken));
    }

    public partial class AmazonSecretsManagerClient : Amazon.Runtime.AmazonServiceClient, IAmazonSecretsManager
    {
        public AmazonSecretsManagerClient() { }
        public AmazonSecretsManagerClient(RegionEndpoint region) { }
        public virtual Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default(CancellationToken)) { throw null; }
    }
}

namespace Amazon.SecretsManager.Model
{
    public abstract partial class AmazonSecretsManagerRequest : Amazon.Runtime.AmazonWebServiceRequest
    {
    }

    public partial class GetSecretValueRequest : AmazonSecretsManagerRequest
    {
        public string SecretId { get; set; }
        public string VersionId { get; set; }
        public string VersionStage { get; set; }
    }

    public partial class GetSecretValueResponse : Amazon.Runtime.AmazonWebServiceResponse
    {
        public string ARN { get; set; }
        public DateTime CreatedDate { get; set; }
        public string Name { get; set; }
        public MemoryStream SecretBinary { get; set; }
        public string SecretString { get; set; }
        public string VersionId { get; set; }
        public List<string> VersionStages { get; set; }
    }
}
