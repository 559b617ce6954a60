import os

import pulumi_pulumiservice as service

provider = service.Provider("service", access_token=os.environ.get("PULUMI_ACCESS_TOKEN", "").encode())
