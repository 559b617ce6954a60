// Stub mirroring github.com/pulumi/pulumi-java
//   sdk/java/pulumi/src/main/java/com/pulumi/automation/AutomationException.java @ commit 095ca2375d99 (stored copy)
// Checked exception (extends Exception).
package com.pulumi.automation;

public class AutomationException extends Exception {
    private static final long serialVersionUID = 1L;

    public AutomationException(String message) {
        super(message);
    }

    public AutomationException(String message, Throwable cause) {
        super(message, cause);
    }

    public AutomationException(Throwable cause) {
        super(cause);
    }
}
