package com.example.controls;

import com.pulumi.Context;
import com.pulumi.pulumiservice.Provider;
import com.pulumi.pulumiservice.ProviderArgs;

public class Stack {
    static void stack(Context ctx) {
        new Provider("p", ProviderArgs.builder().accessToken(ctx.config().requireSecret("k")).build());
    }
}
