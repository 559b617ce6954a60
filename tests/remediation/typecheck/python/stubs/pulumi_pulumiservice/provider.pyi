# Declarations mirroring github.com/pulumi/pulumi-pulumiservice sdk/python/pulumi_pulumiservice/provider.py
# (pulumigen output: two __init__ overloads, keyword properties after `opts`), with the provider
# properties of release 1.3.0 as its Node SDK declares them (node_modules/@pulumi/pulumiservice@1.3.0
# provider.d.ts: accessToken, apiUrl -> Python access_token, api_url). The stored Python provider.py
# copies predate api_url and declare access_token only. There is no `service_url` property.
from typing import Optional, overload

import pulumi

class ProviderArgs:
    def __init__(
        __self__,
        *,
        access_token: Optional[pulumi.Input[str]] = None,
        api_url: Optional[pulumi.Input[str]] = None,
    ) -> None: ...
    @property
    def access_token(self) -> Optional[pulumi.Input[str]]: ...
    @access_token.setter
    def access_token(self, value: Optional[pulumi.Input[str]]) -> None: ...
    @property
    def api_url(self) -> Optional[pulumi.Input[str]]: ...
    @api_url.setter
    def api_url(self, value: Optional[pulumi.Input[str]]) -> None: ...

class Provider(pulumi.ProviderResource):
    @overload
    def __init__(
        __self__,
        resource_name: str,
        opts: Optional[pulumi.ResourceOptions] = None,
        access_token: Optional[pulumi.Input[str]] = None,
        api_url: Optional[pulumi.Input[str]] = None,
        __props__: None = None,
    ) -> None: ...
    @overload
    def __init__(
        __self__,
        resource_name: str,
        args: Optional[ProviderArgs] = None,
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None: ...
