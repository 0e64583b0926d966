"""Who owns a lease, and whether that owner is still alive.

A lease records the owner's *host identity* (hostname, boot id and PID namespace), pid and
process start time. A process can judge another owner's liveness only when the host identity
matches its own: then a missing pid, or a pid reused by a younger process, means the owner is
gone and the lease is reclaimed at once. Owners in another PID namespace (the worker and the
sidecar in separate containers of one pod), on another boot or another host are judged by the
lease's expiry alone.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from functools import cache

__all__ = ["Owner", "answering", "current_owner", "is_alive"]


@dataclass(frozen=True)
class Owner:
    host: str
    pid: int
    start: int  # process start time in clock ticks since boot (0 where unknown)


@cache
def host_identity() -> str:
    parts = [socket.gethostname()]
    try:
        with open("/proc/sys/kernel/random/boot_id") as fh:
            parts.append(fh.read().strip())
    except OSError:
        pass
    try:
        parts.append(os.readlink("/proc/self/ns/pid"))
    except OSError:
        pass
    return "|".join(parts)


_HAVE_PROC = os.path.exists("/proc/self/stat")
_owner_cache: dict[int, Owner] = {}


def current_owner() -> Owner:
    pid = os.getpid()
    owner = _owner_cache.get(pid)
    if owner is None:
        owner = Owner(host_identity(), pid, process_start(pid) or 0)
        _owner_cache.clear()
        _owner_cache[pid] = owner
    return owner


def _stat_fields(pid: int) -> list[bytes] | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
    except OSError:
        return None
    # the command name may contain spaces and parentheses: split after the last ")"
    return stat[stat.rfind(b")") + 2 :].split()


def process_start(pid: int) -> int | None:
    """Start time of `pid` in clock ticks since boot, or None when there is no such process."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
    except FileNotFoundError:
        return None if _HAVE_PROC else _kill_probe(pid)
    except OSError:
        return _kill_probe(pid)
    # the command name may contain spaces and parentheses: split after the last ")"
    fields = stat[stat.rfind(b")") + 2 :].split()
    try:
        state = fields[0]
        if state in (b"Z", b"X"):  # zombie or dead: it will never send again
            return None
        return int(fields[19])
    except (IndexError, ValueError):
        return 0


def _kill_probe(pid: int) -> int | None:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return 0
    return 0


def is_alive(host: str, pid: int, start: int) -> bool | None:
    """True/False when this process can tell, None when the owner is on another host identity."""
    if host != host_identity():
        return None
    now_start = process_start(pid)
    if now_start is None:
        return False
    if start and now_start and now_start != start:
        return False  # the pid was reused by a younger process
    return True


def answering(host: str, pid: int, start: int) -> bool:
    """Whether a lease owner is on this host identity, alive and running: such an owner ends
    its own lease by its monotonic clock, so no other process expires it by the wall clock
    (which a step in either direction would make wrong). A stopped process (SIGSTOP, a
    debugger: state T or t) cannot answer, so its lease ends by the clock as elsewhere."""
    if is_alive(host, pid, start) is not True:
        return False
    fields = _stat_fields(pid)
    if fields is None:
        return _HAVE_PROC is False  # no /proc (macOS): alive is all that can be told
    return bool(fields) and fields[0] not in (b"T", b"t")
