class Settings
{
    static string Credentials()
    {
        var json = """
            {"accessTokens": {"https://api.pulumi.com": "@TOKEN@"}, "x": 1}
            second line @TOKEN@
            """;
        return json;
    }
}
