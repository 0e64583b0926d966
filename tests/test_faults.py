"""Faults: a full disk, file-size limits, corrupt spool files, and security checks of the code.

Real SQLite files, real processes, the real local receiver. Disk full runs in a child process
(`tests/chaos/disk_full.py`): on a tiny tmpfs in a private mount namespace when `unshare`
allows it, and always with `RLIMIT_FSIZE`. Corruption is real damage written into real spool
files with pending rows, salvaged into the fresh spool where SQLite can still read them.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import functools
import json
import logging
import os
import random
import re
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.chaos.actors import ROOT
from tests.conftest import API_KEY, cli_env, payload, run_cli, used_spool, wait_until
from tests.sessions import EXPECTED_TURNS, run_session
from zelto_spool import Spool
from zelto_spool.payload import encode
from zelto_spool.testing.receiver import Receiver

SOURCE = ROOT / "spool" / "zelto_spool"


# --- disk full and file-size limits -----------------------------------------------------------


@functools.cache
def _can_mount_tmpfs() -> bool:
    try:
        probe = subprocess.run(
            ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def _disk_full_child(mode: str, directory: Path, base_url: str) -> dict[str, Any]:
    command = [sys.executable, "-m", "tests.chaos.disk_full", mode, str(directory), base_url]
    if mode == "enospc":  # a 2 MiB tmpfs in a private mount namespace, for this child only
        mount = 'mount -t tmpfs -o size=2m tmpfs "$1" && shift && exec "$@"'
        command = ["unshare", "-rm", "sh", "-c", mount, "sh", str(directory), *command]
    env = cli_env(directory / "unused.db", base_url, API_KEY)
    out = subprocess.run(
        command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=180, check=False
    )
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr[-3000:]
    report: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return report


@pytest.mark.parametrize(
    "mode",
    [
        pytest.param(
            "enospc",
            marks=pytest.mark.skipif(
                not _can_mount_tmpfs(), reason="needs unshare -rm and a tmpfs mount"
            ),
        ),
        "efbig",
    ],
)
def test_full_disk_names_the_call_falls_back_to_direct_delivery_and_recovers(
    tmp_path: Path, zelto_receiver: Any, mode: str
) -> None:
    """ENOSPC on a full filesystem / EFBIG past RLIMIT_FSIZE, at enqueue and in the plugin."""
    report = _disk_full_child(mode, tmp_path, zelto_receiver.base_url)
    # Spool.enqueue: a SpoolWriteError naming the call and the file, nothing else
    error = report["full_error"]
    assert error is not None and error["type"] == "SpoolWriteError", error
    assert error["call_id"] == "big" and "could not spool call 'big'" in error["message"]
    assert "spool.db" in error["message"]
    if mode == "enospc":
        assert "disk full" in error["message"]
    # the plugin: the call that could not be spooled was sent directly, and the log says so
    logged = [(r["level"], r["message"], r["call_id"]) for r in report["full_logs"]]
    assert ("ERROR", "could not spool the call; trying to send it directly", "job-full") in logged
    assert ("WARNING", "call delivered directly (not spooled)", "job-full") in logged
    assert not any(r["level"] == "CRITICAL" for r in report["full_logs"])  # not lost
    sent = zelto_receiver.calls["job-full"]
    assert sent["transcript"]["turns"] == EXPECTED_TURNS
    assert "job-full" not in report["states"]  # it never was in the spool
    # space is back: the same spool and the same Forwarder work again, nothing was lost
    assert report["after_error"] is None
    assert ("INFO", "call spooled", "job-after") in [
        (r["level"], r["message"], r["call_id"]) for r in report["after_logs"]
    ]
    assert "job-after" in zelto_receiver.calls
    assert report["before_intact"] is True
    assert report["stats"]["inflight"] == 0 and report["stats"]["dead"] == 0
    assert set(report["states"]) == {f"before-{i}" for i in range(5)} | {"after", "job-after"}
    accepted = dict(zelto_receiver.accepted)
    for i in range(5):  # the Forwarder's leftovers delivered the earlier calls, exactly
        assert accepted[f"before-{i}"] == encode(payload(f"before-{i}", turns=4))


# --- corrupt spool files ----------------------------------------------------------------------

PAGE = 4096


def _spool_with_rows(path: Path, count: int) -> list[str]:
    spool = Spool(path)
    ids = [f"room-{i:03d}" for i in range(count)]
    for call_id in ids:
        spool.enqueue(payload(call_id, turns=6))
    spool.store.db.run(lambda c: c.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall())
    spool.close()
    return ids


def _pages(path: Path) -> list[tuple[str, int, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT name, pageno, pagetype FROM dbstat ORDER BY pageno").fetchall()
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table")
    finally:
        conn.close()


def _damage(path: Path, pages: list[int], seed: int = 5) -> bytes:
    """Overwrite whole pages with seeded garbage; returns the garbage of the last one."""
    rng = random.Random(seed)
    garbage = b""
    with open(path, "r+b") as fh:
        for page in pages:
            garbage = rng.randbytes(PAGE)
            fh.seek((page - 1) * PAGE)
            fh.write(garbage)
    return garbage


def _readable(path: Path) -> set[str]:
    """Calls whose row and body SQLite can still read from a damaged file (what salvage gets)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    found = set()
    try:
        for rowid, call_id in conn.execute("SELECT id, call_id FROM calls NOT INDEXED").fetchall():
            try:
                conn.execute("SELECT body FROM payloads WHERE call_rowid = ?", (rowid,)).fetchone()
            except sqlite3.DatabaseError:
                continue
            found.add(call_id)
    finally:
        conn.close()
    return found


