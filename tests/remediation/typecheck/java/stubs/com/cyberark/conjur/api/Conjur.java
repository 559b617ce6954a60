// Stub mirroring github.com/cyberark/conjur-api-java
//   src/main/java/com/cyberark/conjur/api/Conjur.java @ commit 10c3f0eef334 (stored copy, 3.x):
//   constructors (no-argument form reads CONJUR_* from system properties/environment), variables().
package com.cyberark.conjur.api;

import javax.net.ssl.SSLContext;

public class Conjur {
    public Conjur() {
    }

    public Conjur(SSLContext sslContext) {
    }

    public Conjur(String username, String password) {
    }

    public Conjur(String username, String password, SSLContext sslContext) {
    }

    public Conjur(String username, String password, String authnUrl) {
    }

    public Conjur(String username, String password, String authnUrl, SSLContext sslContext) {
    }

    public Conjur(Credentials credentials) {
    }

    public Conjur(Credentials credentials, SSLContext sslContext) {
    }

    public Conjur(Token token) {
    }

    public Conjur(Token token, SSLContext sslContext) {
    }

    public Variables variables() { throw new UnsupportedOperationException("stub"); }
}
