"""Acceptance for `redact_pii`: a real job process whose call carries a card number, an email
and a phone number. Neither the spool's files (main, WAL, live snapshot rows, free pages) nor
the receiver ever hold them; the benign numbers of the same call arrive unchanged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, cli_env
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
]
BENIGN = ["A-1001", "$49.99", "10:30", "12/05", "1Z999AA10123456784", "UA 1234"]

pytestmark = pytest.mark.slow


def run_agent(spool_path: Path, receiver: Any, *, redact: bool) -> None:
    env = {
        **cli_env(spool_path, receiver.base_url, API_KEY),
        "ZELTO_TEST_REDACT": "1" if redact else "0",
    }
    result = subprocess.run(
        [sys.executable, str(AGENT), *ROOMS],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr


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
    run_agent(spool_path, zelto_receiver, redact=True)
    assert set(zelto_receiver.calls) == set(ROOMS)
    assert leaks(spool_path, zelto_receiver) == []
    for room in ROOMS:
        turns = zelto_receiver.calls[room]["transcript"]["turns"]
        assert [t["role"] for t in turns] == [
            "user", "assistant", "user", "tool", "tool", "assistant", "user", "assistant",
        ]  # fmt: skip
        text = "\n".join(t["content"] for t in turns)
        assert "[card]" in text and "[email]" in text and "[phone]" in text
        for benign in BENIGN:
            assert benign in text, benign
        assert turns[0]["content"] == "Hi, I want to pay for order A-1001, the one for $49.99."
        assert turns[6]["content"] == "Sure, call me at [phone] after 10:30 on 12/05."
    assert {r["state"] for r in Spool(spool_path).rows()} == {"delivered"}


def test_control_without_redaction_the_search_finds_them(
    spool_path: Path, zelto_receiver: Any
) -> None:
    """The byte search above is not blind: the same calls without `redact_pii` leak."""
    run_agent(spool_path, zelto_receiver, redact=False)
    found = leaks(spool_path, zelto_receiver)
    assert any("4111111111111111" in f and "spool.db" in f for f in found), found
    assert any("john.smith@gmail.com" in f and "post" in f for f in found), found
