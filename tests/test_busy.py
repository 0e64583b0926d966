"""A busy spool: SQLite's immediate busy answers are waited out, and the error tells the truth.

The chaos run once failed (seed 1485311911) with a writer's "spool stayed busy for 30 s
(database is locked)" inside a 20 s run: the message printed the busy timeout, not the time
waited, and some path answered SQLITE_BUSY at once, without SQLite's busy handler. One such
path, proven here with a second real process: a write that upgrades a read snapshot another
process has since moved past (SQLITE_BUSY_SNAPSHOT). Any busy answer that comes before the
timeout is spent now runs the operation again within it (`Connector._patient`).
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import payload
from zelto_spool import Spool
from zelto_spool.errors import SpoolWriteError
from zelto_spool.store.schema import transaction

COMMIT_ON_REQUEST = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
for _ in sys.stdin:  # one commit per line asked
    conn.execute("UPDATE calls SET attempts = attempts + 1")
    print("committed", flush=True)
"""

HOLD_THE_WRITE_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")  # no write turn: SQLite's own lock, as the sqlite3 shell
print("holding", flush=True)
sys.stdin.read()
"""


def test_an_immediate_busy_answer_is_waited_out_within_the_timeout(spool_path: Path) -> None:
    spool = Spool(spool_path)
    for i in range(3):
        spool.enqueue(payload(f"room-{i}"))
    other = subprocess.Popen(
        [sys.executable, "-c", COMMIT_ON_REQUEST, str(spool_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert other.stdin is not None and other.stdout is not None
    tries: list[str] = []

    def read_then_write(conn: sqlite3.Connection) -> int:
        cursor = conn.execute("SELECT id FROM calls")
        cursor.fetchone()  # a read snapshot, still open
        if not tries:  # the first time, another process commits meanwhile
            other.stdin.write("commit\n")  # type: ignore[union-attr]
            other.stdin.flush()  # type: ignore[union-attr]
            assert other.stdout.readline().strip() == "committed"  # type: ignore[union-attr]
        tries.append("try")
        with transaction(conn):  # SQLITE_BUSY_SNAPSHOT at once the first time
            conn.execute("UPDATE calls SET attempts = attempts")
        cursor.close()
        return len(tries)

    try:
        assert spool.store.db.run(read_then_write) == 2
    finally:
        other.stdin.close()
        other.wait(30)
        other.stdout.close()
    spool.close()


def test_a_busy_error_says_how_long_it_waited(spool_path: Path) -> None:
    Spool(spool_path).enqueue(payload("room-1"))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_WRITE_LOCK, str(spool_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "holding"
        spool = Spool(spool_path, busy_timeout=0.3)
        with pytest.raises(SpoolWriteError) as caught:
            spool.enqueue(payload("room-2"))
        spool.close()
    finally:
        holder.stdin.close()
        holder.wait(30)
        holder.stdout.close()
    text = str(caught.value)
    found = re.search(r"stayed busy for (\d+\.\d) s of the 0.3 s busy timeout", text)
    assert found, text
    assert float(found.group(1)) >= 0.3  # what it waited, not the setting
    assert "SQLITE_BUSY" in text  # SQLite's extended code, for the next diagnosis
