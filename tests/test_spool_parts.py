"""A `Spool` is one piece made of parts: each owns its state, they share one store (one
connection per process), the lease protocol is off the user-facing surface, no part reaches
into another's private attributes, and the package's modules import each other without cycles.
"""

from __future__ import annotations

import ast
import stat
from pathlib import Path

from tests.conftest import payload
from zelto_spool import Spool
from zelto_spool.delivery.claim import Leases
from zelto_spool.store.schema import SCHEMA_VERSION, schema_levels

SPOOL_PACKAGE = Path(__file__).resolve().parents[1] / "spool" / "zelto_spool"
# the spool and its parts (`store/calls.py` draws them)
PARTS = (
    "store/spool.py",
    "store/calls.py",
    "delivery/claim.py",
    "store/live.py",
    "store/reaper.py",
    "store/upkeep.py",
)
LEASE_PROTOCOL = ("claim", "reclaim", "mark_delivered", "mark_retry", "mark_dead", "release")
SENDER_WRITES = ("apply", "pause", "resume")


def test_the_lease_protocol_is_not_on_the_spool() -> None:
    for name in (*LEASE_PROTOCOL, *SENDER_WRITES):
        assert not hasattr(Spool, name), name
        assert callable(getattr(Leases, name)), name


def test_the_parts_share_one_connection(spool_path: Path) -> None:
    spool = Spool(spool_path)
    leases = Leases(spool)
    spool.enqueue(payload("r1"))
    (claim,) = leases.claim(1, lease_s=60)
    assert spool.stats()["inflight"] == 1 and spool.live.count() == 0
    assert leases.mark_delivered(claim, status=200) == "delivered"
    assert spool.store.db is leases.spool.store.db  # one connector: no second connection
    spool.close()


def test_open_creates_the_file_now(tmp_path: Path) -> None:
    path = tmp_path / "new" / "spool.db"
    with Spool(path) as spool:
        assert spool.open() is spool
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert spool.store.db.run(schema_levels)[0] == SCHEMA_VERSION


def _private_reaches(source: str) -> list[str]:
    """`x._y` where `x` is not `self`/`cls` or an imported module: another object's privates."""
    tree = ast.parse(source)
    modules = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom | ast.Import)
        for alias in node.names
    }
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or not node.attr.startswith("_"):
            continue
        if node.attr.startswith("__"):
            continue
        if isinstance(node.value, ast.Name) and node.value.id in {"self", "cls", *modules}:
            continue
        found.append((node.lineno, f"{node.lineno}: .{node.attr}"))
    return [text for _, text in sorted(found)]


def test_no_part_reaches_into_another_objects_privates() -> None:
    found = {
        name: reaches
        for name in PARTS
        if (reaches := _private_reaches((SPOOL_PACKAGE / name).read_text()))
    }
    assert found == {}


def test_the_reach_check_sees_reaches() -> None:
    source = "from . import _proc\nself._db.run()\nself._spool._db.run()\n_proc._x\nspool._clock\n"
    assert _private_reaches(source) == ["3: ._db", "5: ._clock"]


def _module_name(path: Path) -> str:
    """`store/spool.py` -> `store.spool`; a package's `__init__.py` -> the package."""
    parts = path.relative_to(SPOOL_PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph() -> dict[str, set[str]]:
    """Each module's imports of the package's modules, at module level (`TYPE_CHECKING`
    included: mypy follows those too); imports inside functions are deliberate and lazy."""
    graph: dict[str, set[str]] = {}
    for path in SPOOL_PACKAGE.rglob("*.py"):
        name = _module_name(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: set[str] = set()
        for top in ast.parse(path.read_text()).body:
            for node in ast.walk(top) if isinstance(top, ast.If) else [top]:
                if isinstance(node, ast.ImportFrom) and node.level:
                    base = package.split(".") if package else []
                    base = base[: len(base) - (node.level - 1)]
                    if node.module:
                        deps.add(".".join([*base, node.module]))
                    else:
                        deps.update(".".join([*base, a.name]) for a in node.names)
        graph[name] = deps
    return graph


def test_no_import_cycle_in_the_package() -> None:
    graph = _import_graph()
    in_a_cycle = []
    for start in sorted(graph):
        seen: set[str] = set()
        todo = list(graph[start])
        while todo:
            module = todo.pop()
            if module not in seen:
                seen.add(module)
                todo.extend(graph.get(module, set()))
        if start in seen:  # reaches itself
            in_a_cycle.append(start)
    assert in_a_cycle == []


# the layers (docs/design.md, "The layers"): each imports only those below it. The top-level
# modules (config, errors, logs, payload, fit, text, contract) are the floor; `cli` is the roof.
BELOW = {
    "top": set(),
    "store": {"top"},
    "delivery": {"top", "store"},
    "testing": {"top", "store"},
    "sidecar": {"top", "store", "delivery"},
    "cli": {"top", "store", "delivery", "sidecar", "testing"},
}


def _layer(module: str) -> str:
    first = module.split(".", maxsplit=1)[0]
    return first if first in BELOW else "top"


def _all_imports() -> dict[str, set[str]]:
    """Like `_import_graph`, with the imports inside functions too: a lazy import still
    reaches up a layer."""
    graph: dict[str, set[str]] = {}
    for path in SPOOL_PACKAGE.rglob("*.py"):
        name = _module_name(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".") if package else []
                base = base[: len(base) - (node.level - 1)]
                deps.add(".".join([*base, node.module]) if node.module else ".".join(base))
        graph[name] = deps
    return graph


def test_layers_import_only_downward() -> None:
    upward = sorted(
        f"{module} -> {dep}"
        for module, deps in _all_imports().items()
        if module not in ("", "__main__")  # the package's front door and `python -m`
        for dep in deps
        if dep and _layer(dep) != _layer(module) and _layer(dep) not in BELOW[_layer(module)]
    )
    assert upward == []


def test_the_layer_check_sees_an_upward_import() -> None:
    assert _layer("store.spool") == "store" and _layer("config") == "top"
    assert "sidecar" not in BELOW["delivery"] and "delivery" not in BELOW["store"]
