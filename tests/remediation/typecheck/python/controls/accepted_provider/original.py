import pulumi_pulumiservice as service

provider = service.Provider("service", access_token="pul-<redacted>")
