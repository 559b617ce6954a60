// Stub mirroring github.com/cyberark/conjur-api-java
//   src/main/java/com/cyberark/conjur/api/Variables.java @ commit 10c3f0eef334 (stored copy, 3.x).
package com.cyberark.conjur.api;

import javax.net.ssl.SSLContext;

public class Variables {
    public Variables(Credentials credentials) {
    }

    public Variables(Credentials credentials, SSLContext sslContext) {
    }

    public Variables(Token token) {
    }

    public Variables(Token token, SSLContext sslContext) {
    }

    public String retrieveSecret(String variableId) { throw new UnsupportedOperationException("stub"); }

    public void addSecret(String variableId, String secret) { throw new UnsupportedOperationException("stub"); }
}
