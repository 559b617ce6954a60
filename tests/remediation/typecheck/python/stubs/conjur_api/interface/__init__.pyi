# Mirrors github.com/cyberark/conjur-api-python conjur_api/interface/authentication_strategy_interface.py
# and credentials_store_interface.py (abstract base classes).
from abc import ABC, abstractmethod
from datetime import datetime
from typing import Any, Tuple

from conjur_api.models import ConjurConnectionInfo, CredentialsData

class AuthenticationStrategyInterface(ABC):
    @abstractmethod
    async def authenticate(self, connection_info: ConjurConnectionInfo, ssl_verification_data: Any) -> Tuple[str, datetime]: ...

class CredentialsProviderInterface(ABC):
    @abstractmethod
    def save(self, credential_data: CredentialsData) -> None: ...
    @abstractmethod
    def load(self, conjur_url: str) -> CredentialsData: ...
