// Stub mirroring github.com/pulumi/pulumi-java
//   sdk/java/pulumi/src/main/java/com/pulumi/automation/LocalWorkspaceOptions.java @ commit 13a49b41082b (stored copy)
// Builder setters for workDir, pulumiHome, secretsProvider, program, logger,
// environmentVariables(Map<String, String>); pulumiCommand/projectSettings/stackSettings
// are left out.
package com.pulumi.automation;

import com.pulumi.Context;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

public class LocalWorkspaceOptions {
    public static final LocalWorkspaceOptions Empty = null;

    private LocalWorkspaceOptions() {
    }

    public static Builder builder() { throw new UnsupportedOperationException("stub"); }

    public Path workDir() { throw new UnsupportedOperationException("stub"); }

    public Path pulumiHome() { throw new UnsupportedOperationException("stub"); }

    public String secretsProvider() { throw new UnsupportedOperationException("stub"); }

    public Consumer<Context> program() { throw new UnsupportedOperationException("stub"); }

    public Logger logger() { throw new UnsupportedOperationException("stub"); }

    public Map<String, String> environmentVariables() { throw new UnsupportedOperationException("stub"); }

    public static class Builder {
        private Builder() {
        }

        public Builder workDir(Path workDir) { throw new UnsupportedOperationException("stub"); }

        public Builder pulumiHome(Path pulumiHome) { throw new UnsupportedOperationException("stub"); }

        public Builder secretsProvider(String secretsProvider) { throw new UnsupportedOperationException("stub"); }

        public Builder program(Consumer<Context> program) { throw new UnsupportedOperationException("stub"); }

        public Builder logger(Logger logger) { throw new UnsupportedOperationException("stub"); }

        public Builder environmentVariables(Map<String, String> environmentVariables) { throw new UnsupportedOperationException("stub"); }

        public LocalWorkspaceOptions build() { throw new UnsupportedOperationException("stub"); }
    }
}
