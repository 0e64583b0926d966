"""Acceptance for `redact_pii`: a real job process whose call carries card numbers, emails and
phone numbers, written, spoken and split across two of the caller's turns. Neither the spool's
files (main, WAL, live snapshot rows, free pages) nor the receiver ever hold them, not even
for a moment: the job searches the raw files after every turn, while the first half of a split
number is pending. The benign numbers of the same call arrive unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_agent_script
from zelto_spool import Spool

AGENT = Path(__file__).parent / "redact_agent.py"
ROOMS = ["pay-call-1", "pay-call-2"]
# every way the PII could be written: as said, as digits, inside JSON
SECRETS = [
    b"4111 1111 1111 1111",
    b"4111111111111111",
    b"john dot smith",
    b"john.smith@gmail.com",
    b"smith",
    b"(212) 555-0134",
    b"555-0134",
    b"2125550134",
    b"5550134",
    b"five five five five, five five five five",
    b"five five five five, four four four four",
    b"5555555555554444",
    b"six four six, five five five",
    b"zero one nine nine",
    b"6465550199",
    b"mary ann jones",
    b"g mail dot com",
    b"jessica",
    b"moreno",
    b"nina patel",
]
BENIGN = ["A-1001", "A-1002", "$49.99", "10:30", "12/05", "1Z999AA10123456784", "UA 1234"]

pytestmark = pytest.mark.slow


def run_agent(spool_path: Path, receiver: Any, *, redact: bool) -> list[dict[str, str]]:
    """Runs the calls; returns what the job's searches of the spool's files found mid-call."""
    scan = spool_path.parent.parent / f"{spool_path.parent.name}-scan.jsonl"
    run_agent_script(
        AGENT,
        spool_path,
        receiver,
        *ROOMS,
        ZELTO_TEST_REDACT="1" if redact else "0",
        ZELTO_TEST_SCAN=str(scan),
    )
    if not scan.exists():
        return []
    return [json.loads(line) for line in scan.read_text().splitlines()]


def leaks(spool_path: Path, receiver: Any) -> list[str]:
    """Which secrets any file in the spool's directory or any request body holds."""
    found = []
    blobs = {p.name: p.read_bytes() for p in spool_path.parent.iterdir() if p.is_file()}
    blobs |= {f"post {i}": post.body for i, post in enumerate(receiver.posts)}
    for name, data in blobs.items():
        digits = bytes(b for b in data if 48 <= b <= 57)  # the digits with separators removed
        for secret in SECRETS:
            plain = bytes(b for b in secret if 48 <= b <= 57)
            if secret in data or (len(plain) >= 10 and plain in digits):
                found.append(f"{secret.decode()} in {name}")
    return found


def test_pii_never_reaches_the_spool_files_or_zelto(spool_path: Path, zelto_receiver: Any) -> None:
    assert run_agent(spool_path, zelto_receiver, redact=True) == []  # not after any turn
    assert set(zelto_receiver.calls) == set(ROOMS)
    assert leaks(spool_path, zelto_receiver) == []
    for room in ROOMS:
        turns = zelto_receiver.calls[room]["transcript"]["turns"]
        assert [t["role"] for t in turns] == [
            "user", "assistant", "user", "tool", "tool", "assistant", "user", "assistant",
            *["user", "assistant"] * 8,
        ]  # fmt: skip
        text = "\n".join(t["content"] for t in turns)
        assert "[card]" in text and "[email]" in text and "[phone]" in text
        for benign in BENIGN:
            assert benign in text, benign
        assert turns[0]["content"] == "Hi, I want to pay for order A-1001, the one for $49.99."
        assert turns[6]["content"] == "Sure, call me at [phone] after 10:30 on 12/05."
        said = [t["content"] for t in turns if t["role"] == "user"][3:]
        assert said == [
            "Order A-1002 goes on the other one, it's [card]",
            "[card]",
            "my wife's number is [phone]",
            "[phone], and her email is [email]",
            "it's 6465550123",  # a member ID, not a phone number: kept
            "it's [email]",  # held as [email] in the snapshots until the rest came
            "[email]",
            "its [email]",
        ]
    assert {r["state"] for r in Spool(spool_path).upkeep.rows()} == {"delivered"}


def test_control_without_redaction_the_search_finds_them(
    spool_path: Path, zelto_receiver: Any
) -> None:
    """The byte searches above are not blind: the same calls without `redact_pii` leak, and
    the job's mid-call search finds the first half of a split card in the spool's files."""
    during = run_agent(spool_path, zelto_receiver, redact=False)
    assert any(f["secret"] == "five five five five, five five five five" for f in during), during
    found = leaks(spool_path, zelto_receiver)
    assert any("4111111111111111" in f and "spool.db" in f for f in found), found
    assert any("john.smith@gmail.com" in f and "post" in f for f in found), found
