"""Searching the files beside a spool for bytes, from a child process.

A process must never open and close a file that SQLite has open in it: closing any descriptor
of a file drops every POSIX lock the process holds on that file (fcntl semantics; sqlite.org's
"How To Corrupt An SQLite Database File", 2.2), SQLite's among them. A job process that read
its own spool's files mid-call lost its lock on the `-shm` (the byte that says "in use"); the
next process to open the spool then took itself for the first, truncated the `-shm` the job had
mapped, and the job died of SIGBUS at its next spool access: its call was reaped as
`agent_process_lost` and its final never written. A child process holds no lock on them.

`python tests/filescan.py FOLDER SECRET...` prints the hits as JSON.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

__all__ = ["search", "search_in_child"]


def search(folder: Path, secrets: list[str]) -> list[dict[str, str]]:
    """Which of `secrets` each file in `folder` holds, read in THIS process: only for a
    process without a SQLite connection to them (the child, or a test after its job ended)."""
    found = []
    for file in sorted(p for p in folder.iterdir() if p.is_file()):
        data = file.read_bytes()
        found += [{"secret": s, "file": file.name} for s in secrets if s.encode() in data]
    return found


async def search_in_child(folder: Path, secrets: list[str]) -> list[dict[str, str]]:
    """`search` in a child process: safe in a process that has the spool open."""
    child = await asyncio.create_subprocess_exec(
        sys.executable, __file__, str(folder), *secrets, stdout=asyncio.subprocess.PIPE
    )
    out, _ = await child.communicate()
    if child.returncode != 0:
        raise RuntimeError(f"the file search failed (exit code {child.returncode})")
    found: list[dict[str, str]] = json.loads(out)
    return found


if __name__ == "__main__":
    print(json.dumps(search(Path(sys.argv[1]), sys.argv[2:])))
