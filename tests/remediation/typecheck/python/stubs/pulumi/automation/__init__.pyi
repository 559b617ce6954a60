# Declarations mirroring github.com/pulumi/pulumi sdk/python/lib/pulumi/automation:
#   _local_workspace.py (stored copy at commit ddc4aa8af142eaab2feffc702f1d87331e9bf813):
#     LocalWorkspaceOptions, LocalWorkspace constructor, create_stack/select_stack/create_or_select_stack
#   _stack.py (stored copy at commit f523d258688e3c685dfd29e4d09d0a78f996b9a1): Stack.up/preview,
#     UpResult, PreviewResult, UpdateSummary, OutputValue
#   _workspace.py: PulumiFn = Callable[[], None]; _cmd.py: OnOutput = Callable[[str], Any]
#   _config.py: ConfigValue(value: str, secret: bool = False)
# Newer SDKs add further keyword parameters to Stack.up (color, refresh, ...); they are not declared.
from datetime import datetime
from typing import Any, Callable, List, Mapping, MutableMapping, Optional

PulumiFn = Callable[[], None]
OnOutput = Callable[[str], Any]

class EngineEvent:
    sequence: int
    timestamp: int

OnEvent = Callable[[EngineEvent], Any]
OpMap = MutableMapping[str, int]

class ConfigValue:
    value: str
    secret: bool
    def __init__(self, value: str, secret: bool = False) -> None: ...

ConfigMap = MutableMapping[str, ConfigValue]

class ProjectSettings:
    name: str
    runtime: str
    main: Optional[str]
    def __init__(self, name: str, runtime: str, main: Optional[str] = None, description: Optional[str] = None) -> None: ...

class StackSettings:
    secrets_provider: Optional[str]
    def __init__(self, secrets_provider: Optional[str] = None) -> None: ...

class PulumiCommand:
    def __init__(self, root: Optional[str] = None, version: Any = None, skip_version_check: bool = False) -> None: ...

class OutputValue:
    value: Any
    secret: bool
    def __init__(self, value: Any, secret: bool) -> None: ...

OutputMap = MutableMapping[str, OutputValue]

class UpdateSummary:
    kind: str
    start_time: datetime
    end_time: datetime
    message: str
    environment: Mapping[str, str]
    result: str
    version: Optional[int]
    resource_changes: Optional[OpMap]
    config: ConfigMap

class BaseResult:
    stdout: str
    stderr: str
    def __init__(self, stdout: str, stderr: str) -> None: ...

class PreviewResult(BaseResult):
    change_summary: OpMap
    def __init__(self, stdout: str, stderr: str, change_summary: OpMap) -> None: ...

class UpResult(BaseResult):
    outputs: OutputMap
    summary: UpdateSummary
    def __init__(self, stdout: str, stderr: str, summary: UpdateSummary, outputs: OutputMap) -> None: ...

class Workspace:
    work_dir: str
    pulumi_home: Optional[str]
    program: Optional[PulumiFn]
    env_vars: Mapping[str, str]
    secrets_provider: Optional[str]

class LocalWorkspaceOptions:
    work_dir: Optional[str]
    pulumi_home: Optional[str]
    program: Optional[PulumiFn]
    env_vars: Optional[Mapping[str, str]]
    secrets_provider: Optional[str]
    project_settings: Optional[ProjectSettings]
    stack_settings: Optional[Mapping[str, StackSettings]]
    pulumi_command: Optional[PulumiCommand]
    def __init__(
        self,
        work_dir: Optional[str] = None,
        pulumi_home: Optional[str] = None,
        program: Optional[PulumiFn] = None,
        env_vars: Optional[Mapping[str, str]] = None,
        secrets_provider: Optional[str] = None,
        project_settings: Optional[ProjectSettings] = None,
        stack_settings: Optional[Mapping[str, StackSettings]] = None,
        pulumi_command: Optional[PulumiCommand] = None,
    ) -> None: ...

class LocalWorkspace(Workspace):
    def __init__(
        self,
        work_dir: Optional[str] = None,
        pulumi_home: Optional[str] = None,
        program: Optional[PulumiFn] = None,
        env_vars: Optional[Mapping[str, str]] = None,
        secrets_provider: Optional[str] = None,
        project_settings: Optional[ProjectSettings] = None,
        stack_settings: Optional[Mapping[str, StackSettings]] = None,
        pulumi_command: Optional[PulumiCommand] = None,
    ) -> None: ...

class Stack:
    name: str
    workspace: Workspace
    @classmethod
    def create(cls, stack_name: str, workspace: Workspace) -> Stack: ...
    @classmethod
    def select(cls, stack_name: str, workspace: Workspace) -> Stack: ...
    @classmethod
    def create_or_select(cls, stack_name: str, workspace: Workspace) -> Stack: ...
    def up(
        self,
        parallel: Optional[int] = None,
        message: Optional[str] = None,
        target: Optional[List[str]] = None,
        expect_no_changes: Optional[bool] = None,
        diff: Optional[bool] = None,
        target_dependents: Optional[bool] = None,
        replace: Optional[List[str]] = None,
        on_output: Optional[OnOutput] = None,
        on_event: Optional[OnEvent] = None,
        program: Optional[PulumiFn] = None,
    ) -> UpResult: ...
    def preview(
        self,
        parallel: Optional[int] = None,
        message: Optional[str] = None,
        target: Optional[List[str]] = None,
        expect_no_changes: Optional[bool] = None,
        diff: Optional[bool] = None,
        target_dependents: Optional[bool] = None,
        replace: Optional[List[str]] = None,
        on_output: Optional[OnOutput] = None,
        on_event: Optional[OnEvent] = None,
        program: Optional[PulumiFn] = None,
    ) -> PreviewResult: ...
    def get_config(self, key: str, *, path: bool = False) -> ConfigValue: ...
    def set_config(self, key: str, value: ConfigValue, *, path: bool = False) -> None: ...
    def set_all_config(self, config: ConfigMap, *, path: bool = False) -> None: ...
    def outputs(self) -> OutputMap: ...

def create_stack(
    stack_name: str,
    project_name: Optional[str] = None,
    program: Optional[PulumiFn] = None,
    work_dir: Optional[str] = None,
    opts: Optional[LocalWorkspaceOptions] = None,
) -> Stack: ...
def select_stack(
    stack_name: str,
    project_name: Optional[str] = None,
    program: Optional[PulumiFn] = None,
    work_dir: Optional[str] = None,
    opts: Optional[LocalWorkspaceOptions] = None,
) -> Stack: ...
def create_or_select_stack(
    stack_name: str,
    project_name: Optional[str] = None,
    program: Optional[PulumiFn] = None,
    work_dir: Optional[str] = None,
    opts: Optional[LocalWorkspaceOptions] = None,
) -> Stack: ...
