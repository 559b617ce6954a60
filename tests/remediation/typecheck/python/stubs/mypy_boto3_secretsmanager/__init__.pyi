# github.com/youtype/mypy_boto3_builder output, package mypy-boto3-secretsmanager (__init__.pyi re-exports the client).
from .client import SecretsManagerClient as SecretsManagerClient
Client = SecretsManagerClient
