package com.example.controls;

import com.pulumi.Context;

public class Stack {
    static void stack(Context ctx) {
        String token = ctx.config().requireSecret("pulumiAccessToken");
        ctx.export("token", com.pulumi.core.Output.ofSecret(token));
    }
}
