# Public names of github.com/pulumi/pulumi sdk/python/lib/pulumi/__init__.py that the
# remediation checks use; each comes from the module stub that cites its source.
from .config import Config as Config, ConfigMissingError as ConfigMissingError, ConfigTypeError as ConfigTypeError
from .errors import RunError as RunError
from .metadata import get_organization as get_organization, get_project as get_project, get_stack as get_stack
from .output import Input as Input, InputType as InputType, Inputs as Inputs, Output as Output, UNKNOWN as UNKNOWN
from .output import contains_unknowns as contains_unknowns, deferred_output as deferred_output
from .resource import (
    ROOT_STACK_RESOURCE as ROOT_STACK_RESOURCE,
    Alias as Alias,
    ComponentResource as ComponentResource,
    CustomResource as CustomResource,
    CustomTimeouts as CustomTimeouts,
    ProviderResource as ProviderResource,
    Resource as Resource,
    ResourceOptions as ResourceOptions,
    ResourceTransform as ResourceTransform,
    ResourceTransformArgs as ResourceTransformArgs,
    ResourceTransformation as ResourceTransformation,
    ResourceTransformationArgs as ResourceTransformationArgs,
    ResourceTransformationResult as ResourceTransformationResult,
    ResourceTransformResult as ResourceTransformResult,
    export as export,
)
