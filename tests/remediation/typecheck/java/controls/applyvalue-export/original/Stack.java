package com.example.controls;

import com.pulumi.Context;

public class Stack {
    static void stack(Context ctx) {
        String url = "https://api.pulumi.com/?token=pul-<redacted>";
        ctx.export("url", com.pulumi.core.Output.of(url));
    }
}
