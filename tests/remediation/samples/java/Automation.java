package com.example.infra;

import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
import com.pulumi.automation.WorkspaceStack;
import java.nio.file.Path;
import java.util.Map;

// An Automation API program: no stack config to read.
public class Automation {
    public static void main(String[] args) throws Exception {
        var options = LocalWorkspaceOptions.builder()
            .environmentVariables(Map.of("PULUMI_ACCESS_TOKEN", "@TOKEN@"))
            .build();
        try (WorkspaceStack stack = LocalWorkspace.selectStack("dev", Path.of("."), options)) {
            System.out.println(stack.name());
        }
    }
}
