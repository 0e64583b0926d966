"""A `Mark` says which outcome it records; the SQL for each kind lives in `claim.MARKS`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from zelto_spool import Spool
from zelto_spool.delivery import claim as sql
from zelto_spool.delivery.claim import Claim, Leases, Mark, MarkKind


def _payload(call_id: str) -> dict[str, object]:
    return {
        "agent": {"externalId": "agent-1"},
        "call": {"externalId": call_id},
        "transcript": {"turns": [{"role": "user", "content": "hi"}]},
    }


def test_every_kind_has_one_statement() -> None:
    assert set(sql.MARKS) == {kind.value for kind in MarkKind}


@pytest.mark.parametrize(
    ("mark", "kind", "state"),
    [
        (lambda c: Mark.delivered(c, status=200), MarkKind.DELIVERED, "delivered"),
        (
            lambda c: Mark.retry(c, next_attempt_at=0.0, status=503, error="busy"),
            MarkKind.RETRY,
            "pending",
        ),
        (lambda c: Mark.dead(c, status=400, error="bad"), MarkKind.DEAD, "dead"),
        (Mark.release, MarkKind.RELEASE, "pending"),
        (lambda c: Mark.release(c, to_back=True), MarkKind.RELEASE_TO_BACK, "pending"),
    ],
)
def test_a_mark_names_its_outcome_and_records_it(
    tmp_path: Path, mark: Callable[[Claim], Mark], kind: MarkKind, state: str
) -> None:
    with Spool(tmp_path / "spool.db", retention_s=3600) as spool:
        leases = Leases(spool)
        spool.enqueue(_payload("room-1"))
        (claim,) = leases.claim(1, lease_s=60)
        made = mark(claim)
        assert made.kind is kind
        assert "UPDATE" not in repr(made)  # what it is, not SQL text
        assert leases.apply([made]) == [state]
