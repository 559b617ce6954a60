import pulumi


def login(token: str) -> None:
    print(len(token))


login("pul-<redacted>")
