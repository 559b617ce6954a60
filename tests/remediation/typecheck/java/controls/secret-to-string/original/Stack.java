package com.example.controls;

import com.pulumi.Context;

public class Stack {
    static void stack(Context ctx) {
        String token = System.getenv("PULUMI_ACCESS_TOKEN");
        ctx.export("token", com.pulumi.core.Output.ofSecret(token));
    }
}
