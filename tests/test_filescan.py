"""The job's mid-call search of its spool's files must not cost the job its SQLite locks.

Reading a file and closing it drops every POSIX lock the reading process holds on it. A job
that searched its own spool's files in-process lost its lock on the `-shm`'s "in use" byte:
a process opening the spool next found the byte free, truncated the `-shm` as SQLite's first
opener does, and the job, which has it mapped, died of SIGBUS (test_redact_worker's flake: one
call reaped as `agent_process_lost`, its final never written). Here the other process's step is
taken by hand at a fixed point, so the outcome does not depend on timing.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from zelto_spool import Spool

# the byte of the -shm every connection holds a shared lock on: a process that can lock it
# exclusively is the first to open the spool and truncates the -shm (SQLite's os_unix.c,
# UNIX_SHM_DMS)
SHM_IN_USE_BYTE = 128

# a job holding the spool open: writes, searches the files beside it, waits for the test,
# writes again
JOB = """
import asyncio, sys
from pathlib import Path
from tests.conftest import payload
from tests.filescan import search, search_in_child
from zelto_spool import Spool
path, how = Path(sys.argv[1]), sys.argv[2]
spool = Spool(path)
spool.enqueue(payload("job-call", turns=2))
if how == "child":
    asyncio.run(search_in_child(path.parent, ["no such secret"]))
else:
    search(path.parent, ["no such secret"])
print("searched", flush=True)
sys.stdin.readline()
spool.enqueue(payload("job-call", turns=4))
spool.close()
"""


def run_job_and_open_spool_beside_it(spool_path: Path, how: str) -> tuple[bool, int]:
    """Whether a second process found the `-shm` free to reset (and, as SQLite would, reset
    it), and the job's exit code once it wrote again."""
    with subprocess.Popen(
        [sys.executable, "-c", JOB, str(spool_path), how],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parent.parent,
    ) as job:
        assert job.stdout is not None and job.stdin is not None
        try:
            assert job.stdout.readline() == "searched\n"
            reset = reset_shm_if_free(spool_path)
            job.stdin.write("go\n")
            job.stdin.close()
            return reset, job.wait(timeout=60)
        finally:
            if job.poll() is None:
                job.kill()


def reset_shm_if_free(spool_path: Path) -> bool:
    """A new opener's step: whether it could lock the `-shm`'s in-use byte exclusively (no
    process claims the `-shm`), and if so, its reset of the file."""
    fd = os.open(f"{spool_path}-shm", os.O_RDWR)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_IN_USE_BYTE)
    except OSError:
        return False  # a process holds it: a new opener joins and resets nothing
    else:
        os.ftruncate(fd, 3)  # what SQLite's first opener does to a -shm no one holds
        return True
    finally:
        os.close(fd)


@pytest.mark.skipif(not hasattr(fcntl, "lockf"), reason="POSIX locks")
def test_the_jobs_search_of_its_spool_files_keeps_its_sqlite_locks(spool_path: Path) -> None:
    reset, code = run_job_and_open_spool_beside_it(spool_path, "child")
    assert not reset
    assert code == 0
    with Spool(spool_path) as spool:
        assert spool.show("job-call")["version"] == 2  # both writes landed


@pytest.mark.skipif(not hasattr(signal, "SIGBUS"), reason="POSIX signals")
def test_control_an_in_process_search_loses_them_and_the_job_dies(spool_path: Path) -> None:
    """What the worker test's agent did before: the job loses its lock and, once another
    process resets the -shm, dies of SIGBUS at its next write, mid-call."""
    reset, code = run_job_and_open_spool_beside_it(spool_path, "in-process")
    assert reset
    assert code == -signal.SIGBUS
