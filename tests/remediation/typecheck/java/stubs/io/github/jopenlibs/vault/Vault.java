// Stub mirroring github.com/jopenlibs/vault-java-driver
//   src/main/java/io/github/jopenlibs/vault/Vault.java @ commit aa7f33fdc0e7 (stored copy, 5.x line):
//   a class with public constructors Vault(VaultConfig), Vault(VaultConfig, Integer),
//   Vault(VaultConfig, Boolean, Integer) throws VaultException; logical(), withRetries(int, int).
// NOTE: a later stored copy turns Vault into an interface with static create(...)
// factories and a VaultImpl class (PR jopenlibs/vault-java-driver#38, "next major
// release"); against that API `new Vault(config)` does not compile.
package io.github.jopenlibs.vault;

import io.github.jopenlibs.vault.api.Logical;
import java.util.Map;

public class Vault {
    public Vault(final VaultConfig vaultConfig) {
    }

    public Vault(final VaultConfig vaultConfig, final Integer engineVersion) {
    }

    public Vault(final VaultConfig vaultConfig, final Boolean useSecretsEnginePathMap, final Integer globalFallbackVersion)
            throws VaultException {
    }

    public Vault withRetries(final int maxRetries, final int retryIntervalMilliseconds) { throw new UnsupportedOperationException("stub"); }

    public Logical logical() { throw new UnsupportedOperationException("stub"); }

    public Map<String, String> getSecretEngineVersions() { throw new UnsupportedOperationException("stub"); }
}
