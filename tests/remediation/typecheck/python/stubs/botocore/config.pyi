# Mirrors botocore.config.Config as botocore-stubs declares it (github.com/youtype/botocore-stubs
# botocore-stubs/config.pyi): a keyword-configured object; only the common options are declared.
from typing import Any, Mapping, Optional

class Config:
    def __init__(
        self,
        *,
        region_name: Optional[str] = ...,
        signature_version: Optional[str] = ...,
        user_agent: Optional[str] = ...,
        user_agent_extra: Optional[str] = ...,
        connect_timeout: Optional[float] = ...,
        read_timeout: Optional[float] = ...,
        max_pool_connections: Optional[int] = ...,
        proxies: Optional[Mapping[str, str]] = ...,
        retries: Optional[Mapping[str, Any]] = ...,
    ) -> None: ...
