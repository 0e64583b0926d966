"""aiohttp serves only the local test receiver, so the lean `zelto-spool` (a sidecar image)
does not install it: it is the `zelto-spool[testing]` extra. Without it the pytest plugin
still loads in every session, and the receiver says which extra it needs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from packaging.requirements import Requirement

from tests.test_packaging import PLUGIN, SPOOL

ROOT = Path(__file__).parent.parent
NO_AIOHTTP = 'import sys\nsys.modules["aiohttp"] = None  # `import aiohttp` raises ImportError\n'
EXTRA = "zelto-spool[testing]"


def test_aiohttp_is_the_testing_extra_not_a_dependency() -> None:
    project = SPOOL["project"]
    assert "aiohttp" not in {Requirement(r).name for r in project["dependencies"]}
    assert {Requirement(r).name for r in project["optional-dependencies"]["testing"]} == {"aiohttp"}
    # the repo's own test extra pulls it
    assert any(
        Requirement(r).name == "zelto-spool" and "testing" in Requirement(r).extras
        for r in PLUGIN["project"]["optional-dependencies"]["test"]
    )


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZELTO_", "PYTEST_"))}
    env["ZELTO_SPOOL_PATH"] = str(tmp_path / "spool.db")
    env["PYTHONWARNINGS"] = "error"
    return subprocess.run(
        [sys.executable, "-c", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )


def test_without_aiohttp_the_receiver_names_the_extra(tmp_path: Path) -> None:
    code = (
        NO_AIOHTTP
        + """
import zelto_spool.testing.pytest_plugin  # pytest loads it in every session: no aiohttp there
from zelto_spool.testing import FAULT_MODES, TEST_API_KEY, Spool
try:
    from zelto_spool.testing import Receiver
except ImportError as exc:
    print("refused:", exc)
"""
    )
    result = _run([code], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "refused:" in result.stdout and EXTRA in result.stdout


def test_without_aiohttp_the_receiver_command_says_what_to_install(tmp_path: Path) -> None:
    code = NO_AIOHTTP + "from zelto_spool.cli.main import main\nmain()\n"
    result = _run([code, "receiver", "--port", "0"], tmp_path)
    assert result.returncode == 1
    assert EXTRA in result.stderr and "Traceback" not in result.stderr


def test_without_aiohttp_a_fixture_fails_with_the_extra_named(tmp_path: Path) -> None:
    (tmp_path / "test_uses_receiver.py").write_text(
        "def test_it(zelto_receiver):\n    pass\n\ndef test_other():\n    pass\n"
    )
    code = NO_AIOHTTP + (
        "import pytest\n"
        "sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider', '-W', 'error', "
        "'test_uses_receiver.py']))\n"
    )
    result = _run([code], tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr  # one test failed, not a crash
    assert "1 passed" in result.stdout and "1 error" in result.stdout, result.stdout
    assert EXTRA in result.stdout
