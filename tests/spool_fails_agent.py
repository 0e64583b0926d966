"""A worker whose spool stops taking writes at the end of each call (disk full, a writer holding
the lock past the busy timeout, the `-wal` deletion window), in real job processes.

Run by tests/test_unspooled_final.py in a subprocess: `python tests/spool_fails_agent.py ROOM...`.
Each job attaches live snapshots and has `on_session_end`. After its first exchange is in the
snapshot, the spool refuses every write of this job process at the store seam (the SQLite error
a full disk gives, raised inside the write transaction, so it rolls back as a real one would):
the snapshot keeps 2 of the call's 6 turns and the final payload cannot be spooled. The
refusal lasts `ZELTO_TEST_REFUSED_WRITES` final-version writes (default 1), or, with `all`,
until the job process ends. `ZELTO_TEST_HOOK=attach` leaves out `on_session_end`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import sys
from typing import Any

from livekit.agents import Agent, AgentServer, AgentSession, JobContext, function_tool

from livekit.plugins import zelto
from livekit.plugins.zelto.testing import ScriptedLLM, ToolCall, simulated_worker
from zelto_spool import SpoolWriteError
from zelto_spool.store import calls as _store
from zelto_spool.store import live as _live

REFUSED = os.environ.get("ZELTO_TEST_REFUSED_WRITES", "1")
SCRIPT = [
    "Hi, this is Support. How can I help?",
    ToolCall("lookup_order", {"order_id": "A-1001"}),
    "Your order A-1001 ships tomorrow.",
]

fw = zelto.Forwarder(agent_id="fail-bot")
server = AgentServer(port=0, num_idle_processes=0, load_fnc=lambda: 0.0)


class SupportAgent(Agent):
    def __init__(self) -> None:
        super().__init__(instructions="You are a support agent.")

    @function_tool
    async def lookup_order(self, order_id: str) -> str:
        """Look up an order.

        Args:
            order_id: the order number
        """
        return f"order {order_id} ships tomorrow"


class _Refusals:
    """The store seam's failure: from `begin()` every write of the call (snapshot turns, the
    final kept at close, the final version) is refused until `REFUSED` final versions were
    (never, with `all`)."""

    def __init__(self) -> None:
        self.on = False
        self.finals = -1 if REFUSED == "all" else int(REFUSED)

    def begin(self) -> None:
        self.on = True
        store_version = _store.Store.store_version
        append = _live.LiveCalls.append
        close = _live.LiveCalls.close

        def refused_store(store: Any, conn: sqlite3.Connection, *args: Any) -> Any:
            if self.finals != 0:
                self.finals -= 1 if self.finals > 0 else 0
                raise sqlite3.OperationalError("database or disk is full")
            return store_version(store, conn, *args)

        def refused_append(live: Any, *args: Any, **kwargs: Any) -> bool:
            if self.finals != 0:  # what the spool's connector raises for the error above
                raise SpoolWriteError("database or disk is full")
            return append(live, *args, **kwargs)

        def refused_close(live: Any, *args: Any, **kwargs: Any) -> None:
            if self.finals != 0:
                raise SpoolWriteError("database or disk is full")
            close(live, *args, **kwargs)

        _store.Store.store_version = refused_store  # type: ignore[method-assign]
        _live.LiveCalls.close = refused_close  # type: ignore[method-assign]
        _live.LiveCalls.append = refused_append  # type: ignore[method-assign]


async def _snapshot_holds(ctx: JobContext, turns: int) -> None:
    deadline = asyncio.get_running_loop().time() + 20
    while asyncio.get_running_loop().time() < deadline:
        live = [r for r in fw.spool.live.rows() if r["job_id"] == ctx.job.id]
        if live and live[0]["turns"] >= turns:
            return
        await asyncio.sleep(0.01)  # polling with a deadline: the snapshot is written off-loop
    raise RuntimeError(f"the live snapshot never held {turns} turns")


async def entrypoint(ctx: JobContext) -> None:
    session: AgentSession[Any] = AgentSession(
        llm=ScriptedLLM(SCRIPT), vad=None, turn_handling={"turn_detection": "manual"}
    )
    fw.attach(ctx, session)
    await session.start(SupportAgent())
    await session.run(user_input="Hello?")
    await _snapshot_holds(ctx, 2)
    _Refusals().begin()
    await session.run(user_input="Where is my order A-1001?")
    ctx.shutdown("call finished")


# `both` (default): attach and on_session_end; `attach`: the shutdown callback alone
ATTACH_ONLY = os.environ.get("ZELTO_TEST_HOOK") == "attach"
server.rtc_session(entrypoint, on_session_end=None if ATTACH_ONLY else fw.on_session_end)


async def run(rooms: list[str]) -> None:
    async with simulated_worker(server) as worker:
        await worker.run_jobs(rooms)


if __name__ == "__main__":
    logging.getLogger("livekit.agents").setLevel(logging.ERROR)
    asyncio.run(run(sys.argv[1:] or ["refused-room"]))
