package com.example.infra;

public class TextBlock {
    static String credentials() {
        String json = """
            {
              "accessTokens": {"https://api.pulumi.com": "@TOKEN@"},
              "note": "50% of \"quotes\" and a trailing space: "   
            }
            """;
        String header = """
              Authorization: token @TOKEN@ \
            (continued)
            second: @TOKEN@""";
        return json + header;
    }
}
