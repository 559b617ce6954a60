// Stub mirroring github.com/pulumi/pulumi-java
//   sdk/java/pulumi/src/main/java/com/pulumi/automation/LocalWorkspace.java @ commit 0dc17a0a9072 (stored copy)
// Static factories (all throw the checked AutomationException), environment/workDir
// accessors and close() throws Exception.
package com.pulumi.automation;

import com.pulumi.Context;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

public final class LocalWorkspace extends Workspace {
    private LocalWorkspace() {
    }

    public static LocalWorkspace create() throws AutomationException { throw new UnsupportedOperationException("stub"); }

    public static LocalWorkspace create(LocalWorkspaceOptions options) throws AutomationException { throw new UnsupportedOperationException("stub"); }

    public static WorkspaceStack createStack(String projectName, String stackName, Consumer<Context> program) throws AutomationException { throw new UnsupportedOperationException("stub"); }

    public static WorkspaceStack createStack(String projectName, String stackName, Consumer<Context> program, LocalWorkspaceOptions options) throws AutomationException { throw new UnsupportedOperationException("stub"); }

    public static WorkspaceStack createStack(String stackName, Path workDir) throws AutomationException { throw new UnsupportedOperationException("stub"); }

    public static WorkspaceStack createStack(String stackName, Path workDir, LocalWorkspaceOptions options) throws AutomationException { throw new UnsupportedOperationException("stub"); }

    public static WorkspaceStack selectStack(String projectName, String stackName, Consumer<Context> program) throws AutomationException { throw new UnsupportedOperationException("stub"); }

    public static WorkspaceStack selectStack(String projectName, String stackName, Consumer<Context> program, LocalWorkspaceOptions options) throws AutomationException { throw new UnsupportedOperationException("stub"); }

    public static WorkspaceStack selectStack(String stackName, Path workDir) throws AutomationException { throw new UnsupportedOperationException("stub"); }

    public static WorkspaceStack selectStack(String stackName, Path workDir, LocalWorkspaceOptions options) throws AutomationException { throw new UnsupportedOperationException("stub"); }

    public static WorkspaceStack createOrSelectStack(String projectName, String stackName, Consumer<Context> program) throws AutomationException { throw new UnsupportedOperationException("stub"); }

    public static WorkspaceStack createOrSelectStack(String projectName, String stackName, Consumer<Context> program, LocalWorkspaceOptions options) throws AutomationException { throw new UnsupportedOperationException("stub"); }

    public static WorkspaceStack createOrSelectStack(String stackName, Path workDir) throws AutomationException { throw new UnsupportedOperationException("stub"); }

    public static WorkspaceStack createOrSelectStack(String stackName, Path workDir, LocalWorkspaceOptions options) throws AutomationException { throw new UnsupportedOperationException("stub"); }

    @Override
    public Path workDir() { throw new UnsupportedOperationException("stub"); }

    @Override
    public Path pulumiHome() { throw new UnsupportedOperationException("stub"); }

    @Override
    public String pulumiVersion() { throw new UnsupportedOperationException("stub"); }

    @Override
    public String secretsProvider() { throw new UnsupportedOperationException("stub"); }

    @Override
    public Consumer<Context> program() { throw new UnsupportedOperationException("stub"); }

    @Override
    public Logger logger() { throw new UnsupportedOperationException("stub"); }

    @Override
    public Map<String, String> environmentVariables() { throw new UnsupportedOperationException("stub"); }

    @Override
    public void close() throws Exception { throw new UnsupportedOperationException("stub"); }
}
