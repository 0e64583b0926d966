"""The test tooling is reachable from one public module per package, and documented once."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import zelto_spool.testing as spool_testing
from livekit.plugins.zelto import testing as plugin_testing
from zelto_spool import Spool
from zelto_spool.contract import FAULT_MODES, Fault
from zelto_spool.testing import pytest_plugin
from zelto_spool.testing.receiver import Post, Receiver

README = Path(__file__).resolve().parents[1] / "README.md"

SPOOL_TESTING = {
    "FAULT_MODES": FAULT_MODES,
    "TEST_API_KEY": pytest_plugin.TEST_API_KEY,
    "Fault": Fault,
    "Post": Post,
    "Receiver": Receiver,
    "Spool": Spool,
    "zelto_env": pytest_plugin.zelto_env,  # the fixtures the pytest11 entry point registers
    "zelto_receiver": pytest_plugin.zelto_receiver,
}
JOB_HELPERS = {
    "JobFailed",
    "ScriptedLLM",
    "ScriptedSTT",
    "ScriptedTTS",
    "SimulatedWorker",
    "Step",
    "ToolCall",
    "run_simulated_jobs",
    "silence",
    "simulated_worker",
}


def test_zelto_spool_testing_exports_the_receiver_side() -> None:
    assert set(spool_testing.__all__) == set(SPOOL_TESTING)
    for name, value in SPOOL_TESTING.items():
        assert getattr(spool_testing, name) is value, name


def test_the_plugins_testing_module_has_everything() -> None:
    assert set(plugin_testing.__all__) == set(SPOOL_TESTING) | JOB_HELPERS
    for name, value in SPOOL_TESTING.items():
        assert getattr(plugin_testing, name) is value, name
    for name in JOB_HELPERS:
        assert getattr(plugin_testing, name) is not None


def test_every_testing_name_is_documented_in_test_your_agent() -> None:
    text = README.read_text()
    section = text[text.index("## Test your agent") :]
    section = section[: section.index("\n## ", 1)]
    missing = [
        name
        for name in plugin_testing.__all__
        if not re.search(rf"`{re.escape(name)}[`(]", section)
    ]
    assert missing == []
    assert "zelto_spool.testing" in section and "livekit.plugins.zelto.testing" in section


def test_the_plugins_testing_module_imports_without_pytest() -> None:
    """`ScriptedLLM` and the simulated worker are useful outside tests: no pytest needed."""
    code = (
        "import sys; sys.modules['pytest'] = None\n"  # `import pytest` now raises ImportError
        "from livekit.plugins.zelto.testing import ScriptedLLM, Receiver, simulated_worker\n"
        "import livekit.plugins.zelto.testing as t\n"
        "try:\n"
        "    t.zelto_env\n"
        "except ImportError:\n"
        "    print('fixtures need pytest')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "fixtures need pytest"
