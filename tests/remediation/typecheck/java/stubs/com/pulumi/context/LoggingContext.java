// Stub mirroring github.com/pulumi/pulumi-java
//   sdk/java/pulumi/src/main/java/com/pulumi/context/LoggingContext.java @ commit 768d0e72bcda (stored copy)
package com.pulumi.context;

public interface LoggingContext {
    void debug(String message);

    void debug(String format, Object... args);

    void info(String message);

    void info(String format, Object... args);

    void warn(String message);

    void warn(String format, Object... args);

    void error(String message);

    void error(String format, Object... args);
}
