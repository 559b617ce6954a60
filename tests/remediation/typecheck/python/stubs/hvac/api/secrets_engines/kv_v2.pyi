# Declarations mirroring github.com/hvac/hvac hvac/api/secrets_engines/kv_v2.py (hvac 2.x):
# read_secret_version(path, version=None, mount_point="secret", raise_on_deleted_version=None) returns
# the JSON body as a dict (JSONAdapter); types from the docstrings (path str, version int,
# mount_point str, raise_on_deleted_version bool).
from typing import Any, Optional

DEFAULT_MOUNT_POINT: str

class KvV2:
    def read_secret_version(
        self,
        path: str,
        version: Optional[int] = None,
        mount_point: str = "secret",
        raise_on_deleted_version: Optional[bool] = None,
    ) -> dict[str, Any]: ...
    def read_secret_metadata(self, path: str, mount_point: str = "secret") -> dict[str, Any]: ...
    def create_or_update_secret(
        self, path: str, secret: dict[str, Any], cas: Optional[int] = None, mount_point: str = "secret"
    ) -> dict[str, Any]: ...
