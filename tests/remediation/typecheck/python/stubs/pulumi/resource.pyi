# Declarations mirroring github.com/pulumi/pulumi sdk/python/lib/pulumi/resource.py
# (stored copy with `x_transforms`, `retain_on_delete`, `deleted_with`; constructor signatures of
# ResourceOptions, Resource, CustomResource, ComponentResource, ProviderResource and export()).
from typing import Any, Callable, List, Mapping, Optional, Sequence, Union

from .output import Input, Inputs, Output

class CustomTimeouts:
    create: Optional[str]
    update: Optional[str]
    delete: Optional[str]
    def __init__(self, create: Optional[str] = None, update: Optional[str] = None, delete: Optional[str] = None) -> None: ...

ROOT_STACK_RESOURCE: None

class Alias:
    name: Optional[str]
    type_: Optional[str]
    parent: Optional[Union[Resource, Input[str]]]
    stack: Optional[Input[str]]
    project: Optional[Input[str]]
    def __init__(
        self,
        name: Optional[str] = ...,
        type_: Optional[str] = ...,
        parent: Optional[Union[Resource, Input[str]]] = ...,
        stack: Optional[Input[str]] = ...,
        project: Optional[Input[str]] = ...,
    ) -> None: ...

class ResourceTransformationArgs:
    resource: Resource
    type_: str
    name: str
    props: Inputs
    opts: ResourceOptions
    def __init__(self, resource: Resource, type_: str, name: str, props: Inputs, opts: ResourceOptions) -> None: ...

class ResourceTransformationResult:
    props: Inputs
    opts: ResourceOptions
    def __init__(self, props: Inputs, opts: ResourceOptions) -> None: ...

ResourceTransformation = Callable[[ResourceTransformationArgs], Optional[ResourceTransformationResult]]

class ResourceTransformArgs:
    custom: bool
    type_: str
    name: str
    props: Inputs
    opts: ResourceOptions
    def __init__(self, custom: bool, type_: str, name: str, props: Inputs, opts: ResourceOptions) -> None: ...

class ResourceTransformResult:
    props: Inputs
    opts: ResourceOptions
    def __init__(self, props: Inputs, opts: ResourceOptions) -> None: ...

ResourceTransform = Callable[[ResourceTransformArgs], Optional[ResourceTransformResult]]

class ResourceOptions:
    parent: Optional[Resource]
    depends_on: Optional[Input[Union[Sequence[Input[Resource]], Resource]]]
    protect: Optional[bool]
    delete_before_replace: Optional[bool]
    provider: Optional[ProviderResource]
    providers: Optional[Union[Mapping[str, ProviderResource], Sequence[ProviderResource]]]
    ignore_changes: Optional[List[str]]
    version: Optional[str]
    plugin_download_url: Optional[str]
    aliases: Optional[Sequence[Input[Union[str, Alias]]]]
    additional_secret_outputs: Optional[List[str]]
    custom_timeouts: Optional[CustomTimeouts]
    transformations: Optional[List[ResourceTransformation]]
    x_transforms: Optional[List[ResourceTransform]]
    id: Optional[Input[str]]
    import_: Optional[str]
    urn: Optional[str]
    replace_on_changes: Optional[List[str]]
    retain_on_delete: Optional[bool]
    deleted_with: Optional[Resource]
    def __init__(
        self,
        parent: Optional[Resource] = None,
        depends_on: Optional[Input[Union[Sequence[Input[Resource]], Resource]]] = None,
        protect: Optional[bool] = None,
        provider: Optional[ProviderResource] = None,
        providers: Optional[Union[Mapping[str, ProviderResource], List[ProviderResource]]] = None,
        delete_before_replace: Optional[bool] = None,
        ignore_changes: Optional[List[str]] = None,
        version: Optional[str] = None,
        aliases: Optional[Sequence[Input[Union[str, Alias]]]] = None,
        additional_secret_outputs: Optional[List[str]] = None,
        id: Optional[Input[str]] = None,
        import_: Optional[str] = None,
        custom_timeouts: Optional[CustomTimeouts] = None,
        transformations: Optional[List[ResourceTransformation]] = None,
        x_transforms: Optional[List[ResourceTransform]] = None,
        urn: Optional[str] = None,
        replace_on_changes: Optional[List[str]] = None,
        plugin_download_url: Optional[str] = None,
        retain_on_delete: Optional[bool] = None,
        deleted_with: Optional[Resource] = None,
    ) -> None: ...
    @staticmethod
    def merge(opts1: Optional[ResourceOptions], opts2: Optional[ResourceOptions]) -> ResourceOptions: ...

class Resource:
    def __init__(
        self,
        t: str,
        name: str,
        custom: bool,
        props: Optional[Inputs] = None,
        opts: Optional[ResourceOptions] = None,
        remote: bool = False,
        dependency: bool = False,
    ) -> None: ...
    @property
    def urn(self) -> Output[str]: ...
    def translate_output_property(self, prop: str) -> str: ...
    def translate_input_property(self, prop: str) -> str: ...
    def get_provider(self, module_member: str) -> Optional[ProviderResource]: ...

class CustomResource(Resource):
    def __init__(
        self,
        t: str,
        name: str,
        props: Optional[Inputs] = None,
        opts: Optional[ResourceOptions] = None,
        dependency: bool = False,
    ) -> None: ...
    @property
    def id(self) -> Output[str]: ...

class ComponentResource(Resource):
    def __init__(
        self,
        t: str,
        name: str,
        props: Optional[Inputs] = None,
        opts: Optional[ResourceOptions] = None,
        remote: bool = False,
    ) -> None: ...
    def register_outputs(self, outputs: Inputs) -> None: ...

class ProviderResource(CustomResource):
    package: str
    def __init__(
        self,
        pkg: str,
        name: str,
        props: Optional[Inputs] = None,
        opts: Optional[ResourceOptions] = None,
        dependency: bool = False,
    ) -> None: ...

def export(name: str, value: Any) -> None: ...
