"""`import livekit.plugins.zelto` registers the plugin and does nothing else; the Forwarder
travels to job processes by reference."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest

from livekit.plugins import zelto

fw = zelto.Forwarder(agent_id="pickle-test")

PROBE = """
import os, sys, threading
import livekit.agents  # LiveKit's own import opens what it opens
fds = set(os.listdir("/proc/self/fd"))
threads = threading.active_count()
modules = set(sys.modules)
import livekit.plugins.zelto as zelto
from livekit.agents import Plugin
print(sorted(set(os.listdir("/proc/self/fd")) - fds))
print(threading.active_count() - threads)
print([p.package for p in Plugin.registered_plugins])
print("sqlite3" in set(sys.modules) - modules, "aiohttp" in set(sys.modules) - modules)
"""


def test_import_opens_no_file_thread_or_socket() -> None:
    out = subprocess.run(
        [sys.executable, "-W", "error", "-c", PROBE], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == "[]"  # no new file descriptor: no SQLite file, no socket
    assert out[1] == "0"  # no new thread
    assert out[2] == "['livekit.plugins.zelto']"


def test_public_surface_is_pinned() -> None:
    assert zelto.__all__ == [
        "Forwarder",
        "Prices",
        "__version__",
        "enrich",
        "job_id",
        "redact_pii",
        "room_name",
        "room_sid",
    ]


def test_forwarder_pickles_by_reference() -> None:
    hook = pickle.loads(pickle.dumps(fw.on_session_end))
    assert hook.__self__ is fw


def test_a_local_forwarder_cannot_be_sent_to_job_processes() -> None:
    local = zelto.Forwarder(agent_id="local")
    with pytest.raises(TypeError, match="module-level global"):
        pickle.dumps(local.on_session_end)
