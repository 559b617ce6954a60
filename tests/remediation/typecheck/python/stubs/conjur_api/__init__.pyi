# github.com/cyberark/conjur-api-python conjur_api/__init__.py re-exports Client.
from conjur_api.client import Client as Client
