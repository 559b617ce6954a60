// Stub mirroring github.com/pulumi/pulumi-java
//   sdk/java/pulumi/src/main/java/com/pulumi/Config.java @ commit 058a95394efe (stored copy)
// Public API only; the @InternalUse constructor and static of(String) are left out.
// TypeShape overloads of getObject/requireObject are left out.
package com.pulumi;

import com.pulumi.core.Output;
import java.util.Optional;

public class Config {
    private Config() {
    }

    public String getName() { throw new UnsupportedOperationException("stub"); }

    public Optional<String> get(String key) { throw new UnsupportedOperationException("stub"); }

    public Output<Optional<String>> getSecret(String key) { throw new UnsupportedOperationException("stub"); }

    public Optional<Boolean> getBoolean(String key) { throw new UnsupportedOperationException("stub"); }

    public Output<Optional<Boolean>> getSecretBoolean(String key) { throw new UnsupportedOperationException("stub"); }

    public Optional<Integer> getInteger(String key) { throw new UnsupportedOperationException("stub"); }

    public Optional<Double> getDouble(String key) { throw new UnsupportedOperationException("stub"); }

    public Output<Optional<Integer>> getSecretInteger(String key) { throw new UnsupportedOperationException("stub"); }

    public <T> Optional<T> getObject(String key, Class<T> classOfT) { throw new UnsupportedOperationException("stub"); }

    public <T> Output<Optional<T>> getSecretObject(String key, Class<T> classOfT) { throw new UnsupportedOperationException("stub"); }

    public String require(String key) { throw new UnsupportedOperationException("stub"); }

    public Output<String> requireSecret(String key) { throw new UnsupportedOperationException("stub"); }

    public boolean requireBoolean(String key) { throw new UnsupportedOperationException("stub"); }

    public Output<Boolean> requireSecretBoolean(String key) { throw new UnsupportedOperationException("stub"); }

    public int requireInteger(String key) { throw new UnsupportedOperationException("stub"); }

    public Output<Integer> requireSecretInteger(String key) { throw new UnsupportedOperationException("stub"); }

    public double requireDouble(String key) { throw new UnsupportedOperationException("stub"); }

    public Output<Double> requireSecretDouble(String key) { throw new UnsupportedOperationException("stub"); }

    public <T> T requireObject(String key, Class<T> classOfT) { throw new UnsupportedOperationException("stub"); }

    public <T> Output<T> requireSecretObject(String key, Class<T> classOfT) { throw new UnsupportedOperationException("stub"); }
}
