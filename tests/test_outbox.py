"""`zelto_spool.Outbox`, the plugin's one seam to the engine: one call in, one `Outcome` out, and
no SQLite on the caller's event loop (real spool files, the local receiver, real LiveKit
sessions for the plugin's side)."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from livekit.agents.testing import fake_job_context
from livekit.agents.voice import AgentSession

import zelto_spool
from livekit.plugins import zelto
from livekit.plugins.zelto.testing import ScriptedLLM
from tests.conftest import API_KEY, payload
from tests.sessions import INPUTS, SCRIPT, SupportAgent, cleanup
from zelto_spool import DeliveryConfig, Outbox, Spool, prepare


def outbox(spool_path: Path, receiver: Any, **options: Any) -> Outbox:
    config = DeliveryConfig(base_url=receiver.base_url, api_key=options.pop("api_key", API_KEY))
    return Outbox(Spool(spool_path), config, **options)


def test_submit_stores_sends_and_says_what_happened(spool_path: Path, zelto_receiver: Any) -> None:
    call_id, body = prepare(payload("ob-1"))
    outcome = asyncio.run(outbox(spool_path, zelto_receiver).submit(call_id, body, budget_s=5.0))
    assert (outcome.call_id, outcome.version, outcome.size) == ("ob-1", 1, len(body))
    assert outcome.sent == "delivered" and outcome.status == 200 and not outcome.direct
    assert outcome.spooled and outcome.delivered and not outcome.lost
    assert zelto_receiver.accepted[0][1] == body  # the bytes stored are the bytes sent
    assert Spool(spool_path).upkeep.rows()[0]["state"] == "delivered"


def test_without_a_key_the_call_waits_in_the_spool(spool_path: Path, zelto_receiver: Any) -> None:
    call_id, body = prepare(payload("ob-nokey"))
    box = outbox(spool_path, zelto_receiver, api_key=None)
    outcome = asyncio.run(box.submit(call_id, body, budget_s=5.0))
    assert outcome.spooled and outcome.sent is None and not outcome.lost
    assert zelto_receiver.posts == []
    assert Spool(spool_path).stats()["pending"] == 1


def test_a_refused_store_is_sent_directly(tmp_path: Path, zelto_receiver: Any) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the spool directory should be")
    call_id, body = prepare(payload("ob-direct"))
    box = outbox(blocker / "spool.db", zelto_receiver)
    outcome = asyncio.run(box.submit(call_id, body, budget_s=5.0))
    assert outcome.direct and outcome.delivered and not outcome.spooled and not outcome.lost
    assert zelto_receiver.calls["ob-direct"]["call"]["externalId"] == "ob-direct"


def test_nothing_sent_and_nothing_stored_is_lost(tmp_path: Path, zelto_receiver: Any) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    zelto_receiver.set_fault("down")
    call_id, body = prepare(payload("ob-lost"))
    outcome = asyncio.run(
        outbox(blocker / "spool.db", zelto_receiver).submit(call_id, body, budget_s=2.0)
    )
    assert outcome.lost and outcome.direct and outcome.sent == "retry"


def test_the_job_loop_runs_while_the_spool_waits_for_its_lock(
    spool_path: Path, zelto_receiver: Any, caplog: pytest.LogCaptureFixture
) -> None:
    # another process holds the spool's write lock when the call ends. The store waits for it
    # on the spool thread, so the job's loop goes on (here: the task that lets the lock go);
    # a store on the loop would block it until the busy timeout and send the call directly
    Spool(spool_path).open().close()
    holder = sqlite3.connect(spool_path, isolation_level=None, check_same_thread=False)
    fw = zelto.Forwarder(
        agent_id="support-bot",
        spool_path=spool_path,
        base_url=zelto_receiver.base_url,
        api_key=API_KEY,
    )
    released_during_the_hook: list[bool] = []

    async def main() -> None:
        with fake_job_context(job_id="job-lock") as ctx:
            session: AgentSession[Any] = AgentSession(
                llm=ScriptedLLM(SCRIPT), vad=None, turn_handling={"turn_detection": "manual"}
            )
            await session.start(SupportAgent())
            for text in INPUTS:
                await session.run(user_input=text)
            await session.aclose()
            holder.execute("BEGIN IMMEDIATE")
            hook = asyncio.create_task(fw.on_session_end(ctx))

            async def let_go() -> None:
                released_during_the_hook.append(not hook.done())
                holder.rollback()

            await asyncio.gather(hook, let_go())
            await cleanup(ctx)

    with caplog.at_level(logging.INFO):
        asyncio.run(main())
    holder.close()
    assert released_during_the_hook == [True]
    assert "could not spool the call" not in caplog.text
    (row,) = Spool(spool_path).upkeep.rows()
    assert row["state"] == "delivered" and row["version"] == 1


def test_sending_internals_of_0_1_0_still_import_with_a_warning() -> None:
    for name in ("Claim", "DrainReport", "Flusher", "SendOutcome"):
        with pytest.warns(DeprecationWarning, match=f"zelto_spool.{name} is internal"):
            assert getattr(zelto_spool, name).__name__ == name
        assert name not in zelto_spool.__all__
    for name in ("Leases", "Sender", "preload_sender", "route_logs_to", "guard_settings"):
        assert not hasattr(zelto_spool, name)
