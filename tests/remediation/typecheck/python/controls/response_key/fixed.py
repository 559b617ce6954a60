import boto3


def pulumi_access_token_from_aws() -> str:
    client = boto3.client("secretsmanager")
    return client.get_secret_value(SecretId="pulumi-access-token")["SecretStrings"]


TOKEN = pulumi_access_token_from_aws()
