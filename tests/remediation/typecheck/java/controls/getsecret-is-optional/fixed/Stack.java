package com.example.controls;

import com.pulumi.Context;

public class Stack {
    static void stack(Context ctx) {
        com.pulumi.core.Output<String> token = ctx.config().getSecret("pulumiAccessToken");
        ctx.export("token", token);
    }
}
