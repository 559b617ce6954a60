// Declarations mirroring the Pulumi Automation API (NuGet "Pulumi.Automation" 3.x),
// github.com/pulumi/pulumi-dotnet sdk/Pulumi.Automation. C# 7.2 for mcs: nullable
// annotations dropped. Only the members listed are declared.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;

namespace Pulumi.Automation
{
    // sdk/Pulumi.Automation/LocalWorkspaceOptions.cs @ 1082ffaa23b0109cca9d7783651edb9b1957dbc0
    // (PulumiCommand, Program, Logger, ProjectSettings, StackSettings left out)
    public class LocalWorkspaceOptions
    {
        public string WorkDir { get; set; }
        public string PulumiHome { get; set; }
        public string SecretsProvider { get; set; }
        public IDictionary<string, string> EnvironmentVariables { get; set; }
    }

    // sdk/Pulumi.Automation/LocalProgramArgs.cs @ 41e730c34ca4f9af1f879d52a112adefeae960fb
    public class LocalProgramArgs : LocalWorkspaceOptions
    {
        public LocalProgramArgs(string stackName, string workDir) { }
        public string StackName { get { throw null; } }
    }

    // sdk/Pulumi.Automation/Workspace.cs (abstract base of LocalWorkspace)
    public abstract class Workspace : IDisposable
    {
        internal Workspace() { }
        public abstract string WorkDir { get; }
        public abstract IDictionary<string, string> EnvironmentVariables { get; set; }
        public virtual void Dispose() { }
    }

    // sdk/Pulumi.Automation/LocalWorkspace.cs @ 12faf6280ecb9ee14b7c8e27cc5eb43d1ace3512
    // (the real class has a pair of overloads, with and without a CancellationToken,
    // not one optional parameter; the InlineProgramArgs overloads are left out)
    public sealed class LocalWorkspace : Workspace
    {
        private LocalWorkspace() { }
        public override string WorkDir { get { throw null; } }
        public override IDictionary<string, string> EnvironmentVariables { get { throw null; } set { throw null; } }
        public static Task<LocalWorkspace> CreateAsync(LocalWorkspaceOptions options = null, CancellationToken cancellationToken = default(CancellationToken)) { throw null; }
        public static Task<WorkspaceStack> CreateStackAsync(LocalProgramArgs args) { throw null; }
        public static Task<WorkspaceStack> CreateStackAsync(LocalProgramArgs args, CancellationToken cancellationToken) { throw null; }
        public static Task<WorkspaceStack> SelectStackAsync(LocalProgramArgs args) { throw null; }
        public static Task<WorkspaceStack> SelectStackAsync(LocalProgramArgs args, CancellationToken cancellationToken) { throw null; }
        public static Task<WorkspaceStack> CreateOrSelectStackAsync(LocalProgramArgs args) { throw null; }
        public static Task<WorkspaceStack> CreateOrSelectStackAsync(LocalProgramArgs args, CancellationToken cancellationToken) { throw null; }
    }

    // sdk/Pulumi.Automation/ConfigValue.cs @ 30540f100597ceb4247c6dee13891f2f7fafea06
    public class ConfigValue
    {
        public ConfigValue(string value, bool isSecret = false) { }
        public string Value { get { throw null; } }
        public bool IsSecret { get { throw null; } }
    }

    // sdk/Pulumi.Automation/WorkspaceStack.cs (UpAsync, PreviewAsync, DestroyAsync, SetConfigAsync)
    public sealed class WorkspaceStack : IDisposable
    {
        private WorkspaceStack() { }
        public string Name { get { throw null; } }
        public Workspace Workspace { get { throw null; } }
        public Task SetConfigAsync(string key, ConfigValue value, bool path = false, CancellationToken cancellationToken = default(CancellationToken)) { throw null; }
        public Task<UpResult> UpAsync(UpOptions options = null, CancellationToken cancellationToken = default(CancellationToken)) { throw null; }
        public Task<UpdateResult> DestroyAsync(DestroyOptions options = null, CancellationToken cancellationToken = default(CancellationToken)) { throw null; }
        public void Dispose() { }
    }

    // sdk/Pulumi.Automation/UpdateOptions.cs, UpOptions.cs, DestroyOptions.cs
    public class UpdateOptions
    {
        public int? Parallel { get; set; }
        public string Message { get; set; }
        public List<string> Target { get; set; }
        public Action<string> OnStandardOutput { get; set; }
        public Action<string> OnStandardError { get; set; }
    }

    public sealed class UpOptions : UpdateOptions
    {
        public bool? ExpectNoChanges { get; set; }
        public bool? Diff { get; set; }
        public List<string> Replace { get; set; }
        public bool? TargetDependents { get; set; }
    }

    public sealed class DestroyOptions : UpdateOptions
    {
        public bool? TargetDependents { get; set; }
    }

    // sdk/Pulumi.Automation/UpdateResult.cs, UpResult.cs, OutputValue.cs @ d6810e0bfe5db3e39d7298edc5b5a7f0d859c176
    public class UpdateResult
    {
        internal UpdateResult() { }
        public string StandardOutput { get { throw null; } }
        public string StandardError { get { throw null; } }
    }

    public sealed class UpResult : UpdateResult
    {
        private UpResult() { }
        public IImmutableDictionary<string, OutputValue> Outputs { get { throw null; } }
    }

    public sealed class OutputValue
    {
        private OutputValue() { }
        public object Value { get { throw null; } }
        public bool IsSecret { get { throw null; } }
    }
}
