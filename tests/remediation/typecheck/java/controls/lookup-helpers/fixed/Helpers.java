package com.example.controls;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import com.cyberark.conjur.api.Conjur;

public class Helpers {
    static String token() {
        return pulumiAccessTokenFromAws() + pulumiAccessTokenFromVault() + pulumiAccessTokenFromConjur();
    }

    private static String pulumiAccessTokenFromAws() {
        try (SecretsManagerClient client = SecretsManagerClient.create()) {
            GetSecretValueRequest request = GetSecretValueRequest.builder().secretId("pulumi-access-token").build();
            return client.getSecretValue(request).secretString();
        }
    }

    private static String pulumiAccessTokenFromVault() {
        try {
            VaultConfig config = new VaultConfig()
                    .address(System.getenv("VAULT_ADDR"))
                    .token(System.getenv("VAULT_TOKEN"))
                    .engineVersion(2)
                    .build();
            return new Vault(config).logical().read("secret/pulumi").getData().get("api_key");
        } catch (VaultException e) {
            throw new IllegalStateException("cannot read secret/pulumi from Vault", e);
        }
    }

    private static String pulumiAccessTokenFromConjur() {
        Conjur conjur = new Conjur();
        return conjur.variables().retrieveSecret("pulumi/access-token");
    }
}
