package com.example.controls;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;

public class Lookup {
    static String token(VaultConfig config) throws VaultException {
        java.util.Map<String, Object> data = new Vault(config).logical().read("secret/pulumi").getData();
        return (String) data.get("api_key");
    }
}
