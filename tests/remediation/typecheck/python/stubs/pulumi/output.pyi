# Declarations mirroring github.com/pulumi/pulumi sdk/python/lib/pulumi/output.py
# (stored copy at commit 05adadb3f1552484748f8b1c52ec0f12a9041d55, Pulumi Python SDK 3.15x+).
# Only the public surface the remediation checks need; no implementation.
import json
from collections.abc import Awaitable, Mapping
from typing import Any, Callable, Dict, Generic, List, Optional, TypeVar, Union, overload

from .resource import Resource

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
U = TypeVar("U")

Input = Union[T, Awaitable[T], "Output[T]"]
Inputs = Mapping[str, Input[Any]]
InputType = Union[T, Mapping[str, Any]]

class Output(Generic[T_co]):
    def __init__(
        self,
        resources: Union[Awaitable[set[Resource]], set[Resource]],
        future: Awaitable[T_co],
        is_known: Awaitable[bool],
        is_secret: Optional[Awaitable[bool]] = None,
    ) -> None: ...
    def resources(self) -> Awaitable[set[Resource]]: ...
    def future(self, with_unknowns: Optional[bool] = None) -> Awaitable[Optional[T_co]]: ...
    def is_known(self) -> Awaitable[bool]: ...
    def get(self) -> T_co: ...
    def is_secret(self) -> Awaitable[bool]: ...
    def apply(self, func: Callable[[T_co], Input[U]], run_with_unknowns: bool = False) -> Output[U]: ...
    # The SDK lifts attribute and item access into Outputs (output.py __getattr__/__getitem__).
    def __getattr__(self, item: str) -> Output[Any]: ...
    def __getitem__(self, key: Any) -> Output[Any]: ...
    def __iter__(self) -> Any: ...
    @overload
    @staticmethod
    def from_input(val: Output[U]) -> Output[U]: ...
    @overload
    @staticmethod
    def from_input(val: Input[U]) -> Output[U]: ...
    @staticmethod
    def unsecret(val: Output[U]) -> Output[U]: ...
    @staticmethod
    def secret(val: Input[U]) -> Output[U]: ...
    @overload
    @staticmethod
    def all(*args: Output[Any]) -> Output[List[Any]]: ...
    @overload
    @staticmethod
    def all(**kwargs: Output[Any]) -> Output[Dict[str, Any]]: ...
    @overload
    @staticmethod
    def all(*args: Input[Any]) -> Output[List[Any]]: ...
    @overload
    @staticmethod
    def all(**kwargs: Input[Any]) -> Output[Dict[str, Any]]: ...
    @staticmethod
    def concat(*args: Input[str]) -> Output[str]: ...
    @staticmethod
    def format(format_string: Input[str], *args: Input[object], **kwargs: Input[object]) -> Output[str]: ...
    @staticmethod
    def json_dumps(
        obj: Input[Any],
        *,
        skipkeys: bool = False,
        ensure_ascii: bool = True,
        check_circular: bool = True,
        allow_nan: bool = True,
        cls: Optional[type[json.JSONEncoder]] = None,
        indent: Optional[Union[int, str]] = None,
        separators: Optional[tuple[str, str]] = None,
        default: Optional[Callable[[Any], Any]] = None,
        sort_keys: bool = False,
        **kw: Any,
    ) -> Output[str]: ...
    @staticmethod
    def json_loads(
        s: Input[Union[str, bytes, bytearray]],
        *,
        cls: Optional[type[json.JSONDecoder]] = None,
        object_hook: Optional[Callable[[dict[Any, Any]], Any]] = None,
        parse_float: Optional[Callable[[str], Any]] = None,
        parse_int: Optional[Callable[[str], Any]] = None,
        parse_constant: Optional[Callable[[str], Any]] = None,
        object_pairs_hook: Optional[Callable[[list[tuple[Any, Any]]], Any]] = None,
        **kwds: Any,
    ) -> Output[Any]: ...
    def __str__(self) -> str: ...

class Unknown:
    def __init__(self) -> None: ...

UNKNOWN: Unknown

def contains_unknowns(val: Any) -> bool: ...
def deferred_output() -> tuple[Output[T], Callable[[Output[T]], None]]: ...
