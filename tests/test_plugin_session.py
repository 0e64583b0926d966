"""The plugin on real livekit-agents sessions (text mode, scripted LLM), a real spool file and
the real local receiver: what is spooled, what is sent, and what happens when things fail."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path
from typing import Any

import pytest

from livekit.plugins import zelto
from tests.conftest import API_KEY, payload
from tests.sessions import EXPECTED_TURNS, cleanup, run_session
from zelto_spool import ConfigError, Spool
from zelto_spool.payload import decode


def forwarder(receiver: Any, spool_path: Path, **options: Any) -> zelto.Forwarder:
    options.setdefault("agent_id", "support-bot")
    options.setdefault("agent_name", "Support Bot")
    return zelto.Forwarder(
        spool_path=spool_path, base_url=receiver.base_url, api_key=API_KEY, **options
    )


def spool_bytes(spool_path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in spool_path.parent.iterdir() if p.is_file())


def test_session_end_sends_the_exact_transcript(spool_path: Path, zelto_receiver: Any) -> None:
    fw = forwarder(zelto_receiver, spool_path)
    ctx = asyncio.run(run_session(fw))
    call_id = ctx.job.room.name
    assert call_id == "fake-room"
    sent = zelto_receiver.calls[call_id]
    assert sent["transcript"]["turns"] == EXPECTED_TURNS
    assert {t["role"] for t in sent["transcript"]["turns"]} <= {
        "user",
        "assistant",
        "system",
        "tool",
    }
    assert sent["agent"] == {"externalId": "support-bot", "name": "Support Bot"}
    assert sent["call"]["externalId"] == "fake-room"
    assert sent["call"]["endedReason"] == "user_initiated"
    assert 0 < sent["call"]["durationSeconds"] < 60
    assert "customer" not in sent  # no SIP participant in this room
    (row,) = Spool(spool_path).upkeep.rows()
    assert row["state"] == "delivered"  # deliver_now, no sidecar, no drain
    assert decode(zelto_receiver.accepted[0][1]) == Spool(spool_path).latest_payload(call_id)


def test_tools_can_be_left_out(spool_path: Path, zelto_receiver: Any) -> None:
    asyncio.run(run_session(forwarder(zelto_receiver, spool_path, include_tools=False)))
    roles = [t["role"] for t in zelto_receiver.calls["fake-room"]["transcript"]["turns"]]
    assert roles == ["user", "assistant", "user", "assistant"]


def test_call_id_customer_and_add_fields_options(spool_path: Path, zelto_receiver: Any) -> None:
    def add_tier(p: dict[str, Any], ctx: Any) -> None:
        p["call"]["cost"] = 0.42
        p["metadata"] = {"job": ctx.job.id}

    fw = forwarder(
        zelto_receiver,
        spool_path,
        call_id=zelto.job_id,
        customer=lambda ctx: {"number": "+15550100", "name": "Ada"},
        add_fields=add_tier,
    )
    asyncio.run(run_session(fw, job_id="AJ_unique_1"))
    sent = zelto_receiver.calls["AJ_unique_1"]
    assert sent["customer"] == {"number": "+15550100", "name": "Ada"}
    assert sent["call"]["cost"] == 0.42 and sent["metadata"] == {"job": "AJ_unique_1"}


def test_room_sid_call_id(spool_path: Path, zelto_receiver: Any) -> None:
    ctx = asyncio.run(run_session(forwarder(zelto_receiver, spool_path, call_id=zelto.room_sid)))
    assert ctx.job.room.sid.startswith("RM_")
    assert set(zelto_receiver.calls) == {ctx.job.room.sid}


def test_redact_runs_before_anything_touches_disk(spool_path: Path, zelto_receiver: Any) -> None:
    card = "4111-1111-1111-1111"

    def redact(p: dict[str, Any]) -> dict[str, Any]:
        for turn in p["transcript"]["turns"]:
            turn["content"] = turn["content"].replace(card, "[card]")
        return p

    fw = forwarder(zelto_receiver, spool_path, redact=redact, deliver_now=False)
    asyncio.run(run_session(fw))
    data = spool_bytes(spool_path)
    assert b"[card]" in data  # the call is there...
    assert card.encode() not in data  # ...without the card number, in db, -wal and -shm
    assert Spool(spool_path).stats()["pending"] == 1


def test_failing_redact_never_lets_the_transcript_through(
    spool_path: Path, zelto_receiver: Any, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(p: dict[str, Any]) -> dict[str, Any]:
        raise RuntimeError("redactor down")

    asyncio.run(run_session(forwarder(zelto_receiver, spool_path, redact=broken)))
    sent = zelto_receiver.calls["fake-room"]
    assert "transcript" not in sent and sent["call"]["endedReason"] == "user_initiated"
    assert b"4111" not in spool_bytes(spool_path)
    assert "redact callable failed" in caplog.text


@pytest.mark.parametrize("returned", ["x", 5, ["a"], b"{}"])
def test_add_fields_returning_no_dict_keeps_the_call_and_its_transcript(
    spool_path: Path, zelto_receiver: Any, caplog: pytest.LogCaptureFixture, returned: Any
) -> None:
    """A hostile tester's `add_fields` returning a string (or an `async def`'s coroutine)
    made the payload builder fail outside its fallbacks: no spool row, nothing sent."""
    fw = forwarder(zelto_receiver, spool_path, add_fields=lambda p, c: returned)
    asyncio.run(run_session(fw))
    sent = zelto_receiver.calls["fake-room"]
    assert sent["transcript"]["turns"] and "add_fields returned no dict" in caplog.text


@pytest.mark.parametrize(
    "spoiled",
    [{}, {"transcript": 5}, {"transcript": {"turns": "abc"}}, {"call": None}, {"agent": "x"}],
)
def test_a_redactor_returning_a_broken_payload_keeps_the_call_record(
    spool_path: Path, zelto_receiver: Any, spoiled: dict[str, Any]
) -> None:
    """Such a payload failed validation, and so did the call record the same redactor was
    run on again: "call LOST". The record, which holds no transcript or customer, is sent."""

    def redact(p: dict[str, Any]) -> dict[str, Any]:
        return {**p, **spoiled} if spoiled else {}

    asyncio.run(run_session(forwarder(zelto_receiver, spool_path, redact=redact)))
    sent = zelto_receiver.calls["fake-room"]
    assert "transcript" not in sent and "customer" not in sent
    assert sent["call"]["endedReason"] == "user_initiated"
    assert b"4111" not in spool_bytes(spool_path)


def test_an_async_callback_or_the_redactor_factory_is_refused_when_built(
    spool_path: Path, zelto_receiver: Any
) -> None:
    async def redact(p: dict[str, Any]) -> dict[str, Any]:
        return p

    async def call_id(ctx: Any) -> str:
        return "x"

    for options in ({"redact": redact}, {"call_id": call_id}, {"customer": call_id}):
        with pytest.raises(ConfigError, match="async def"):
            forwarder(zelto_receiver, spool_path, **options)
    with pytest.raises(ConfigError, match=r"redact_pii\(\)"):
        forwarder(zelto_receiver, spool_path, redact=zelto.redact_pii)


def test_invalid_added_fields_fall_back_to_the_plain_call(
    spool_path: Path, zelto_receiver: Any, caplog: pytest.LogCaptureFixture
) -> None:
    def bad(p: dict[str, Any], _ctx: Any) -> None:
        p["call"]["durationSeconds"] = float("nan")

    asyncio.run(run_session(forwarder(zelto_receiver, spool_path, add_fields=bad)))
    (record,) = [r for r in caplog.records if "invalid" in r.getMessage()]
    assert (record.call_id, record.field) == ("fake-room", "call.durationSeconds")  # type: ignore[attr-defined]
    sent = zelto_receiver.calls["fake-room"]
    assert sent["transcript"]["turns"] == EXPECTED_TURNS and sent["call"]["durationSeconds"] > 0


def test_zelto_down_leaves_the_call_pending_at_once(spool_path: Path, zelto_receiver: Any) -> None:
    zelto_receiver.set_fault("down")
    started = time.monotonic()
    asyncio.run(run_session(forwarder(zelto_receiver, spool_path)))
    assert time.monotonic() - started < 30  # generous: no waiting out a timeout when refused
    (row,) = Spool(spool_path).upkeep.rows()
    assert row["state"] == "pending" and "Connect" in row["last_error"]


def test_blackholed_zelto_is_bounded_by_the_budget(spool_path: Path, zelto_receiver: Any) -> None:
    zelto_receiver.set_fault("hang")
    asyncio.run(run_session(forwarder(zelto_receiver, spool_path, deliver_timeout_s=0.5)))
    (row,) = Spool(spool_path).upkeep.rows()
    assert row["state"] == "pending" and "timeout" in row["last_error"]


def test_leftovers_are_drained_within_the_budget(spool_path: Path, zelto_receiver: Any) -> None:
    spool = Spool(spool_path)
    for i in range(3):
        spool.enqueue(payload(f"leftover-{i}"))
    asyncio.run(run_session(forwarder(zelto_receiver, spool_path)))
    assert set(zelto_receiver.calls) == {"fake-room", "leftover-0", "leftover-1", "leftover-2"}
    zelto_receiver.clear()
    spool.enqueue(payload("leftover-3"))
    asyncio.run(run_session(forwarder(zelto_receiver, spool_path, leftovers=0), job_id="j2"))
    assert set(zelto_receiver.calls) == {"fake-room"}  # its own call only
    assert spool.stats()["pending"] == 1


def test_unwritable_spool_still_delivers_directly(
    tmp_path: Path, zelto_receiver: Any, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the spool directory should be")
    asyncio.run(run_session(forwarder(zelto_receiver, blocker / "spool.db")))
    assert zelto_receiver.calls["fake-room"]["transcript"]["turns"] == EXPECTED_TURNS
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(getattr(r, "call_id", None) == "fake-room" for r in errors)
    assert "could not spool the call" in caplog.text


def test_unwritable_spool_and_zelto_down_is_lost_loudly(
    tmp_path: Path, zelto_receiver: Any, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    zelto_receiver.set_fault("down")
    asyncio.run(run_session(forwarder(zelto_receiver, blocker / "spool.db")))
    lost = [r for r in caplog.records if r.levelno == logging.CRITICAL]
    assert lost and "call LOST" in lost[0].getMessage() and lost[0].call_id == "fake-room"  # type: ignore[attr-defined]


def test_no_session_is_not_an_error(spool_path: Path, zelto_receiver: Any) -> None:
    from livekit.agents.testing import fake_job_context

    async def go() -> None:
        with fake_job_context() as ctx:
            await forwarder(zelto_receiver, spool_path).on_session_end(ctx)
            await cleanup(ctx)

    asyncio.run(go())
    assert zelto_receiver.posts == [] and not spool_path.exists()


@pytest.mark.parametrize("attach", [False, True])
def test_a_report_livekit_cannot_build_still_sends_the_call(
    spool_path: Path, zelto_receiver: Any, monkeypatch: pytest.MonkeyPatch, attach: bool
) -> None:
    # LiveKit raises this when session.aclose() timed out with the recorder still running
    from livekit.agents import JobContext

    def still_recording(self: Any, session: Any = None) -> Any:
        raise RuntimeError(
            "Cannot create the AgentSession report, the RecorderIO is still recording"
        )

    monkeypatch.setattr(JobContext, "make_session_report", still_recording)
    asyncio.run(run_session(forwarder(zelto_receiver, spool_path), attach=attach))
    sent = zelto_receiver.calls["fake-room"]
    assert sent["transcript"]["turns"] == EXPECTED_TURNS
    assert sent["call"]["endedReason"] == "user_initiated"  # from the session's own events
    assert 0 < sent["call"]["durationSeconds"] < 60
    spool = Spool(spool_path)
    assert [r["state"] for r in spool.upkeep.rows()] == ["delivered"] and spool.live.rows() == []


def test_enrich_after_delivery_updates_the_call(spool_path: Path, zelto_receiver: Any) -> None:
    asyncio.run(run_session(forwarder(zelto_receiver, spool_path)))
    queued = zelto.enrich(
        "fake-room",
        recording_url="https://rec.example/fake-room.ogg",
        cost=1.5,
        spool_path=spool_path,
    )
    assert queued is not None and queued.version == 2
    from tests.test_delivery import drain

    assert drain(Spool(spool_path), zelto_receiver).ok
    assert len(zelto_receiver.posts) == 2
    final = zelto_receiver.calls["fake-room"]
    assert final["call"]["recordingUrl"] == "https://rec.example/fake-room.ogg"
    assert final["call"]["cost"] == 1.5 and final["transcript"]["turns"] == EXPECTED_TURNS


def test_enrich_before_delivery_is_one_post(spool_path: Path, zelto_receiver: Any) -> None:
    asyncio.run(run_session(forwarder(zelto_receiver, spool_path, deliver_now=False)))
    zelto.enrich("fake-room", recording_url="https://rec.example/r.ogg", spool_path=spool_path)
    from tests.test_delivery import drain

    assert drain(Spool(spool_path), zelto_receiver).ok
    (post,) = zelto_receiver.posts
    assert decode(post.body)["call"]["recordingUrl"] == "https://rec.example/r.ogg"


def test_enrich_before_the_call_exists_waits_for_it(spool_path: Path, zelto_receiver: Any) -> None:
    assert (
        zelto.enrich(
            "fake-room", recording_url="https://rec.example/early.ogg", spool_path=spool_path
        )
        is None
    )
    asyncio.run(run_session(forwarder(zelto_receiver, spool_path)))
    assert (
        zelto_receiver.calls["fake-room"]["call"]["recordingUrl"] == "https://rec.example/early.ogg"
    )


def test_enrich_validates(spool_path: Path) -> None:
    with pytest.raises(ValueError, match="call.cost"):
        zelto.enrich("x", cost=-1, spool_path=spool_path)
    with pytest.raises(ValueError, match="at least one field"):
        zelto.enrich("x", spool_path=spool_path)


def test_attach_keeps_a_live_snapshot_and_the_final_at_close(
    spool_path: Path, zelto_receiver: Any
) -> None:
    fw = forwarder(zelto_receiver, spool_path)
    asyncio.run(run_session(fw, attach=True, hook=False))
    spool = Spool(spool_path)
    # the close event wrote the final payload as a closed snapshot, not yet a queued call:
    # the shutdown callback queues it (see the worker tests), or a reaper if the process dies
    assert spool.upkeep.rows() == []
    (live,) = spool.live.rows()
    assert live["closed"] and live["call_id"] == "fake-room" and live["turns"] == 6
    queued = spool.live.promote(live["job_id"])
    assert queued is not None and spool.live.rows() == []
    stored = spool.latest_payload("fake-room")
    assert stored is not None and stored["transcript"]["turns"] == EXPECTED_TURNS
    assert stored["call"]["endedReason"] == "user_initiated"


def test_attach_and_on_session_end_send_only_the_final(
    spool_path: Path, zelto_receiver: Any
) -> None:
    fw = forwarder(zelto_receiver, spool_path)
    asyncio.run(run_session(fw, attach=True))
    assert Spool(spool_path).live.rows() == []  # dropped with the final enqueue
    (post,) = zelto_receiver.posts
    assert decode(post.body)["transcript"]["turns"] == EXPECTED_TURNS


def test_snapshots_are_redacted_before_they_touch_disk(
    spool_path: Path, zelto_receiver: Any
) -> None:
    card = "4111-1111-1111-1111"

    def redact(p: dict[str, Any]) -> None:
        for turn in p.get("transcript", {}).get("turns", []):
            turn["content"] = turn["content"].replace(card, "[card]")

    fw = forwarder(zelto_receiver, spool_path, redact=redact)
    asyncio.run(run_session(fw, attach=True, hook=False))
    assert card.encode() not in spool_bytes(spool_path)
    assert b"[card]" in spool_bytes(spool_path)


def test_missing_agent_id_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ZELTO_AGENT_ID", raising=False)
    with pytest.raises(ValueError, match="agent_id is required"):
        zelto.Forwarder()
    monkeypatch.setenv("ZELTO_AGENT_ID", "from-env")
    assert zelto.Forwarder()._opts.agent_id == "from-env"


@pytest.mark.parametrize("report_duration", [None, 7.0])
def test_duration_runs_from_start_to_close_whatever_the_report_says(
    report_duration: float | None,
) -> None:
    """LiveKit before 1.8.9 sets `SessionReport.duration` only for recorded sessions, and
    later ones time it to the report: the call's duration is taken from the session's start
    and its `close` event instead, on every LiveKit version."""
    import dataclasses
    from types import SimpleNamespace

    from livekit.agents import llm
    from livekit.agents.voice.events import CloseEvent, CloseReason
    from livekit.agents.voice.report import SessionReport

    from livekit.plugins.zelto._ending import call_duration, session_content

    # livekit-agents 1.6 has a required `recording_options` field (not read), later ones not
    fields = {f.name for f in dataclasses.fields(SessionReport)}
    older: dict[str, Any] = {"recording_options": None} if "recording_options" in fields else {}
    report = SessionReport(
        **older,
        job_id="job",
        room_id="RM_1",
        room="room",
        options=None,  # type: ignore[arg-type]  # not read
        events=[CloseEvent(reason=CloseReason.USER_INITIATED, created_at=112.5)],
        chat_history=llm.ChatContext(),
        duration=report_duration,
        started_at=100.0,
        timestamp=130.0,
    )
    ctx = SimpleNamespace(make_session_report=lambda session: report)
    content = session_content(ctx)  # type: ignore[arg-type]
    assert content is not None
    assert call_duration(content.started_at, content.closed_at, now=500.0) == 12.5


def test_a_session_livekit_cannot_report_on_yet_ends_at_the_close_attach_heard() -> None:
    """While the recorder records (at `close` in production) LiveKit refuses the report: the
    call is taken from the session, its end from the public `close` event `attach` heard."""
    from types import SimpleNamespace

    from livekit.agents import Agent, AgentSession
    from livekit.agents.testing import fake_job_context
    from livekit.agents.voice.events import CloseEvent, CloseReason

    from livekit.plugins.zelto._ending import SessionContent, session_content
    from livekit.plugins.zelto.testing import ScriptedLLM

    def recording(_session: Any = None) -> Any:
        raise RuntimeError("Cannot create the AgentSession report, the RecorderIO is recording")

    async def run() -> tuple[SessionContent | None, CloseEvent]:
        with fake_job_context(job_id="heard") as ctx:
            session: AgentSession[Any] = AgentSession(
                llm=ScriptedLLM(["Hi."]), vad=None, turn_handling={"turn_detection": "manual"}
            )
            await session.start(Agent(instructions="Answer briefly."))
            await session.run(user_input="Hello")
            heard = CloseEvent(reason=CloseReason.PARTICIPANT_DISCONNECTED, created_at=time.time())
            refusing = SimpleNamespace(make_session_report=recording)
            content = session_content(refusing, session, heard_close=heard)  # type: ignore[arg-type]
            await session.aclose()
            await cleanup(ctx)
        return content, heard

    content, heard = asyncio.run(run())
    assert content is not None
    assert [getattr(i, "role", None) for i in content.items][-2:] == ["user", "assistant"]
    assert content.closed_at == heard.created_at
    assert content.close_reason == "participant_disconnected"
    assert isinstance(content.started_at, float) and content.started_at <= heard.created_at


@pytest.mark.parametrize(
    "options",
    [
        {"deliver_timeout_s": float("nan")},
        {"deliver_timeout_s": -1},
        {"deliver_timeout_s": 0},
        {"deliver_timeout_s": float("inf")},
        {"deliver_timeout_s": "5"},
        {"leftovers": -5},
        {"leftovers": 2.5},
    ],
)
def test_settings_that_would_send_nothing_are_refused(
    spool_path: Path, zelto_receiver: Any, options: dict[str, Any]
) -> None:
    # a NaN or negative budget used to be accepted: every call then stayed pending, unsent
    with pytest.raises(ConfigError, match=next(iter(options))):
        forwarder(zelto_receiver, spool_path, **options)
