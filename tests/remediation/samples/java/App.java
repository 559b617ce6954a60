package com.example.infra;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.pulumiservice.Provider;
import com.pulumi.pulumiservice.ProviderArgs;

public class App {
    // A static field: no Pulumi context here.
    static final String TOKEN = "@TOKEN@";
    private final String instanceToken = "@TOKEN@";

    /* The token @TOKEN@ was rotated. */
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    private static void stack(Context ctx) {
        // A resource input: the builder takes an Output<String>.
        var provider = new Provider("service", ProviderArgs.builder()
            .accessToken("@TOKEN@")
            .build());
        // Plain strings in the program.
        String url = "https://api.pulumi.com/?token=@TOKEN@&x=1";
        String text = """
            token: @TOKEN@
            """;
        ctx.export("url", Output.of(url + text + TOKEN + new App().instanceToken));
        ctx.export("provider", provider.urn());
    }
}
