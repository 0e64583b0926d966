"""Every SQL statement of `zelto_spool` lives in the schema modules, as a named constant."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SPOOL_PACKAGE = Path(__file__).resolve().parents[1] / "spool" / "zelto_spool"
# the only modules that hold SQL, named one by one (a new one is a decision, not a glob):
# tables, migrations and pragmas; the queue's statements; the lease protocol's; live snapshots
SCHEMA_MODULES = (
    "store/schema.py",
    "store/calls_sql.py",
    "delivery/claim_sql.py",
    "store/live_sql.py",
)

_VERB = (
    "SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|"
    "RELEASE|PRAGMA|VACUUM|ANALYZE|ATTACH|DETACH|WITH|EXPLAIN"
)
LOOKS_LIKE_SQL = [
    re.compile(rf"^\s*(?:{_VERB})\b"),  # a statement
    re.compile(r"\b(?:FROM|WHERE|VALUES|JOIN|GROUP BY|ORDER BY)\b"),  # a clause
    re.compile(r"\b[a-z_]+\s*(?:=|!=|<>|<=|>=|<|>)\s*(?:\?|:[a-z_]+\b)"),  # a condition
    re.compile(r"\b[a-z_]+ (?:NOT )?IN \("),  # a set condition
    re.compile(r"\b[a-z_]+ (?:ASC|DESC)\b"),  # an ordering
]


def _docstrings(tree: ast.Module) -> set[int]:
    nodes: list[ast.AST] = [tree]
    nodes += [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    found = set()
    for node in nodes:
        body = getattr(node, "body", [])
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            found.add(id(body[0].value))
    return sorted(found)


def sql_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string literal in `source` that looks like SQL (not docstrings)."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        if id(node) not in skip and any(p.search(node.value) for p in LOOKS_LIKE_SQL):
            found.append((node.lineno, node.value.strip()[:80]))
    return sorted(found)


def test_sql_lives_only_in_schema() -> None:
    found = [
        f"{name}:{line}: {text!r}"
        for path in sorted(SPOOL_PACKAGE.rglob("*.py"))
        if (name := path.relative_to(SPOOL_PACKAGE).as_posix()) not in SCHEMA_MODULES
        for line, text in sql_literals(path.read_text())
    ]
    assert found == []


def test_the_check_sees_sql() -> None:
    source = '''
"""A docstring that says SELECT x FROM t is fine."""
A = "SELECT 1 FROM live"
B = "state = ?"
C = f"call_id IN ({marks})"
D = "updated_at DESC, id DESC"
E = conn.execute("BEGIN IMMEDIATE")
F = "PRAGMA user_version"
G = "no SQL here: the call was delivered"
'''
    assert [line for line, _ in sql_literals(source)] == [3, 4, 5, 6, 7, 8]


def test_schema_holds_statements() -> None:
    # the other side: the statements are there, as constants, and each schema module holds some
    counts = {
        name: len(sql_literals((SPOOL_PACKAGE / name).read_text())) for name in SCHEMA_MODULES
    }
    assert all(counts.values()), counts
    assert sum(counts.values()) > 50


def test_schema_modules_hold_only_constants() -> None:
    # statements and their helpers, never code that runs them (except `_schema.py`'s
    # `transaction()` and `migrate()`): the queries stay where their callers are readable
    for name in SCHEMA_MODULES[1:]:
        tree = ast.parse((SPOOL_PACKAGE / name).read_text())
        code = [
            node.lineno
            for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        ]
        assert code == [], name
