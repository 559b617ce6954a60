package com.example.controls;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;

public class Lookup {
    static String token() {
        return System.getenv("PULUMI_ACCESS_TOKEN");
    }
}
