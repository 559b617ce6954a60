# Declarations mirroring github.com/cyberark/conjur-api-python conjur_api/client.py
# (stored copy at commit a74fe493e56a8d795310a9a88da57809647356ed). Every API method is a coroutine;
# get() is annotated `-> Optional[bytes]` upstream. Parameters annotated `str = None` upstream are
# declared `str` here with their default, as pyright reads them (strictParameterNoneValue).
from typing import Optional, Tuple

from conjur_api.interface import AuthenticationStrategyInterface
from conjur_api.models import ConjurConnectionInfo, SslVerificationMode

class Client:
    async_mode: bool
    connection_info: ConjurConnectionInfo
    def __init__(
        self,
        connection_info: ConjurConnectionInfo,
        ssl_verification_mode: SslVerificationMode = ...,
        authn_strategy: AuthenticationStrategyInterface = ...,
        debug: bool = False,
        http_debug: bool = False,
        async_mode: bool = True,
    ) -> None: ...
    async def login(self) -> str: ...
    async def authenticate(self) -> Tuple[str, str]: ...
    async def whoami(self) -> dict: ...
    async def get(self, variable_id: str, version: str = ...) -> Optional[bytes]: ...
    async def get_many(self, *variable_ids: str) -> Optional[bytes]: ...
    async def set(self, variable_id: str, value: str) -> str: ...
