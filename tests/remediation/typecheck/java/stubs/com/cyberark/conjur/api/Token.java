// Minimal type stub of github.com/cyberark/conjur-api-java
//   src/main/java/com/cyberark/conjur/api/Token.java (3.x); only the type is needed
//   for the Conjur(Token) constructors.
package com.cyberark.conjur.api;

public class Token {
    private Token() {
    }
}
