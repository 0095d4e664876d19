"""Every public function and class of kzclusters has a numpydoc docstring with a runnable example."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import kzclusters

MODULES = [m.name for m in pkgutil.iter_modules(kzclusters.__path__, "kzclusters.")]


def public_objects():
    for modname in MODULES:
        mod = importlib.import_module(modname)
        for name, obj in vars(mod).items():
            if name.startswith("_") or not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            if getattr(obj, "__module__", None) != modname:
                continue  # imported from elsewhere
            yield f"{modname}.{name}", obj


@pytest.mark.parametrize("qualname,obj", list(public_objects()), ids=lambda x: x if isinstance(x, str) else "")
def test_numpydoc_docstring(qualname, obj):
    doc = inspect.getdoc(obj) or ""
    assert doc, f"{qualname} has no docstring"
    summary = doc.splitlines()[0]
    assert summary.endswith("."), f"{qualname}: the summary line should be one sentence ending with a period"
    if inspect.isfunction(obj):
        params = [p for p in inspect.signature(obj).parameters if p not in ("self", "cls")]
        if params:
            assert "Parameters\n----------" in doc, f"{qualname}: no Parameters section"
        assert "Returns\n-------" in doc or "Yields\n------" in doc or inspect.signature(obj).return_annotation \
            in (None, "None"), f"{qualname}: no Returns section"
    assert "Examples\n--------" in doc and ">>>" in doc, f"{qualname}: no Examples section (doctests run in CI)"
