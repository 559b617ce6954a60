package com.example.controls;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;

public class Lookup {
    static String token(VaultConfig config) {
        return new Vault(config).logical().read("secret/pulumi").getData().get("api_key");
    }
}