@pytest.fixture
def index_damaged(spool_path: Path) -> tuple[Path, list[str], bytes]:
    """120 pending calls; the indexes an enqueue needs are garbage, the tables are intact."""
    ids = _spool_with_rows(spool_path, 120)
    indexes = ("sqlite_autoindex_calls", "calls_due")
    victims = [p for name, p, _ in _pages(spool_path) if name.startswith(indexes)]
    garbage = _damage(spool_path, victims)
    assert _readable(spool_path) == set(ids)
    return spool_path, ids, garbage


def test_damaged_page_is_set_aside_loudly_and_a_fresh_spool_takes_calls(
    index_damaged: tuple[Path, list[str], bytes], caplog: pytest.LogCaptureFixture
) -> None:
    spool_path, _, garbage = index_damaged
    victim_offset = spool_path.read_bytes().index(garbage)
    spool = Spool(spool_path)
    with caplog.at_level(logging.ERROR, logger="zelto_spool"):
        queued = spool.enqueue(payload("new-call"))
    assert queued.version == 1
    (moved,) = spool.store.db.recovered_to
    assert Path(moved).name.startswith("spool.db.corrupt-")
    # kept as it was (the damage is still there, at the same place), private, never deleted
    kept = Path(moved).read_bytes()
    assert kept[victim_offset : victim_offset + PAGE] == garbage
    assert stat.S_IMODE(Path(moved).stat().st_mode) == 0o600
    (record,) = [r for r in caplog.records if "moved aside" in r.getMessage()]
    assert record.levelno == logging.ERROR and record.moved_to == moved  # type: ignore[attr-defined]
    assert "new-call" in {r["call_id"] for r in spool.upkeep.rows(state="pending")}
    assert spool.stats()["corrupt_files"] == [moved]

    env = cli_env(spool_path)
    for command in (["status"], ["status", "--json"], ["list"], ["purge", "--older-than", "0"]):
        result = run_cli(*command, env=env)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    status = run_cli("status", env=env).stdout
    assert f"a damaged spool was set aside at {moved}" in status
    assert json.loads(run_cli("status", "--json", env=env).stdout)["corrupt_files"] == [moved]
    assert Path(moved).exists()  # purge and the disk cap never touch set-aside files
    spool.close()


def test_rows_still_readable_in_a_set_aside_spool_are_salvaged(
    index_damaged: tuple[Path, list[str], bytes],
) -> None:
    spool_path, ids, _ = index_damaged
    with Spool(spool_path) as spool:
        spool.enqueue(payload("new-call"))
        pending = {r["call_id"] for r in spool.upkeep.rows(state="pending")}
    assert pending == set(ids) | {"new-call"}


