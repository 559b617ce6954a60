# Declarations mirroring github.com/hvac/hvac hvac/v1/__init__.py (hvac 2.x): Client(url=None, token=None,
# cert=None, verify=None, timeout=30, proxies=None, allow_redirects=True, session=None,
# adapter=adapters.JSONAdapter, namespace=None, **kwargs); parameter types from its docstring and from
# typeshed stubs/hvac (2.4.*). The adapter **kwargs and typeshed's catch-all __getattr__ are left out on
# purpose, so a misspelt keyword or attribute is an error.
from typing import Any, Optional, Union

from hvac.api.secrets_engines import SecretsEngines

class Client:
    def __init__(
        self,
        url: Optional[str] = None,
        token: Optional[str] = None,
        cert: Optional[tuple[str, str]] = None,
        verify: Union[bool, str, None] = None,
        timeout: int = 30,
        proxies: Optional[dict[str, str]] = None,
        allow_redirects: bool = True,
        session: Any = None,
        adapter: type[Any] = ...,
        namespace: Optional[str] = None,
    ) -> None: ...
    @property
    def url(self) -> str: ...
    @property
    def token(self) -> str: ...
    @token.setter
    def token(self, token: str) -> None: ...
    @property
    def secrets(self) -> SecretsEngines: ...
    def is_authenticated(self) -> bool: ...
