// Stub mirroring github.com/jopenlibs/vault-java-driver
//   src/main/java/io/github/jopenlibs/vault/api/Logical.java (5.x): read/write/delete/list,
//   each throwing the checked VaultException.
package io.github.jopenlibs.vault.api;

import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.util.Map;

public class Logical {
    public Logical(final VaultConfig config) {
    }

    public LogicalResponse read(final String path) throws VaultException { throw new UnsupportedOperationException("stub"); }

    public LogicalResponse write(final String path, final Map<String, Object> nameValuePairs) throws VaultException { throw new UnsupportedOperationException("stub"); }

    public LogicalResponse list(final String path) throws VaultException { throw new UnsupportedOperationException("stub"); }

    public LogicalResponse delete(final String path) throws VaultException { throw new UnsupportedOperationException("stub"); }
}
