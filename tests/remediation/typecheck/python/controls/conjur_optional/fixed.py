import os

from conjur_api import Client
from conjur_api.models import ConjurConnectionInfo, CredentialsData
from conjur_api.providers import AuthnAuthenticationStrategy, SimpleCredentialsProvider


async def fetch() -> bytes:
    url = os.environ["CONJUR_APPLIANCE_URL"]
    connection = ConjurConnectionInfo(conjur_url=url, account=os.environ["CONJUR_ACCOUNT"])
    credentials = SimpleCredentialsProvider()
    credentials.save(CredentialsData(machine=url, username="host/app", api_key=os.environ["CONJUR_AUTHN_API_KEY"]))
    client = Client(connection, authn_strategy=AuthnAuthenticationStrategy(credentials))
    return await client.get("pulumi/access-token")
