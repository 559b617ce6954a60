# Mirrors github.com/hvac/hvac hvac/api/secrets_engines/__init__.py: SecretsEngines exposes `kv`
# (only the KV engine is declared here).
from hvac.api.secrets_engines.kv import Kv

class SecretsEngines:
    @property
    def kv(self) -> Kv: ...
