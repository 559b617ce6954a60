package com.example.infra;

import com.pulumi.Context;
import com.pulumi.Pulumi;

public class App {
    static final String TOKEN = "@TOKEN@";

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    private static void stack(Context ctx) {
        String url = "https://api.pulumi.com/?token=@TOKEN@&x=1";
        String text = """
            token: @TOKEN@
            """;
        ctx.export("url", com.pulumi.core.Output.of(url + text + TOKEN));
    }
}
