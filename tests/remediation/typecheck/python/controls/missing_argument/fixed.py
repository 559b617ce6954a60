import os

import hvac


def pulumi_access_token_from_vault() -> str:
    client = hvac.Client(url=os.environ["VAULT_ADDR"], token=os.environ["VAULT_TOKEN"])
    secret = client.secrets.kv.v2.read_secret_version(mount_point="secret", raise_on_deleted_version=True)
    return secret["data"]["data"]["api_key"]


TOKEN = pulumi_access_token_from_vault()
