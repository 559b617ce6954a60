// Stub mirroring github.com/jopenlibs/vault-java-driver
//   src/main/java/io/github/jopenlibs/vault/VaultException.java (5.x): checked, extends Exception.
package io.github.jopenlibs.vault;

public class VaultException extends Exception {
    private static final long serialVersionUID = 1L;

    public VaultException(String message) {
        super(message);
    }

    public VaultException(Throwable t) {
        super(t);
    }

    public VaultException(String message, int httpStatusCode) {
        super(message);
    }

    public VaultException(Throwable t, int httpStatusCode) {
        super(t);
    }

    public int getHttpStatusCode() { throw new UnsupportedOperationException("stub"); }
}
