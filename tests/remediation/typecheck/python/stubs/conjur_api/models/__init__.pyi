# Declarations mirroring github.com/cyberark/conjur-api-python conjur_api/models:
#   general/conjur_connection_info.py (commit e558b69a9bb51c622d983a6deb630f21899a3142)
#   general/credentials_data.py (commit 10a99a215a6a65af9d082cbb2675fcc881c24092)
#   general/proxy_params.py, ssl/ssl_verification_mode.py (enum members as in the SDK README)
# Upstream writes `x: str = None`; pyright takes the declared type `str`, so that is what is declared.
from datetime import datetime
from enum import Enum

class SslVerificationMode(Enum):
    TRUST_STORE = ...
    SELF_SIGN = ...
    CA_BUNDLE = ...
    INSECURE = ...

class ProxyParams:
    def __init__(self, proxy: str, proxy_auth: tuple = ...) -> None: ...

class ConjurConnectionInfo:
    conjur_url: str
    conjur_account: str
    cert_file: str
    service_id: str
    proxy_params: ProxyParams
    def __init__(
        self,
        conjur_url: str = ...,
        account: str = ...,
        cert_file: str = ...,
        service_id: str = ...,
        proxy_params: ProxyParams = ...,
    ) -> None: ...

class CredentialsData:
    machine: str
    username: str
    password: str
    api_key: str
    api_token: str
    api_token_expiration: str
    def __init__(
        self,
        machine: str = ...,
        username: str = ...,
        password: str = ...,
        api_key: str = ...,
        api_token: str = ...,
        api_token_expiration: str = ...,
    ) -> None: ...
    @classmethod
    def convert_dict_to_obj(cls, dic: dict) -> CredentialsData: ...
    def api_token_expiration_datetime(self) -> datetime: ...
    @staticmethod
    def convert_expiration_datetime_to_str(api_token_expiration: datetime) -> str: ...
