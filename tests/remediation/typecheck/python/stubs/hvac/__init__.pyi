# github.com/hvac/hvac hvac/__init__.py re-exports Client from hvac.v1 (hvac 2.x).
from hvac.v1 import Client as Client
