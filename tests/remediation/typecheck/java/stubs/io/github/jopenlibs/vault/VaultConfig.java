// Stub mirroring github.com/jopenlibs/vault-java-driver
//   src/main/java/io/github/jopenlibs/vault/VaultConfig.java (5.x line; README @ commit 018fd5809d31
//   documents 5.2.0). Builder setters return VaultConfig and do not throw; build() throws
//   the checked VaultException. (In the stored 6.x copy @ 3a3eab31ab2c token takes a
//   CharSequence; a String argument fits both.) sslConfig/httpClient/environmentLoader are left out.
package io.github.jopenlibs.vault;

import java.io.Serializable;
import java.util.Map;

public class VaultConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    public VaultConfig() {
    }

    public VaultConfig nameSpace(final String nameSpace) { throw new UnsupportedOperationException("stub"); }

    public VaultConfig engineVersion(final Integer globalEngineVersion) { throw new UnsupportedOperationException("stub"); }

    public VaultConfig address(final String address) { throw new UnsupportedOperationException("stub"); }

    public VaultConfig token(final String token) { throw new UnsupportedOperationException("stub"); }

    public VaultConfig secretsEnginePathMap(final Map<String, String> secretEngineVersions) { throw new UnsupportedOperationException("stub"); }

    public VaultConfig putSecretsEngineVersionForPath(String path, String version) { throw new UnsupportedOperationException("stub"); }

    public VaultConfig openTimeout(final Integer openTimeout) { throw new UnsupportedOperationException("stub"); }

    public VaultConfig readTimeout(final Integer readTimeout) { throw new UnsupportedOperationException("stub"); }

    public VaultConfig prefixPathDepth(int prefixPathDepth) { throw new UnsupportedOperationException("stub"); }

    public VaultConfig prefixPath(String prefixPath) { throw new UnsupportedOperationException("stub"); }

    public VaultConfig build() throws VaultException { throw new UnsupportedOperationException("stub"); }

    public String getAddress() { throw new UnsupportedOperationException("stub"); }

    public String getToken() { throw new UnsupportedOperationException("stub"); }
}
