import pulumi


def login(token: str) -> None:
    print(len(token))


login(pulumi.Config().require_secret("pulumiAccessToken"))
