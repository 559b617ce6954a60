package com.example.controls;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

public class Lookup {
    static String token() {
        try (SecretsManagerClient client = SecretsManagerClient.create()) {
            GetSecretValueRequest request = GetSecretValueRequest.builder().secretId("pulumi-access-token").build();
            return client.getSecretValue(request).secretString();
        }
    }
}
