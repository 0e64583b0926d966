"""`transaction()`: the one way the spool opens a write transaction."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from zelto_spool.store.schema import transaction

SPOOL_PACKAGE = Path(__file__).resolve().parents[1] / "spool" / "zelto_spool"
SCHEMA_MODULES = ("store/schema.py",)  # `transaction()` writes BEGIN and COMMIT


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    conn.execute("CREATE TABLE t (x INTEGER)")
    yield conn
    conn.close()


def _rows(path: Path) -> list[int]:
    # through another connection: only what was committed
    other = sqlite3.connect(path)
    try:
        return [r[0] for r in other.execute("SELECT x FROM t ORDER BY x")]
    finally:
        other.close()


def test_commits_when_the_block_ends(conn: sqlite3.Connection, tmp_path: Path) -> None:
    with transaction(conn):
        assert conn.in_transaction
        conn.execute("INSERT INTO t VALUES (1)")
    assert not conn.in_transaction
    assert _rows(tmp_path / "t.db") == [1]


def test_commits_when_the_block_returns(conn: sqlite3.Connection, tmp_path: Path) -> None:
    def write() -> str:
        with transaction(conn):
            conn.execute("INSERT INTO t VALUES (2)")
            return "early"

    assert write() == "early"
    assert not conn.in_transaction
    assert _rows(tmp_path / "t.db") == [2]


def test_rolls_back_and_reraises(conn: sqlite3.Connection, tmp_path: Path) -> None:
    with pytest.raises(KeyError, match="boom"), transaction(conn):
        conn.execute("INSERT INTO t VALUES (3)")
        raise KeyError("boom")
    assert not conn.in_transaction
    assert _rows(tmp_path / "t.db") == []


def test_takes_the_write_lock_at_once(conn: sqlite3.Connection, tmp_path: Path) -> None:
    # BEGIN IMMEDIATE: a second writer is refused before this one has written anything
    other = sqlite3.connect(tmp_path / "t.db", isolation_level=None, timeout=0)
    try:
        with transaction(conn):
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()


def test_no_module_begins_a_transaction_by_hand() -> None:
    hand_written = re.compile(r"""["'](BEGIN|COMMIT)\b""")
    found = [
        f"{name}:{number}: {line.strip()}"
        for path in sorted(SPOOL_PACKAGE.rglob("*.py"))
        if (name := path.relative_to(SPOOL_PACKAGE).as_posix()) not in SCHEMA_MODULES
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if hand_written.search(line)
    ]
    assert found == []
