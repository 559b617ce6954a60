package com.example.controls;

import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

public class Lookup {
    static String token() {
        return System.getenv("PULUMI_ACCESS_TOKEN");
    }
}
