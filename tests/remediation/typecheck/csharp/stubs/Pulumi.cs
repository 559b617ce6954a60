// Declarations mirroring the public API of the Pulumi .NET SDK (NuGet "Pulumi" 3.x),
// whose source moved from github.com/pulumi/pulumi sdk/dotnet to
// github.com/pulumi/pulumi-dotnet sdk/Pulumi. Written for mcs (C# 7.2): the real
// `T?` annotations on reference types are nullable-reference annotations only and
// are dropped here; `private protected` members become internal. Bodies are
// `throw null`: only the signatures matter. Members not listed are left out.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;

namespace Pulumi
{
    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Core/Input.cs @ 154dd701d12aa22bdff64ccc8babf081b414fa15
    public class Input<T>
    {
        internal Input() { }
        public static implicit operator Input<T>(T value) { throw null; }
        public static implicit operator Input<T>(Output<T> value) { throw null; }
        public static implicit operator Output<T>(Input<T> input) { throw null; }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Core/Input.cs @ 154dd701d12aa22bdff64ccc8babf081b414fa15
    public static class InputExtensions
    {
        public static Output<TResult> Apply<T, TResult>(this Input<T> input, Func<T, TResult> func) { throw null; }
        public static Output<TResult> Apply<T, TResult>(this Input<T> input, Func<T, Task<TResult>> func) { throw null; }
        public static Output<TResult> Apply<T, TResult>(this Input<T> input, Func<T, Input<TResult>> func) { throw null; }
        public static Output<TResult> Apply<T, TResult>(this Input<T> input, Func<T, Output<TResult>> func) { throw null; }
        public static Output<T> ToOutput<T>(this Input<T> input) { throw null; }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Core/Output.cs @ 06a2d8ccf1df55e2729af561afbb219c52ab7bf4
    // (Tuple overloads: same class, partial, as in the released 3.x API)
    public static partial class Output
    {
        public static Output<T> Create<T>(T value) { throw null; }
        public static Output<T> Create<T>(Task<T> value) { throw null; }
        public static Output<T> CreateSecret<T>(T value) { throw null; }
        public static Output<T> CreateSecret<T>(Task<T> value) { throw null; }
        public static Output<T> CreateSecret<T>(Output<T> value) { throw null; }
        public static Output<T> Unsecret<T>(Output<T> output) { throw null; }
        public static Task<bool> IsSecretAsync<T>(Output<T> output) { throw null; }
        public static Output<ImmutableArray<T>> All<T>(params Input<T>[] inputs) { throw null; }
        public static Output<ImmutableArray<T>> All<T>(IEnumerable<Input<T>> inputs) { throw null; }
        public static Output<ImmutableArray<T>> All<T>(params Output<T>[] outputs) { throw null; }
        public static Output<ImmutableArray<T>> All<T>(IEnumerable<Output<T>> outputs) { throw null; }
        public static Output<string> Format(FormattableString formattableString) { throw null; }
        public static Output<(X, Y)> Tuple<X, Y>(Output<X> item1, Output<Y> item2) { throw null; }
        public static Output<(X, Y)> Tuple<X, Y>(Input<X> item1, Input<Y> item2) { throw null; }
        public static Output<(X, Y, Z)> Tuple<X, Y, Z>(Input<X> item1, Input<Y> item2, Input<Z> item3) { throw null; }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Core/Output.cs @ 06a2d8ccf1df55e2729af561afbb219c52ab7bf4
    public sealed class Output<T>
    {
        internal Output() { }
        public static Output<T> Create(Task<T> value) { throw null; }
        public Output<U> Apply<U>(Func<T, U> func) { throw null; }
        public Output<U> Apply<U>(Func<T, Task<U>> func) { throw null; }
        public Output<U> Apply<U>(Func<T, Input<U>> func) { throw null; }
        public Output<U> Apply<U>(Func<T, Output<U>> func) { throw null; }
        public override string ToString() { throw null; }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Core/InputList.cs @ 0f1a2057d35fa2e0be829c9c39922bc945da8a75
    // (IAsyncEnumerable<Input<T>> is left out: mono's 4.5 profile has no such interface)
    public sealed class InputList<T> : Input<ImmutableArray<T>>, IEnumerable
    {
        public InputList() { }
        public void Add(params Input<T>[] inputs) { throw null; }
        public void Add(InputList<T> inputs) { throw null; }
        public void AddRange(InputList<T> inputs) { throw null; }
        public InputList<T> Concat(InputList<T> other) { throw null; }
        public static implicit operator InputList<T>(T value) { throw null; }
        public static implicit operator InputList<T>(Output<T> value) { throw null; }
        public static implicit operator InputList<T>(Input<T> value) { throw null; }
        public static implicit operator InputList<T>(T[] values) { throw null; }
        public static implicit operator InputList<T>(Output<T>[] values) { throw null; }
        public static implicit operator InputList<T>(Input<T>[] values) { throw null; }
        public static implicit operator InputList<T>(List<T> values) { throw null; }
        public static implicit operator InputList<T>(List<Output<T>> values) { throw null; }
        public static implicit operator InputList<T>(List<Input<T>> values) { throw null; }
        public static implicit operator InputList<T>(ImmutableArray<T> values) { throw null; }
        public static implicit operator InputList<T>(ImmutableArray<Output<T>> values) { throw null; }
        public static implicit operator InputList<T>(ImmutableArray<Input<T>> values) { throw null; }
        public static implicit operator InputList<T>(Output<T[]> values) { throw null; }
        public static implicit operator InputList<T>(Output<List<T>> values) { throw null; }
        public static implicit operator InputList<T>(Output<IEnumerable<T>> values) { throw null; }
        public static implicit operator InputList<T>(Output<ImmutableArray<T>> values) { throw null; }
        IEnumerator IEnumerable.GetEnumerator() { throw null; }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Core/InputMap.cs @ 0f1a2057d35fa2e0be829c9c39922bc945da8a75
    // (IAsyncEnumerable<Input<KeyValuePair<string, V>>> left out, as for InputList)
    public sealed class InputMap<V> : Input<ImmutableDictionary<string, V>>, IEnumerable
    {
        public InputMap() { }
        public void Add(string key, Input<V> value) { throw null; }
        public Input<V> this[string key] { set { throw null; } }
        public static InputMap<V> Merge(InputMap<V> first, InputMap<V> second) { throw null; }
        public static implicit operator InputMap<V>(Dictionary<string, V> values) { throw null; }
        public static implicit operator InputMap<V>(ImmutableDictionary<string, V> values) { throw null; }
        public static implicit operator InputMap<V>(Output<Dictionary<string, V>> values) { throw null; }
        public static implicit operator InputMap<V>(Output<IDictionary<string, V>> values) { throw null; }
        public static implicit operator InputMap<V>(Output<ImmutableDictionary<string, V>> values) { throw null; }
        IEnumerator IEnumerable.GetEnumerator() { throw null; }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Config.cs @ 01749f0e789800aa7b30b7469fa9abbd2b01b53e
    // (the GetObject/RequireObject overloads taking System.Text.Json options are left out)
    public sealed partial class Config
    {
        public Config(string name = null) { }
        public string Get(string key) { throw null; }
        public Output<string> GetSecret(string key) { throw null; }
        public bool? GetBoolean(string key) { throw null; }
        public Output<bool> GetSecretBoolean(string key) { throw null; }
        public int? GetInt32(string key) { throw null; }
        public Output<int> GetSecretInt32(string key) { throw null; }
        public double? GetDouble(string key) { throw null; }
        public Output<double> GetSecretDouble(string key) { throw null; }
        public T GetObject<T>(string key) { throw null; }
        public Output<T> GetSecretObject<T>(string key) { throw null; }
        public string Require(string key) { throw null; }
        public Output<string> RequireSecret(string key) { throw null; }
        public bool RequireBoolean(string key) { throw null; }
        public Output<bool> RequireSecretBoolean(string key) { throw null; }
        public int RequireInt32(string key) { throw null; }
        public Output<int> RequireSecretInt32(string key) { throw null; }
        public double RequireDouble(string key) { throw null; }
        public Output<double> RequireSecretDouble(string key) { throw null; }
        public T RequireObject<T>(string key) { throw null; }
        public Output<T> RequireSecretObject<T>(string key) { throw null; }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Deployment/IDeployment.cs @ f43ef4ddf825692db3b15d290a4983ce3a1a0928
    public interface IDeployment
    {
        string StackName { get; }
        string ProjectName { get; }
        string OrganizationName { get; }
        bool IsDryRun { get; }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Deployment/Deployment_Run.cs @ 09665ca93076da3d0826af6571c20fb115cdd212
    // and sdk/Pulumi/Deployment/Deployment.cs (Instance)
    public sealed partial class Deployment
    {
        private Deployment() { }
        public static IDeployment Instance { get { throw null; } }
        public static Task<int> RunAsync(Action action) { throw null; }
        public static Task<int> RunAsync(Func<IDictionary<string, object>> func) { throw null; }
        public static Task<int> RunAsync(Func<Task> func) { throw null; }
        public static Task<int> RunAsync(Func<Task<IDictionary<string, object>>> func, StackOptions options = null) { throw null; }
        public static Task<int> RunAsync<TStack>() where TStack : Stack, new() { throw null; }
        public static Task<int> RunAsync<TStack>(IServiceProvider serviceProvider) where TStack : Stack { throw null; }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Resources/StackOptions.cs @ d0039a8809f5ff4ac007c02ac694594d6a26d6f7
    public class StackOptions
    {
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Resources/Resource.cs @ b6400f13cb84dfd6095f2386f66b4ae6f5cc6789
    public class Resource
    {
        internal Resource() { }
        public Output<string> Urn { get { throw null; } }
        public string GetResourceType() { throw null; }
        public string GetResourceName() { throw null; }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Resources/CustomResource.cs @ 74547e05e1edf81388f7b8f0068f1f61164f7114
    // (the overload taking a RegisterPackageRequest is left out)
    public class CustomResource : Resource
    {
        public CustomResource(string type, string name, ResourceArgs args, CustomResourceOptions options = null) { }
        public Output<string> Id { get { throw null; } }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Resources/ProviderResource.cs @ 0b1ed6b79eb9169ee77f04d7c5f16edb53b7a182
    public class ProviderResource : CustomResource
    {
        public ProviderResource(string package, string name, ResourceArgs args, CustomResourceOptions options = null)
            : base(null, name, args, options) { }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Resources/ComponentResource.cs @ 433529d2dc346de37a7cb874417e7ce5266bd59f
    public class ComponentResource : Resource
    {
        public ComponentResource(string type, string name, ComponentResourceOptions options = null) { }
        public ComponentResource(string type, string name, ResourceArgs args, ComponentResourceOptions options = null, bool remote = false) { }
        protected void RegisterOutputs() { throw null; }
        protected void RegisterOutputs(IDictionary<string, object> outputs) { throw null; }
        protected void RegisterOutputs(Task<IDictionary<string, object>> outputs) { throw null; }
        protected void RegisterOutputs(Output<IDictionary<string, object>> outputs) { throw null; }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Stack.cs @ 41e730c34ca4f9af1f879d52a112adefeae960fb
    public class Stack : ComponentResource
    {
        public Stack(StackOptions options = null) : base(null, null, (ComponentResourceOptions)null) { }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Resources/ResourceOptions.cs @ 585e6d023cfaf9e85553ed60d0ff06c1c53eef79
    public abstract class ResourceOptions
    {
        internal ResourceOptions() { }
        public Input<string> Id { get; set; }
        public Resource Parent { get; set; }
        public InputList<Resource> DependsOn { get; set; }
        public bool? Protect { get; set; }
        public List<string> IgnoreChanges { get; set; }
        public string Version { get; set; }
        public ProviderResource Provider { get; set; }
        public bool? RetainOnDelete { get; set; }
        public string PluginDownloadURL { get; set; }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Resources/CustomResourceOptions.cs @ 17cd206d069d977ecdfe2342e0a838385d719fe9
    public sealed class CustomResourceOptions : ResourceOptions
    {
        public bool? DeleteBeforeReplace { get; set; }
        public List<string> AdditionalSecretOutputs { get; set; }
        public string ImportId { get; set; }
        public static CustomResourceOptions Merge(CustomResourceOptions options1, CustomResourceOptions options2) { throw null; }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Resources/ComponentResourceOptions.cs @ 41e730c34ca4f9af1f879d52a112adefeae960fb
    public sealed class ComponentResourceOptions : ResourceOptions
    {
        public List<ProviderResource> Providers { get; set; }
        public static ComponentResourceOptions Merge(ComponentResourceOptions options1, ComponentResourceOptions options2) { throw null; }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Resources/InputArgs.cs @ 1082ffaa23b0109cca9d7783651edb9b1957dbc0
    public abstract class InputArgs
    {
        internal InputArgs() { }
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Resources/ResourceArgs.cs @ d6810e0bfe5db3e39d7298edc5b5a7f0d859c176
    public abstract class ResourceArgs : InputArgs
    {
        public static readonly ResourceArgs Empty;
    }

    // github.com/pulumi/pulumi-dotnet sdk/Pulumi/Serialization/Attributes.cs (OutputAttribute, InputAttribute)
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class OutputAttribute : Attribute
    {
        public OutputAttribute(string name = null) { }
        public string Name { get { throw null; } }
    }

    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class InputAttribute : Attribute
    {
        public InputAttribute(string name, bool required = false, bool json = false) { }
    }
}
