"""The layout says where things are: docs/design.md's map names the module of each part a
newcomer looks for, and that module holds it (issue 21: the reaper, the retry decision)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPOOL_PACKAGE = ROOT / "spool" / "zelto_spool"
DESIGN = ROOT / "docs" / "design.md"

# what a newcomer asks for -> the entry point its module must define
LANDMARKS = {
    "THE CLAIM": "claim",
    "THE RETRY DECISION": "classify",
    "THE PAUSE": "Gate",
    "THE REAPER": "reap",
}


def _map() -> str:
    text = DESIGN.read_text()
    start = text.index("## The layers of `zelto_spool`")
    return text[start : text.index("\n## ", start + 1)]


def _defines(module: Path) -> set[str]:
    tree = ast.parse(module.read_text())
    found = {n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)}
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        found |= {n.name for n in cls.body if isinstance(n, ast.FunctionDef)}
    return found


def _landmark_modules() -> dict[str, Path]:
    """`THE REAPER` -> the module the map's line names for it, with its folder."""
    found: dict[str, Path] = {}
    folder = ""
    for line in _map().splitlines():
        if m := re.match(r"\s{2}(\w+)/\s", line):
            folder = m.group(1)
        for landmark in LANDMARKS:
            if landmark in line:
                name = re.search(r"(\w+\.py)", line)
                assert name, line
                found[landmark] = SPOOL_PACKAGE / folder / name.group(1)
    return found


def test_the_map_names_a_module_for_each_landmark_and_it_holds_it() -> None:
    modules = _landmark_modules()
    assert sorted(modules) == sorted(LANDMARKS)
    for landmark, module in modules.items():
        assert module.exists(), (landmark, module)
        assert LANDMARKS[landmark] in _defines(module), (landmark, module)
        # the module's own first line says what it is
        assert ast.get_docstring(ast.parse(module.read_text()), clean=True)


def test_a_module_named_reaper_holds_the_reap() -> None:
    (reaper,) = SPOOL_PACKAGE.rglob("reaper*.py")
    assert "reap" in _defines(reaper)


def test_every_module_is_on_the_map() -> None:
    on_map = set(re.findall(r"\b(\w+)\.py\b", _map()))
    modules = {
        p.stem for p in SPOOL_PACKAGE.rglob("*.py") if p.stem not in ("__init__", "__main__")
    }
    assert sorted(modules - on_map - {"_version"}) == []


def _imports(module: Path) -> set[str]:
    """Top-level names of every module `module` imports (`ijson`, `.receipt` -> `receipt`)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text())):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_the_retry_decision_is_only_the_decision() -> None:
    # reading the receipt (an incremental JSON parser) is its own module
    assert "ijson" not in _imports(SPOOL_PACKAGE / "delivery" / "retry.py")
    assert "ijson" in _imports(SPOOL_PACKAGE / "delivery" / "receipt.py")


def _module_level_imports(module: Path) -> set[str]:
    """Relative imports at module level (`TYPE_CHECKING` blocks excluded), as `a.b`."""
    found: set[str] = set()
    for node in ast.parse(module.read_text()).body:
        if isinstance(node, ast.ImportFrom) and node.level and node.module:
            found.add(node.module)
    return found


def test_production_code_loads_nothing_from_testing() -> None:
    # the CLI's `drain` and `run` are production: the contract the receiver command shows is
    # on the floor; only the receiver command itself loads the test receiver, when it runs
    loads = sorted(
        f"{module.relative_to(SPOOL_PACKAGE)}: {name}"
        for module in SPOOL_PACKAGE.rglob("*.py")
        if "testing" not in module.relative_to(SPOOL_PACKAGE).parts
        for name in _module_level_imports(module)
        if name.split(".")[0] == "testing"
    )
    assert loads == []
