package com.example.controls;

import com.pulumi.Context;
import com.pulumi.core.Output;

public class Stack {
    static void stack(Context ctx) {
        Output<String> url = ctx.config().requireSecret("k").applyValue(token -> "https://api.pulumi.com/?token=" + token);
        ctx.export("url", url);
        ctx.export("both", Output.format("%s/%s", url, ctx.config().require("org")));
        ctx.log().info("exported");
    }
}
