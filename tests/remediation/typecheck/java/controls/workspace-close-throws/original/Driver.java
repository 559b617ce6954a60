package com.example.controls;

import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
import java.util.Map;

public class Driver {
    static void up() throws com.pulumi.automation.AutomationException {
        LocalWorkspace.create();
    }
}
