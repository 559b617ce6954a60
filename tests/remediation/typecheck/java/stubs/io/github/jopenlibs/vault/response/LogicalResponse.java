// Stub mirroring github.com/jopenlibs/vault-java-driver
//   src/main/java/io/github/jopenlibs/vault/response/LogicalResponse.java @ commit 7d86327eebd5 (5.x):
//   getData() returns Map<String, String>.
package io.github.jopenlibs.vault.response;

import java.util.Map;

public class LogicalResponse {
    private LogicalResponse() {
    }

    public Map<String, String> getData() { throw new UnsupportedOperationException("stub"); }
}
