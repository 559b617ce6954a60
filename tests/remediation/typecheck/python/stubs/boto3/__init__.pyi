# Mirrors boto3-stubs boto3/__init__.pyi (github.com/youtype/mypy_boto3_builder, boto3-stubs[secretsmanager]):
# boto3.client has one overload per service name Literal returning that service's typed client.
# Only the "secretsmanager" overload is declared here, so any other service name is rejected.
from typing import Literal, Optional, Union

from botocore.config import Config
from mypy_boto3_secretsmanager.client import SecretsManagerClient

def client(
    service_name: Literal["secretsmanager"],
    region_name: Optional[str] = ...,
    api_version: Optional[str] = ...,
    use_ssl: Optional[bool] = ...,
    verify: Union[bool, str, None] = ...,
    endpoint_url: Optional[str] = ...,
    aws_access_key_id: Optional[str] = ...,
    aws_secret_access_key: Optional[str] = ...,
    aws_session_token: Optional[str] = ...,
    config: Optional[Config] = ...,
    aws_account_id: Optional[str] = ...,
) -> SecretsManagerClient: ...