@pytest.fixture
def payload_page_damaged(spool_path: Path) -> tuple[Path, list[str], set[str]]:
    """120 pending calls; one leaf page of bodies in the middle of the file is garbage."""
    ids = _spool_with_rows(spool_path, 120)
    leaves = [p for name, p, kind in _pages(spool_path) if name == "payloads" and kind == "leaf"]
    _damage(spool_path, [leaves[len(leaves) // 2]])
    readable = _readable(spool_path)
    assert 0 < len(readable) < len(ids)
    return spool_path, ids, readable


def test_drain_hitting_a_damaged_page_explains_and_the_spool_recovers(
    payload_page_damaged: tuple[Path, list[str], set[str]], zelto_receiver: Any
) -> None:
    spool_path, ids, _ = payload_page_damaged
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    result = run_cli("drain", "-q", env=env)
    assert "Traceback" not in result.stderr, result.stderr
    (moved,) = Spool(spool_path).upkeep.corrupt_files()
    assert "corrupt" in result.stderr and moved in result.stderr  # says where it went
    assert set(zelto_receiver.calls) <= set(ids)
    assert _readable(Path(moved))  # the set-aside file still holds the rows
    status = run_cli("status", env=env)
    assert status.returncode == 0 and f"set aside at {moved}" in status.stdout
    # the fresh spool takes and delivers new calls; drain still exits 1 while the set-aside
    # file (which may hold calls no count shows) is there, as `status --check` does
    Spool(spool_path).enqueue(payload("after-recovery"))
    again = run_cli("drain", "-q", env=env)
    assert again.returncode == 1 and "may hold unsalvaged calls" in again.stderr
    assert "after-recovery" in zelto_receiver.calls


def test_an_error_inside_an_unfsynced_write_surfaces_and_later_writes_are_fsynced(
    spool: Spool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zelto_spool import SpoolError
    from zelto_spool.delivery import claim as sql
    from zelto_spool.delivery.claim import Leases, Mark

    leases = Leases(spool)
    spool.enqueue(payload("room-1"))
    (claim,) = leases.claim(1, lease_s=60)  # claims and marks commit without fsync
    monkeypatch.setitem(
        sql.MARKS, "delivered", "UPDATE calls SET no_such_column = 1 WHERE id = :rowid"
    )
    broken = Mark.delivered(claim, status=200)
    with pytest.raises(SpoolError) as info:  # any failure after BEGIN: corruption, disk full
        leases.apply([broken])
    assert "no_such_column" in str(info.value)  # the real error, not a follow-on one
    spool.enqueue(payload("room-2"))
    conn = spool.store.db._conn
    assert conn is not None
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL: enqueues fsync again


def test_drain_hitting_a_damaged_page_still_delivers_every_readable_call(
    payload_page_damaged: tuple[Path, list[str], set[str]], zelto_receiver: Any
) -> None:
    spool_path, _, readable = payload_page_damaged
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    run_cli("drain", "-q", env=env)
    run_cli("drain", "-q", env=env)
    assert set(zelto_receiver.calls) >= readable


def test_garbage_file_through_the_plugin_is_set_aside_and_the_call_delivered(
    spool_path: Path, zelto_receiver: Any, caplog: pytest.LogCaptureFixture
) -> None:
    from livekit.plugins import zelto

    used_spool(spool_path)  # a spool first: damage, not a file named by mistake
    spool_path.write_bytes(b"not a database, just garbage " * 300)
    fw = zelto.Forwarder(
        agent_id="support-bot",
        spool_path=spool_path,
        base_url=zelto_receiver.base_url,
        api_key=API_KEY,
    )
    with caplog.at_level(logging.INFO):
        asyncio.run(run_session(fw))
    assert zelto_receiver.calls["fake-room"]["transcript"]["turns"] == EXPECTED_TURNS
    (moved,) = fw.spool.store.db.recovered_to
    assert Path(moved).read_bytes().startswith(b"not a database")
    loud = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(getattr(r, "moved_to", None) == moved for r in loud)
    assert "call spooled" in caplog.text  # into the fresh file, before it was sent
    assert Spool(spool_path).stats()["delivered"] == 1


def test_cli_enqueue_into_a_corrupt_spool_says_where_it_went(spool_path: Path) -> None:
    used_spool(spool_path)  # a spool first: damage, not a file named by mistake
    spool_path.write_bytes(b"garbage" * 1000)
    result = run_cli("enqueue", "-", env=cli_env(spool_path), input=json.dumps(payload("x")))
    assert result.returncode == 0
    (moved,) = Spool(spool_path).upkeep.corrupt_files()
    assert moved in result.stderr


def _damage_call_id_index(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        (page,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_calls_1'"
        ).fetchone()
    finally:
        conn.close()
    _damage(path, [page])


def _clobber_header(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.write(b"\xde\xad" * 50)  # the first page's header: "file is not a database"


def test_a_long_lived_connection_follows_the_spool_after_another_process_sets_it_aside(
    spool_path: Path,
) -> None:
    holder = Spool(spool_path)  # a reused job process or the sidecar: its connection stays open
    holder.enqueue(payload("before"))
    holder.store.db.run(lambda c: c.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall())
    _clobber_header(spool_path)
    other = run_cli("enqueue", "-", env=cli_env(spool_path), input=json.dumps(payload("fresh")))
    assert other.returncode == 0 and len(Spool(spool_path).upkeep.corrupt_files()) == 1
    holder.enqueue(payload("late"))  # must land in the spool everyone else now uses
    holder.close()
    assert {r["call_id"] for r in Spool(spool_path).upkeep.rows()} >= {"fresh", "late"}


def test_running_sidecar_delivers_from_the_fresh_spool_after_a_set_aside(
    spool_path: Path, zelto_receiver: Any
) -> None:
    from tests.test_sidecar import start_sidecar, stop

    Spool(spool_path).enqueue(payload("warm-up"))
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    proc = start_sidecar(env)
    try:
        assert zelto_receiver.wait_for(lambda r: "warm-up" in r.calls, 10)
        wait_until(lambda: Spool(spool_path).stats()["delivered"] == 1)
        _damage_call_id_index(spool_path)  # only enqueues read it; the sidecar never does
        added = run_cli("enqueue", "-", env=env, input=json.dumps(payload("after-set-aside")))
        assert added.returncode == 0 and Spool(spool_path).upkeep.corrupt_files()
        delivered = zelto_receiver.wait_for(lambda r: "after-set-aside" in r.calls, 6)
    finally:
        stop(proc)
    assert delivered


# --- security: SQL, injection, output of what Zelto says ------------------------------------

_SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|PRAGMA|WHERE|VALUES|CREATE|DROP)\b", re.I)


def _constants(tree: ast.Module) -> set[str]:
    """Module-level names bound to constants: numbers, or SQL text made of constants only."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and _constant_text(node.value, names):
                names.add(target.id)
    return names


def _constant_text(node: ast.expr, constants: set[str]) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (str, int, float)) and not isinstance(node.value, bool)
    if isinstance(node, ast.Name):
        return node.id in constants
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mult, ast.FloorDiv)):
        return _constant_text(node.left, constants) and _constant_text(node.right, constants)
    if isinstance(node, ast.JoinedStr):
        return all(
            isinstance(v, ast.Constant)
            or (isinstance(v, ast.FormattedValue) and _constant_text(v.value, constants))
            for v in node.values
        )
    return False


def _placeholders_only(node: ast.FormattedValue) -> bool:
    """`{', '.join('?' for _ in ids)}` or `{int(n)}`: no value can reach the SQL text."""
    value = node.value
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
        return value.func.id == "int"
    if (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and value.func.attr == "join"
        and len(value.args) == 1
        and isinstance(value.args[0], ast.GeneratorExp)
    ):
        element = value.args[0].elt
        return isinstance(element, ast.Constant) and element.value == "?"
    return False


def _sql_built_from_values(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    constants = _constants(tree)
    found = []
    for node in ast.walk(tree):
        where = f"{path.name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
            dynamic = [v for v in node.values if isinstance(v, ast.FormattedValue)]
            if _SQL.search(text) and not all(
                _constant_text(v.value, constants) or _placeholders_only(v) for v in dynamic
            ):
                found.append(f"{where}: f-string SQL with a value")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
            parts = [node.left, node.right]
            if any(isinstance(p, ast.Constant) and _SQL.search(str(p.value)) for p in parts):
                if not all(_constant_text(p, constants) for p in parts):
                    found.append(f"{where}: SQL joined with a value")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"
            and isinstance(node.func.value, ast.Constant)
            and _SQL.search(str(node.func.value.value))
        ):
            found.append(f"{where}: str.format SQL")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("execute", "executemany", "executescript")
            and node.args
            and not _constant_text(node.args[0], constants)
            and not isinstance(node.args[0], (ast.Attribute, ast.Name, ast.JoinedStr))
        ):
            found.append(f"{where}: execute() of a computed statement")
    return found


def test_sql_is_never_built_from_values() -> None:
    """Statements are constants (or constant fragments) with bound parameters; the only
    interpolations are `int(...)` in a PRAGMA and `?` placeholder lists."""
    problems = [p for path in sorted(SOURCE.rglob("*.py")) for p in _sql_built_from_values(path)]
    assert problems == []


def test_the_sql_check_catches_value_interpolation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "Q = 'SELECT 1'\n"
        "def f(conn, call_id, n):\n"
        "    conn.execute(f\"SELECT * FROM calls WHERE call_id = '{call_id}'\")\n"
        "    conn.execute('DELETE FROM calls WHERE id = %s' % n)\n"
        "    conn.execute('UPDATE calls SET x = {}'.format(n))\n"
        "    conn.execute(Q)\n"
        "    conn.execute(f'PRAGMA user_version = {int(n)}')\n"
    )
    flagged = {int(p.split(":")[1]) for p in _sql_built_from_values(bad)}
    assert flagged == {3, 4, 5}


INJECTIONS = [
    "x'); DROP TABLE calls; --",
    '" OR 1=1 --',
    "room-%s-%d",
    "room-?",
    "room-:now",
    "robert'); DELETE FROM payloads; --",
]


def test_hostile_call_ids_are_stored_and_found_verbatim(
    spool_path: Path, zelto_receiver: Any
) -> None:
    spool = Spool(spool_path)
    for call_id in INJECTIONS:
        spool.enqueue(payload(call_id))
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    assert run_cli("drain", "-q", env=env).returncode == 0
    assert set(zelto_receiver.calls) == set(INJECTIONS)
    for call_id in INJECTIONS:
        shown = run_cli("show", call_id, "--json", env=env)
        assert shown.returncode == 0 and json.loads(shown.stdout)["call_id"] == call_id
    replayed = run_cli("replay", *INJECTIONS, env=env)
    assert replayed.returncode == 0 and f"queued {len(INJECTIONS)}" in replayed.stdout
    assert {r["call_id"] for r in spool.upkeep.rows(call_ids=INJECTIONS)} == set(INJECTIONS)
    assert spool.stats()["pending"] == len(INJECTIONS)  # the tables are all still there


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_control_characters_from_zelto_never_reach_the_terminal(
    spool_path: Path, zelto_receiver: Any
) -> None:
    Spool(spool_path).enqueue(payload("room-1"))
    zelto_receiver.reject("room-1", 422, "bad \x1b]0;owned\x07 \x1b[2J cleared \x9b31m red")
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    outputs = [run_cli("drain", "-v", env=env).stderr]
    for args in (["list"], ["status"], ["show", "room-1"]):
        outputs.append(run_cli(*args, env=env).stdout)
    assert "owned" in "".join(outputs)  # the reason is shown...
    assert [o for o in outputs if _CONTROL.search(o)] == []  # ...but escaped


def test_a_redirect_is_never_followed_with_the_key(spool_path: Path) -> None:
    """A 3xx could send the bearer key to another origin: it pauses the spool instead."""
    from aiohttp import web

    with Receiver() as elsewhere:
        redirect = web.Application()
        target = elsewhere.url

        async def moved(_request: web.Request) -> web.Response:
            raise web.HTTPTemporaryRedirect(target)

        redirect.router.add_post("/webhooks/calls", moved)
        with _serve(redirect) as base_url:
            Spool(spool_path).enqueue(payload("room-1"))
            result = run_cli("drain", env=cli_env(spool_path, base_url, API_KEY))
        assert result.returncode == 1 and "redirect" in result.stdout
        assert elsewhere.posts == []  # the key never went to the redirect's target
    assert Spool(spool_path).stats()["pending"] == 1


@contextlib.contextmanager
def _serve(app: Any) -> Iterator[str]:
    """Serve an aiohttp app on a loopback port from a thread; yields its base URL."""
    from aiohttp import web

    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    port = runner.addresses[0][1]
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.run_until_complete(runner.cleanup())
        loop.close()


def test_a_recording_waiting_in_a_set_aside_spool_is_salvaged_and_its_file_kept(
    index_damaged: tuple[Path, list[str], bytes], tmp_path: Path
) -> None:
    """Without its row, the fresh spool's leftover sweep would delete the recording's file."""
    spool_path, ids, _ = index_damaged
    audio = tmp_path / "audio.ogg"
    audio.write_bytes(b"OggS" + bytes(range(256)) * 40)
    with sqlite3.connect(spool_path) as conn:  # a row the damaged file holds (its table intact)
        conn.execute(
            "INSERT INTO recordings (call_id, file, sha256, size, state, attempts,"
            " next_attempt_at, created_at, updated_at) VALUES"
            " (:call, 'waiting.ogg', 'x', 4, 'pending', 7, 9e9, 0, 0)",
            {"call": ids[0]},
        )
    conn.close()
    (spool_path.parent / "recordings").mkdir(mode=0o700, exist_ok=True)
    kept = spool_path.parent / "recordings" / "waiting.ogg"
    kept.write_bytes(audio.read_bytes())
    os.chmod(kept, 0o600)
    later = time.time() + 10 * 3600
    with Spool(spool_path, clock=lambda: later) as spool:
        spool.enqueue(payload("new-call"))  # recovers
        assert spool.store.db.recovered_to
        row = spool.recordings.show(ids[0])
        assert row is not None and row["state"] == "pending" and row["attempts"] == 0
        assert spool.recordings.sweep() == 0
    assert kept.exists()
