"""One bad turn must not cost the transcript: repair text that cannot be encoded, cut what is
too big. Pure functions, no I/O.

- Text with a lone surrogate (what `json.loads` makes of a truncated emoji escape) has each
  bad code point replaced by U+FFFD; valid surrogate pairs are joined.
- Over the size limit, the biggest turn is cut first (its content keeps its beginning and says
  how much was cut); if that is not enough, the oldest turns are dropped. A `system` turn at the
  top says what was cut, so a reader knows the transcript is not whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .payload import encode

__all__ = ["Fixes", "fit_transcript", "repair_text"]

KEEP_AT_LEAST = 2000  # characters the cut turn keeps before older turns are dropped
_SLACK = 512  # bytes kept free for the notice turn and JSON escapes


@dataclass(frozen=True, kw_only=True)
class Fixes:
    """What `fit_transcript` changed: turns repaired, turns cut short, oldest turns dropped."""

    repaired: int = 0
    cut: int = 0
    dropped: int = 0

    def __bool__(self) -> bool:
        return bool(self.repaired or self.cut or self.dropped)


def repair_text(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD (unchanged when it is valid)."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def fit_transcript(payload: Mapping[str, Any], *, max_bytes: int) -> tuple[dict[str, Any], Fixes]:
    """`payload` with its turns repaired and cut to fit `max_bytes` encoded (a new dict).

    Only the transcript changes; a payload that still does not fit (a huge customer block)
    is left to the caller's validation.
    """
    out = dict(payload)
    transcript = out.get("transcript")
    if not isinstance(transcript, Mapping) or not isinstance(transcript.get("turns"), list):
        return out, Fixes()
    raw: list[Any] = transcript["turns"]
    turns, repaired = _repaired(raw)
    size = len(encode({**out, "transcript": {**transcript, "turns": turns}}))
    cut = dropped = 0
    if size > max_bytes:
        turns, cut, dropped = _cut(turns, size - max_bytes + _SLACK)
        turns = [_notice(cut, dropped, max_bytes), *turns]
    out["transcript"] = {**transcript, "turns": turns}
    return out, Fixes(repaired=repaired, cut=cut, dropped=dropped)


def _repaired(turns: list[Any]) -> tuple[list[Any], int]:
    out: list[Any] = []
    repaired = 0
    for turn in turns:
        if isinstance(turn, Mapping):
            fixed = {
                key: repair_text(value) if isinstance(value, str) else value
                for key, value in turn.items()
            }
            if fixed != turn:
                repaired += 1
            out.append(fixed)
        else:
            out.append(turn)  # validation names it
    return out, repaired


def _cut(turns: list[Any], excess: int) -> tuple[list[Any], int, int]:
    """Cut the biggest turn by `excess` bytes (keeping `KEEP_AT_LEAST` characters), then drop
    the oldest turns until the rest is made up."""
    sizes = [len(encode(turn)) + 1 for turn in turns]
    turns = list(turns)
    cut = 0
    if turns:
        biggest = max(range(len(turns)), key=sizes.__getitem__)
        content = turns[biggest].get("content") if isinstance(turns[biggest], Mapping) else None
        if isinstance(content, str) and len(content) > KEEP_AT_LEAST:
            room = len(content.encode()) - excess - 64  # 64: the note saying what was cut
            keep = max(KEEP_AT_LEAST, _chars_within(content, room))
            shortened = content[:keep]
            note = f" [cut: {len(content.encode()) - len(shortened.encode())} bytes removed]"
            turns[biggest] = {**turns[biggest], "content": shortened + note}
            saved = sizes[biggest] - len(encode(turns[biggest])) - 1
            sizes[biggest] -= saved
            excess -= saved
            cut = 1
    dropped = 0
    while excess > 0 and dropped < len(turns):
        excess -= sizes[dropped]
        dropped += 1
    return turns[dropped:], cut, dropped


def _chars_within(text: str, limit: int) -> int:
    """How many leading characters of `text` fit in `limit` UTF-8 bytes."""
    if limit <= 0:
        return 0
    prefix = text.encode()[:limit].decode("utf-8", "ignore")
    return len(prefix)


def _notice(cut: int, dropped: int, max_bytes: int) -> dict[str, str]:
    parts = []
    if cut:
        parts.append("the longest turn was shortened")
    if dropped:
        parts.append(f"the {dropped} oldest turns were left out")
    what = " and ".join(parts) or "nothing could be cut"
    return {
        "role": "system",
        "content": f"[transcript cut to fit the {max_bytes}-byte limit: {what}]",
    }
