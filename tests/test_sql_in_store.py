"""Every SQL statement of `zelto_spool` is a named constant in the store (`store/`) or in the
lease protocol (`delivery/claim.py`), next to the code that runs it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SPOOL_PACKAGE = Path(__file__).resolve().parents[1] / "spool" / "zelto_spool"
# where SQL may be (a new place is a decision, not a glob): the store, and the claim, whose
# statements are the lease protocol itself
SQL_PLACES = ("store/", "delivery/claim.py")


def _holds_sql(name: str) -> bool:
    return name.startswith(SQL_PLACES)


def _modules() -> dict[str, str]:
    """`store/spool.py` -> its source, for every module of the package."""
    return {
        path.relative_to(SPOOL_PACKAGE).as_posix(): path.read_text()
        for path in sorted(SPOOL_PACKAGE.rglob("*.py"))
    }


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


def test_sql_lives_only_in_the_store() -> None:
    found = [
        f"{name}:{line}: {text!r}"
        for name, source in _modules().items()
        if not _holds_sql(name)
        for line, text in sql_literals(source)
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


def test_the_store_holds_statements() -> None:
    # the other side: the statements are there, and the claim and the schema hold some
    counts = {name: len(sql_literals(source)) for name, source in _modules().items()}
    assert counts["store/schema.py"] and counts["delivery/claim.py"], counts
    assert sum(counts.values()) > 50


def _statements(source: str) -> list[str]:
    """Names of the module-level constants of `source` whose value holds SQL."""
    tree = ast.parse(source)
    return [
        node.targets[0].id
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and sql_literals(ast.unparse(node))
    ]


def _names_used(source: str) -> set[str]:
    """Every name `source` reads: bare, as an attribute, or imported."""
    tree = ast.parse(source)
    names = {
        n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    }
    names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    imported = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    return names | {a.asname or a.name for n in imported for a in n.names}


def test_a_statement_lives_with_its_only_user() -> None:
    # a statement that one other module runs belongs in that module (issue 21: 82 of 97 used to
    # live in `_schema*.py` modules, apart from the code that ran them)
    modules = _modules()
    used = {name: _names_used(source) for name, source in modules.items()}
    misplaced = []
    for home, source in modules.items():
        for statement in _statements(source):
            users = [name for name in modules if name != home and statement in used[name]]
            if len(users) == 1 and statement not in used[home]:
                misplaced.append(f"{home}: {statement} is run only by {users[0]}")
    assert misplaced == []


def test_the_placement_check_sees_a_misplaced_statement() -> None:
    holder = (
        'A = "SELECT 1 FROM live"\nB = "SELECT 2 FROM live"\ndef f(conn):\n    conn.execute(B)\n'
    )
    assert _statements(holder) == ["A", "B"]
    assert "A" not in _names_used(holder) and "B" in _names_used(holder)
