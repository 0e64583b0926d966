"""One non-JSON value in `Forwarder(customer=...)` never costs the transcript (issue 19.8): it is
converted or that one field dropped, logged by path and type (never the value), on real sessions
delivered to the contract-checking receiver."""

from __future__ import annotations

import asyncio
import datetime as dt
import decimal
import enum
import logging
import uuid
from pathlib import Path
from typing import Any

import pytest

from livekit.plugins.zelto._customer import clean_customer
from tests.sessions import EXPECTED_TURNS, run_session
from tests.test_plugin_session import forwarder


class Tier(enum.Enum):
    GOLD = "gold"


WHEN = dt.datetime(2026, 12, 6, 15, 4, 5, tzinfo=dt.timezone.utc)
SECRET = "4111-1111-1111-1111"

# (customer field value, what Zelto gets for it; None: the field is dropped)
CASES: list[tuple[str, Any, Any]] = [
    ("since", WHEN, "2026-12-06T15:04:05+00:00"),
    ("birthday", dt.date(1990, 1, 2), "1990-01-02"),
    ("balance", decimal.Decimal("12.50"), "12.50"),
    ("debt", decimal.Decimal("NaN"), None),
    ("photo", b"\xff\xd8\xff" + SECRET.encode(), None),
    ("nick", b"Ada", "Ada"),
    ("tags", {"vip", "beta"}, ["beta", "vip"]),
    ("score", float("nan"), None),
    ("limit", float("inf"), None),
    ("big", 2**70, str(2**70)),
    ("number", 15550100, "15550100"),
    ("number", 15550100.0, None),
    ("name", WHEN, "2026-12-06T15:04:05+00:00"),
    ("name", ["Ada"], None),
    ("id", uuid.UUID(int=1), "00000000-0000-0000-0000-000000000001"),
    ("tier", Tier.GOLD, "gold"),
    ("pair", (1, WHEN), [1, "2026-12-06T15:04:05+00:00"]),
    ("note", "half \ud83d emoji", "half \ufffd emoji"),
    (
        "crm",
        {"row": {"at": WHEN, "obj": object()}, 7: True},
        {"row": {"at": WHEN.isoformat()}, "7": True},
    ),
    ("obj", object(), None),
]


@pytest.mark.parametrize(
    ("field", "value", "sent"), CASES, ids=[f"{c[0]}-{type(c[1]).__name__}" for c in CASES]
)
def test_one_odd_customer_value_keeps_the_transcript(
    spool_path: Path, zelto_receiver: Any, caplog: Any, field: str, value: Any, sent: Any
) -> None:
    customer = {"name": "Ada", field: value} if field != "name" else {field: value}
    fw = forwarder(zelto_receiver, spool_path, customer=lambda ctx: customer)
    with caplog.at_level(logging.DEBUG, logger="livekit.plugins.zelto"):
        asyncio.run(run_session(fw))
    call = zelto_receiver.calls["fake-room"]
    assert call["transcript"]["turns"] == EXPECTED_TURNS  # every turn, not {agent, call}
    expected = {"name": "Ada"} if field != "name" else {}
    if sent is not None:
        expected[field] = sent
    assert call.get("customer", {}) == expected
    fixes = [r for r in caplog.records if r.getMessage().startswith("customer field")]
    assert fixes and all(r.field.startswith(f"customer.{field}") for r in fixes)  # type: ignore[attr-defined]
    assert SECRET not in caplog.text and "15550100" not in caplog.text  # never the value


def test_a_static_customer_dict_is_cleaned_too(spool_path: Path, zelto_receiver: Any) -> None:
    customer = {"number": 15550100, "since": WHEN, "balance": decimal.Decimal("1.5")}
    asyncio.run(run_session(forwarder(zelto_receiver, spool_path, customer=customer)))
    call = zelto_receiver.calls["fake-room"]
    assert call["customer"] == {"number": "15550100", "since": WHEN.isoformat(), "balance": "1.5"}
    assert call["transcript"]["turns"] == EXPECTED_TURNS


def test_fixes_are_logged_once_per_call_with_attach(
    spool_path: Path, zelto_receiver: Any, caplog: Any
) -> None:
    fw = forwarder(zelto_receiver, spool_path, customer={"since": WHEN})
    with caplog.at_level(logging.DEBUG, logger="livekit.plugins.zelto"):
        asyncio.run(run_session(fw, attach=True))
    assert zelto_receiver.calls["fake-room"]["customer"] == {"since": WHEN.isoformat()}
    assert caplog.text.count("customer field customer.since (datetime) converted") == 1
    fixes = [r for r in caplog.records if r.getMessage().startswith("customer field")]
    assert [r.levelno for r in fixes] == [logging.DEBUG]  # a documented conversion: quiet


def test_valid_customers_are_unchanged() -> None:
    customer = {"number": "+15550100", "name": "Ada", "plan": {"seats": 3, "ok": True, "x": None}}
    assert clean_customer(customer) == (customer, [])
