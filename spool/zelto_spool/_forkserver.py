"""Test support: job processes that see the environment of the test that starts them.

On Linux LiveKit starts job processes from multiprocessing's forkserver, which is launched once
per Python process and keeps the environment it was launched with: after a test changes
`ZELTO_*` (the `zelto_env` fixture does), job processes forked from the old forkserver still
see the first test's spool and receiver. Stopping it is enough: the next job process launches
a fresh forkserver from the current `os.environ` (it imports the preloaded modules again; see
the README's "Test your agent" for the cost). Processes already running are not affected.

Only for tests: a production worker's environment does not change under it.
"""

from __future__ import annotations

import sys

__all__ = ["note_forkserver_env", "stop_forkserver", "stop_stale_forkserver"]

# the environment each forkserver (by pid) was seen running with; see forkserver_env_is_current
_seen_env: dict[int, dict[str, str]] = {}


def _running_pid() -> int | None:
    module = sys.modules.get("multiprocessing.forkserver")
    if module is None:  # never imported: no forkserver can be running
        return None
    pid = getattr(module._forkserver, "_forkserver_pid", None)
    return pid if isinstance(pid, int) else None


def stop_forkserver() -> bool:
    """Stop this process's multiprocessing forkserver if one runs; True if one was stopped."""
    pid = _running_pid()
    if pid is None:
        return False
    import multiprocessing.forkserver

    multiprocessing.forkserver._forkserver._stop()  # type: ignore[attr-defined]
    _seen_env.pop(pid, None)
    return True


def stop_stale_forkserver(env: dict[str, str]) -> bool:
    """Stop the running forkserver unless it was recorded (`note_forkserver_env`) with `env`.

    A forkserver nobody recorded has an unknown environment: it is stopped too.
    """
    pid = _running_pid()
    if pid is None or _seen_env.get(pid) == env:
        return False
    return stop_forkserver()


def note_forkserver_env(env: dict[str, str]) -> None:
    """Record `env` as the environment the running forkserver was launched with."""
    pid = _running_pid()
    if pid is not None:
        _seen_env[pid] = env
