# github.com/pulumi/pulumi-pulumiservice sdk/python/pulumi_pulumiservice/__init__.py re-exports the provider.
from .provider import Provider as Provider, ProviderArgs as ProviderArgs
