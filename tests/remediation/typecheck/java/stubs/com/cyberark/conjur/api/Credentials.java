// Minimal stub of github.com/cyberark/conjur-api-java
//   src/main/java/com/cyberark/conjur/api/Credentials.java (3.x): constructors and
//   static fromSystemProperties().
package com.cyberark.conjur.api;

public class Credentials {
    public Credentials(String username, String password) {
    }

    public Credentials(String username, String password, String authnUrl) {
    }

    public static Credentials fromSystemProperties() { throw new UnsupportedOperationException("stub"); }

    public String getUsername() { throw new UnsupportedOperationException("stub"); }
}
