# Mirrors github.com/hvac/hvac hvac/api/secrets_engines/kv.py: Kv has the v1 and v2 properties.
from hvac.api.secrets_engines.kv_v2 import KvV2

class Kv:
    @property
    def v2(self) -> KvV2: ...
