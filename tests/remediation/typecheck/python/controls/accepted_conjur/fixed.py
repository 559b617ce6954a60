import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from conjur_api import Client
from conjur_api.models import ConjurConnectionInfo, CredentialsData
from conjur_api.providers import AuthnAuthenticationStrategy, SimpleCredentialsProvider


def pulumi_access_token_from_conjur() -> str:
    async def fetch() -> bytes:
        url = os.environ["CONJUR_APPLIANCE_URL"]
        cert_file = os.environ.get("CONJUR_CERT_FILE")
        if cert_file:
            connection = ConjurConnectionInfo(conjur_url=url, account=os.environ["CONJUR_ACCOUNT"], cert_file=cert_file)
        else:
            connection = ConjurConnectionInfo(conjur_url=url, account=os.environ["CONJUR_ACCOUNT"])
        credentials = SimpleCredentialsProvider()
        credentials.save(
            CredentialsData(
                machine=url, username=os.environ["CONJUR_AUTHN_LOGIN"], api_key=os.environ["CONJUR_AUTHN_API_KEY"]
            )
        )
        client = Client(connection, authn_strategy=AuthnAuthenticationStrategy(credentials))
        value = await client.get("pulumi/access-token")
        if value is None:
            raise RuntimeError("Conjur variable pulumi/access-token has no value")
        return value

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, fetch()).result().decode("utf-8")


TOKEN = pulumi_access_token_from_conjur()
print(TOKEN.upper())
