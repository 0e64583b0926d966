"""The public surface of `zelto_spool`, and the plugin's use of it through public names only."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path

import zelto_spool

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = ROOT / "plugin" / "livekit" / "plugins" / "zelto"


def test_plugin_uses_zelto_spool_through_public_names_only() -> None:
    # a package that imports another's internal modules (every module but `testing`, the
    # folders included) has found a missing public name; reading `spool._x` is the same thing
    # through an object
    package = ROOT / "spool" / "zelto_spool"
    internal = sorted(
        path.stem if path.suffix else path.name
        for path in package.iterdir()
        if (path.suffix == ".py" or (path / "__init__.py").exists())
        and path.stem not in ("__init__", "__main__", "testing")
    )
    assert {"store", "delivery", "config"} <= set(internal)
    private_module = re.compile(rf"zelto_spool\.(?:_\w+|{'|'.join(internal)})\b")
    private_attribute = re.compile(r"(?:\b|_)(?:spool|flusher|sender)\._[a-z]\w*")
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(PLUGIN.rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if private_module.search(line) or private_attribute.search(line)
    ]
    assert found == []


# the lazy `__init__` imports these for itself; they are not part of the surface
SCAFFOLDING = {"annotations", "TYPE_CHECKING", "Any"}
INCLUDED_PRIVATE_MEMBERS = {"__version__"}


def _reexported() -> dict[str, str]:
    """Each name `zelto_spool/__init__.py` imports from its own modules, and that module."""
    tree = ast.parse((ROOT / "spool" / "zelto_spool" / "__init__.py").read_text())
    return {
        alias.asname or alias.name: node.module or ""
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level == 1
        for alias in node.names
    }


def test_all_is_every_reexported_name() -> None:
    assert set(zelto_spool.__all__) == set(_reexported())
    assert len(zelto_spool.__all__) == len(set(zelto_spool.__all__))


def test_every_name_loads_from_the_module_it_is_typed_from() -> None:
    homes = zelto_spool._HOMES
    assert set(homes) | INCLUDED_PRIVATE_MEMBERS == set(zelto_spool.__all__)
    for name, module in _reexported().items():
        if name in INCLUDED_PRIVATE_MEMBERS:
            continue
        assert homes[name] == module, name
        home = importlib.import_module(f"zelto_spool.{homes[name]}")
        assert getattr(zelto_spool, name) is getattr(home, name), name
        # a re-exported name is public where it is defined too
        assert name in home.__all__, name


def test_all_imports_are_exported() -> None:
    # as httpx's test: once every name is loaded, the module's public members are `__all__`
    for name in zelto_spool.__all__:
        getattr(zelto_spool, name)
    members = {
        name
        for name, value in vars(zelto_spool).items()
        if not inspect.ismodule(value)
        and (not name.startswith("_") or name in INCLUDED_PRIVATE_MEMBERS)
    }
    assert members - SCAFFOLDING == set(zelto_spool.__all__)
    assert set(dir(zelto_spool)) >= set(zelto_spool.__all__)


# what the plugin takes from the engine: the outbox and its outcome, and names users have too
PLUGIN_NAMES = {
    "Outbox",
    "Outcome",
    "Spool",
    "Enqueued",
    "ConfigError",
    "PayloadError",
    "SpoolError",
    "ENV_AGENT_ID",
    "prepare",
    "encode",
    "external_id",
    "fit_transcript",
    "__version__",  # the plugin's version is the engine's (one number for both)
}


def test_the_plugin_reaches_the_engine_through_the_outbox_only() -> None:
    used = {
        alias.name
        for path in PLUGIN.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.ImportFrom) and node.module == "zelto_spool"
        for alias in node.names
        if alias.name != "testing"  # the public test package, its own surface
    }
    assert used == PLUGIN_NAMES
    assert used <= set(zelto_spool.__all__)
