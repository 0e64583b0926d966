"""Room names that are no valid `call.externalId` (issue 19.7): one documented mapping on every
path, and a spool that stores no version that skipped validation."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, cli_env, payload, run_cli
from tests.test_live import TURNS, snapshot_in_a_process
from tests.test_plugin_worker import run_worker
from zelto_spool import PayloadError, Spool, external_id, validate
from zelto_spool.delivery.claim import Leases
from zelto_spool.payload import encode
from zelto_spool.store.live import LOST_REASON
from zelto_spool.store.reaper import reap
from zelto_spool.store.schema import transaction

LONG = "r" * 1500
BAD_ROOMS = ["support\tline", "two\nlines", LONG]

VALID = ["room-1", "RM_abc", "caf\u00e9 \u30eb\u30fc\u30e0 \U0001f600", " padded ", "x" * 1024]


@pytest.mark.parametrize("name", VALID)
def test_a_valid_id_is_unchanged(name: str) -> None:
    assert external_id(name) == name


@pytest.mark.parametrize(
    "name",
    [
        "support\tline",
        "two\nlines",
        "nul\x00",
        "del\x7f",
        "esc\x1b[31m",
        "",
        "   ",
        "lone \ud800 surrogate",
        LONG,
        "\t" * 3000,
    ],
)
def test_any_other_name_maps_to_a_valid_stable_id(name: str) -> None:
    mapped = external_id(name)
    validate({"agent": {"externalId": "a"}, "call": {"externalId": mapped}})
    assert mapped != name
    assert len(mapped) <= 1024
    assert external_id(mapped) == mapped  # idempotent: a mapped id is a valid id
    assert external_id(name) == mapped  # deterministic


def test_the_mapping_is_pinned() -> None:
    """Stable across releases: a changed mapping would split a call in two at Zelto."""
    assert external_id("support\tline") == "support_line~d2631af6f8ab67a2"
    assert external_id("") == "~e3b0c44298fc1c14"
    long = external_id(LONG)
    assert long == "r" * 1007 + "~" + long[-16:] and len(long) == 1024


def test_names_that_differ_only_past_the_cut_or_in_the_control_char_never_collide() -> None:
    a, b = "p" * 1100 + "a", "p" * 1100 + "b"
    assert external_id(a) != external_id(b)
    assert external_id("a\tb") != external_id("a\nb") != external_id("a_b")
    assert external_id("a\tb") != "a_b"  # never the name of another (valid) room


def check_mapped(call: dict[str, Any], room: str) -> None:
    assert call["call"]["externalId"] == external_id(room)
    assert call["metadata"] == {"livekitRoomName": room}
    turns = call["transcript"]["turns"]
    assert [t["role"] for t in turns] == ["user", "assistant", "user", "tool", "tool", "assistant"]


def test_a_worker_with_bad_room_names_delivers_every_call(
    spool_path: Path, zelto_receiver: Any
) -> None:
    run_worker(spool_path, zelto_receiver, BAD_ROOMS)
    assert zelto_receiver.wait_for(lambda r: len(r.calls) == len(BAD_ROOMS), 20)
    for room in BAD_ROOMS:
        check_mapped(zelto_receiver.calls[external_id(room)], room)
        assert zelto_receiver.calls[external_id(room)]["call"]["endedReason"] != LOST_REASON
    assert {p.status for p in zelto_receiver.posts} == {200}  # no 422, no call LOST


def test_a_killed_job_with_a_bad_room_name_is_reaped_valid(
    spool_path: Path, zelto_receiver: Any
) -> None:
    run_worker(spool_path, zelto_receiver, BAD_ROOMS, ZELTO_DEMO_HOOK="both", ZELTO_DEMO_KILL="1")
    spool = Spool(spool_path)
    assert sorted(r["call_id"] for r in spool.live.rows()) == sorted(map(external_id, BAD_ROOMS))
    result = run_cli("drain", env=cli_env(spool_path, zelto_receiver.base_url, API_KEY))
    assert result.returncode == 0, result.stdout + result.stderr
    for room in BAD_ROOMS:
        call = zelto_receiver.calls[external_id(room)]
        check_mapped(call, room)
        assert call["call"]["endedReason"] == LOST_REASON
    assert {p.status for p in zelto_receiver.posts} == {200}


def test_a_snapshot_an_older_release_wrote_with_a_bad_id_is_reaped_mapped(
    spool_path: Path,
) -> None:
    snapshot_in_a_process(spool_path, job="job-old", room="old\trelease")
    spool = Spool(spool_path)
    mapped = external_id("old\trelease")
    assert reap(spool.store) == [mapped]
    call = spool.latest_payload(mapped)
    assert call is not None
    assert call["call"]["externalId"] == mapped and call["transcript"]["turns"] == TURNS


def test_enrich_takes_the_room_name_as_livekit_gives_it(spool: Spool) -> None:
    mapped = external_id("support\tline")
    spool.enqueue(payload(mapped))
    queued = spool.enrich("support\tline", {"call": {"recordingUrl": "https://r/1.ogg"}})
    assert queued is not None and queued.call_id == mapped
    stored = spool.latest_payload(mapped)
    assert stored is not None and stored["call"]["recordingUrl"] == "https://r/1.ogg"
    applied = spool.enrich_from_event(  # a LiveKit webhook names the room as LiveKit has it
        "support\tline", {"call": {"cost": 0.5}}, event_id="e1", kind="k", created_at=1.0
    )
    assert applied == "applied"
    stored = spool.latest_payload(mapped)
    assert stored is not None and stored["call"]["cost"] == 0.5


BAD_BODIES = [
    ("support\tline", encode(payload("support\tline")), "call.externalId"),
    (LONG, encode(payload(LONG)), "call.externalId"),
    ("room-1", encode(payload("room-2")), "call.externalId"),  # stored under another id
    ("room-1", b'{"agent": {"externalId": "a"}, "call": {"externalId": "room-1"', ""),
    (
        "room-1",
        encode(
            {
                "agent": {"externalId": "a"},
                "call": {"externalId": "room-1"},
                "transcript": {"turns": [{"role": "bot", "content": "x"}]},
            }
        ),
        "transcript.turns[0].role",
    ),  # fmt: skip
]


@pytest.mark.parametrize(("call_id", "body", "field"), BAD_BODIES)
def test_no_internal_path_stores_an_unvalidated_version(
    spool: Spool, call_id: str, body: bytes, field: str
) -> None:
    writers = [
        lambda: spool.enqueue_encoded(call_id, body),
        lambda: Leases(spool).enqueue_claimed(call_id, body, lease_s=30.0),
        lambda: spool.store.db.run(lambda conn: _insert(spool, conn, call_id, body)),
    ]
    for write in writers:
        with pytest.raises(PayloadError) as caught:
            write()
        assert caught.value.field == field
    assert spool.upkeep.rows() == []


def _insert(spool: Spool, conn: sqlite3.Connection, call_id: str, body: bytes) -> None:
    with transaction(conn):
        spool.store.insert_version(conn, call_id, body, spool.clock())


def test_the_cli_refuses_a_bad_id_in_one_line(spool_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(encode(payload("support\tline")))
    result = run_cli("enqueue", str(bad), env=cli_env(spool_path))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Error: call.externalId: must not contain control characters"
    ]
