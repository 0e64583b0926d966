"""A user's own test file, as the README's "Test your agent" section writes it: several tests
share ONE module-level `AgentServer`, each uses `zelto_env` (its own receiver and spool, some
with faults set), and each asserts that its calls are in its spool and its receiver, and in no
other test's. Real job processes under the default start method (a forkserver on Linux).

The tests build on each other's records (`SEEN`), so they are meant to run together, in order.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from livekit.agents import AgentServer, AgentSession, JobContext

from livekit.plugins.zelto.testing import Receiver, ScriptedLLM, Spool, run_simulated_jobs
from tests import user_agent as my_agent

# --- as in the README: the production module's call handling, given a scripted session ------

server = AgentServer(port=0, num_idle_processes=0, load_fnc=lambda: 0.0)  # one for the file


@server.rtc_session(on_session_end=my_agent.fw.on_session_end)
async def scripted_call(ctx: JobContext) -> None:
    llm = ScriptedLLM(["Hi, this is Support. How can I help?"])
    session: AgentSession = AgentSession(
        llm=llm, vad=None, turn_handling={"turn_detection": "manual"}
    )
    await my_agent.handle_call(ctx, session)  # no room: text mode, no audio
    await session.run(user_input="Where is my order?")
    ctx.shutdown("test call finished")


# --- the tests ---------------------------------------------------------------------------------

SEEN: list[tuple[str, Path, Receiver]] = []  # (room, spool path, receiver) of earlier tests


def spooled_calls(path: Path) -> set[str]:
    if not path.exists():
        return set()
    with Spool(path) as spool:
        return {row["call_id"] for row in spool.upkeep.rows()}


def run_calls(rooms: list[str]) -> None:
    asyncio.run(run_simulated_jobs(server, rooms))


def check_isolated(rooms: list[str], spool_path: Path, receiver: Receiver) -> None:
    """This test's rooms are nowhere else; earlier tests' rooms are not here."""
    for room, other_spool, other_receiver in SEEN:
        assert room not in spooled_calls(spool_path), f"{room} of an earlier test is here"
        assert room not in receiver.calls
        for mine in rooms:
            assert mine not in spooled_calls(other_spool), f"{mine} landed in an earlier spool"
            assert mine not in {post.call_id for post in other_receiver.posts}
    SEEN.extend((room, spool_path, receiver) for room in rooms)


def test_first_test_delivers_to_its_receiver(zelto_env: Receiver) -> None:
    run_calls(["iso-first"])
    spool_path = Spool().path  # the zelto_env spool of this test
    assert set(zelto_env.calls) == {"iso-first"}
    turns = zelto_env.calls["iso-first"]["transcript"]["turns"]
    assert [t["role"] for t in turns] == ["user", "assistant"]
    assert zelto_env.calls["iso-first"]["agent"] == {
        "externalId": "support-bot",
        "name": "Support Bot",
    }
    assert spooled_calls(spool_path) == {"iso-first"}
    check_isolated(["iso-first"], spool_path, zelto_env)


def test_second_test_delivers_to_its_own_receiver(zelto_env: Receiver) -> None:
    run_calls(["iso-second-a", "iso-second-b"])
    spool_path = Spool().path
    assert set(zelto_env.calls) == {"iso-second-a", "iso-second-b"}
    assert spooled_calls(spool_path) == {"iso-second-a", "iso-second-b"}
    check_isolated(["iso-second-a", "iso-second-b"], spool_path, zelto_env)


def test_another_test_with_several_rooms_runs_on_its_own_loop(zelto_env: Receiver) -> None:
    # the previous test started two jobs at once, which bound the server's job lock to its
    # event loop; this test's loop must get jobs started too (it failed with "is bound to a
    # different event loop" before `simulated_worker` gave each run a fresh lock)
    rooms = ["iso-third-a", "iso-third-b", "iso-third-c"]
    run_calls(rooms)
    spool_path = Spool().path
    assert set(zelto_env.calls) == set(rooms)
    assert spooled_calls(spool_path) == set(rooms)
    check_isolated(rooms, spool_path, zelto_env)


def test_an_outage_keeps_the_call_in_this_tests_spool(zelto_env: Receiver) -> None:
    zelto_env.set_fault("5xx:503")
    run_calls(["iso-outage"])
    spool_path = Spool().path
    assert [post.status for post in zelto_env.posts] == [503]
    with Spool(spool_path) as spool:
        assert spool.stats()["pending"] == 1
        spool.upkeep.make_due()  # skip the backoff the failed attempt scheduled
    zelto_env.set_fault(None)  # recovery: the next job sends its leftover first
    run_calls(["iso-after-outage"])
    assert set(zelto_env.calls) == {"iso-outage", "iso-after-outage"}
    assert spooled_calls(spool_path) == {"iso-outage", "iso-after-outage"}
    check_isolated(["iso-outage", "iso-after-outage"], spool_path, zelto_env)


def test_a_rejected_key_pauses_this_tests_spool_only(
    zelto_env: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZELTO_API_KEY", "not-the-test-key")  # the receiver answers 401
    run_calls(["iso-bad-key"])
    spool_path = Spool().path
    assert [post.status for post in zelto_env.posts] == [401]
    assert zelto_env.calls == {}
    with Spool(spool_path) as spool:
        stats = spool.stats()
    assert stats["pending"] == 1
    assert stats["paused"]
    check_isolated(["iso-bad-key"], spool_path, zelto_env)


def test_a_later_test_starts_clean(zelto_env: Receiver) -> None:
    run_calls(["iso-last"])
    spool_path = Spool().path
    assert set(zelto_env.calls) == {"iso-last"}
    assert spooled_calls(spool_path) == {"iso-last"}
    check_isolated(["iso-last"], spool_path, zelto_env)
