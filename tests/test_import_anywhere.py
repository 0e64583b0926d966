"""The plugin and the pytest plugin import where `fcntl` does not exist (Windows), the spool
still works there, and the pytest plugin (loaded by every pytest session in a venv that has
the package) imports nothing heavy until a fixture is used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from zelto_spool.store import locks as _oslock

ROOT = Path(__file__).parent.parent

NO_FCNTL = """
import sys
sys.modules["fcntl"] = None  # `import fcntl` raises ImportError, as on Windows
"""


def run_python(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZELTO_")}
    env["ZELTO_SPOOL_PATH"] = str(tmp_path / "spool.db")
    env["PYTHONWARNINGS"] = "error"
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )


def test_plugin_and_pytest_plugin_import_without_fcntl(tmp_path: Path) -> None:
    result = run_python(
        NO_FCNTL
        + """
from livekit.plugins import zelto
import zelto_spool.testing.pytest_plugin
from zelto_spool.testing import Receiver, Spool
print("imported", zelto.__version__)
""",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "imported" in result.stdout


def test_the_spool_works_without_any_file_lock(tmp_path: Path) -> None:
    # no fcntl, and portalocker cannot lock either (on POSIX it uses fcntl itself): the spool
    # runs without its recovery lock, says so once, and keeps every call
    result = run_python(
        NO_FCNTL
        + """
import logging, json
logging.basicConfig(level=logging.WARNING, format="%(name)s %(message)s")
from zelto_spool import Spool
with Spool() as spool:
    for i in range(3):
        spool.enqueue({"agent": {"externalId": "bot"}, "call": {"externalId": f"room-{i}"}})
    print(json.dumps(spool.stats()))
""",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["pending"] == 3
    assert result.stderr.count("no file locking on this platform") == 1


@pytest.mark.parametrize("mode", ["shared", "exclusive"])
def test_portalocker_backend_takes_the_same_locks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: _oslock.Mode
) -> None:
    """The backend used where fcntl is missing, run for real here (portalocker's POSIX
    locker): a held lock blocks a conflicting flock from another open file, and unlocks."""
    import fcntl

    monkeypatch.setattr(_oslock, "_fcntl", None)
    lock_file = tmp_path / "lock"
    mine = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
    other = os.open(lock_file, os.O_RDWR)
    try:
        _oslock.lock(mine, mode)
        with pytest.raises(BlockingIOError):
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if mode == "shared":
            fcntl.flock(other, fcntl.LOCK_SH | fcntl.LOCK_NB)  # readers share it
            fcntl.flock(other, fcntl.LOCK_UN)
        _oslock.unlock(mine)
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.close(mine)
        os.close(other)


def test_pytest_plugin_imports_nothing_heavy(tmp_path: Path) -> None:
    result = run_python(
        """
import json, sys
import pytest
before = set(sys.modules)
import zelto_spool.testing.pytest_plugin
print(json.dumps(sorted(set(sys.modules) - before)))
""",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        "zelto_spool",
        "zelto_spool._version",
        "zelto_spool.testing",  # TEST_API_KEY; its other names load on first use
        "zelto_spool.testing.pytest_plugin",
    ]


def test_package_names_still_import_on_use(tmp_path: Path) -> None:
    result = run_python(
        """
import sys
import zelto_spool
assert "zelto_spool.delivery.flusher" not in sys.modules
from zelto_spool import Outbox, Spool, __all__
assert "zelto_spool.delivery.flusher" in sys.modules
assert all(getattr(zelto_spool, name) is not None for name in __all__)
assert set(__all__) <= set(dir(zelto_spool))
try:
    zelto_spool.Nope
except AttributeError as exc:
    print(exc)
""",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "has no attribute 'Nope'" in result.stdout
