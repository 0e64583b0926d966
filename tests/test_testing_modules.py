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


UNGUARDED_SCRIPT = """
import asyncio
from livekit.agents import Agent, AgentServer, AgentSession, JobContext
from livekit.plugins.zelto.testing import ScriptedLLM, run_simulated_jobs

server = AgentServer(port=0, num_idle_processes=0, load_fnc=lambda: 0.0)


@server.rtc_session()
async def call(ctx: JobContext) -> None:
    manual = {"turn_detection": "manual"}
    session = AgentSession(llm=ScriptedLLM(["Hi"]), vad=None, turn_handling=manual)
    await session.start(agent=Agent(instructions="x"))
    ctx.shutdown("done")


asyncio.run(run_simulated_jobs(server, ["room-1"]))   # no `if __name__ == "__main__":`
"""


def test_a_script_running_jobs_at_its_top_level_is_told_to_guard_it(tmp_path: Path) -> None:
    """An adopter's plain script without the `__main__` guard got only LiveKit's "no process
    became available" (the forkserver imports the script again and starts a worker of its
    own); the error now names the guard."""
    script = tmp_path / "plain_script.py"
    script.write_text(UNGUARDED_SCRIPT)
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False,
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("RuntimeError: no process became available"), last
    assert 'put the call under `if __name__ == "__main__":`' in last
