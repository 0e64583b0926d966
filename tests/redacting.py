"""What the redaction tests share: one redactor, a turn redacted beside its neighbours, and a
call redacted whole (what is sent) or as a live snapshot (what `attach` writes mid-call)."""

from __future__ import annotations

from typing import Any

from livekit.plugins import zelto

redact: Any = zelto.redact_pii()

A, U = "assistant", "user"


def said(text: str, previous: str = "", previous_same: str = "") -> str:
    """One turn, after `previous` (the turn before) and `previous_same` (the speaker's last)."""
    return redact.turn(text, previous, previous_same)  # type: ignore[no-any-return]


def call(*turns: tuple[str, str]) -> dict[str, Any]:
    """A payload holding these (role, content) turns and nothing else."""
    return {"transcript": {"turns": [{"role": r, "content": c} for r, c in turns]}}


def contents(out: dict[str, Any]) -> list[str]:
    return [t["content"] for t in out["transcript"]["turns"]]


def conversation(*turns: tuple[str, str], redactor: Any = redact, live: bool = False) -> list[str]:
    """The turns as sent (or, `live`, as the last live snapshot writes them)."""
    return contents((redactor.live if live else redactor)(call(*turns)))
