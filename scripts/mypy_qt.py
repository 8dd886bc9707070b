"""A mypy plugin for PySide6's stubs, so that ``mypy ui`` reports the window's real errors, not
the stubs' gaps (pyproject.toml: ``[tool.mypy] plugins``):

* Qt property keywords in constructors (``QComboBox(objectName="kind")``): PySide6 accepts
  every property of the class and its bases; the stubs list only the class's own.
* ``QMessageBox.tr("…")`` on the class (lupdate reads the class name as the context): the
  stubs declare ``tr`` for instances only.

Everything else about a call — positional arguments, their types, overloads — is checked as
the stubs say.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import ARG_STAR2
from mypy.plugin import AttributeContext, FunctionSigContext, Plugin
from mypy.types import AnyType, CallableType, FunctionLike, Instance, Type, TypeOfAny


def _class_tr(ctx: AttributeContext) -> Type:
    t = ctx.default_attr_type
    qt = isinstance(t, CallableType) and t.definition is not None and t.definition.fullname.startswith("PySide6.")
    if isinstance(t, CallableType) and qt and t.arg_types:  # drop ``self``: called on the class
        return t.copy_modified(arg_types=t.arg_types[1:], arg_kinds=t.arg_kinds[1:], arg_names=t.arg_names[1:])
    return t


def _with_properties(fullname: str) -> Callable[[FunctionSigContext], FunctionLike]:
    def hook(ctx: FunctionSigContext) -> FunctionLike:
        sig = ctx.default_signature
        constructs = isinstance(sig.ret_type, Instance) and sig.ret_type.type.fullname == fullname
        if not constructs or ARG_STAR2 in sig.arg_kinds:
            return sig
        return sig.copy_modified(arg_types=[*sig.arg_types, AnyType(TypeOfAny.explicit)],
                                 arg_kinds=[*sig.arg_kinds, ARG_STAR2], arg_names=[*sig.arg_names, "properties"])
    return hook


class PySide6Plugin(Plugin):
    def get_class_attribute_hook(self, fullname: str) -> Callable[[AttributeContext], Type] | None:
        return _class_tr if fullname.endswith(".tr") else None  # QObject.tr, on any of its subclasses

    def get_function_signature_hook(self, fullname: str) -> Callable[[FunctionSigContext], FunctionLike] | None:
        return _with_properties(fullname) if fullname.startswith("PySide6.") else None


def plugin(version: str) -> type[Plugin]:
    return PySide6Plugin
