package com.example.controls;

import com.cyberark.conjur.api.Conjur;

public class Lookup {
    static String token() {
        Conjur conjur = new Conjur();
        return conjur.variables().retrieveSecret();
    }
}
