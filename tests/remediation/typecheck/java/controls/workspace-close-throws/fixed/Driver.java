package com.example.controls;

import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
import java.util.Map;

public class Driver {
    static void up() throws com.pulumi.automation.AutomationException {
        try (LocalWorkspace ws = LocalWorkspace.create(LocalWorkspaceOptions.builder()
                .environmentVariables(Map.of("PULUMI_ACCESS_TOKEN", System.getenv("PULUMI_ACCESS_TOKEN")))
                .build())) {
            ws.workDir();
        }
    }
}
