// Minimal type stub for github.com/pulumi/pulumi-java
//   sdk/java/pulumi/src/main/java/com/pulumi/automation/WorkspaceStack.java @ commit d3b2220053602 (stored copy)
// Only name() and workspace() are declared.
package com.pulumi.automation;

public final class WorkspaceStack implements AutoCloseable {
    private WorkspaceStack() {
    }

    public String name() { throw new UnsupportedOperationException("stub"); }

    public Workspace workspace() { throw new UnsupportedOperationException("stub"); }

    @Override
    public void close() throws Exception { throw new UnsupportedOperationException("stub"); }
}
