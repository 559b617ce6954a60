// Stub mirroring github.com/pulumi/pulumi-java
//   sdk/java/pulumi/src/main/java/com/pulumi/automation/Workspace.java @ commit 26f5bd08469e (stored copy)
// Only the accessors for the options LocalWorkspaceOptions sets are declared.
// AutoCloseable: close() throws Exception (LocalWorkspace overrides it with "throws Exception").
package com.pulumi.automation;

import com.pulumi.Context;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

public abstract class Workspace implements AutoCloseable {
    Workspace() {
    }

    public abstract Path workDir();

    public abstract Path pulumiHome();

    public abstract String pulumiVersion();

    public abstract String secretsProvider();

    public abstract Consumer<Context> program();

    public abstract Logger logger();

    public abstract Map<String, String> environmentVariables();
}
