"""Building one labelled row of benchmarks/pii_corpus.py: turns, PII labels, look-alikes.

A turn is put together from plain strings and marked pieces (`Pii`, `Benign`), so a label's
text is exactly what the turn holds, at the place it was put.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any


class Retry(Exception):
    """The row came out ambiguous (a label's text also occurs earlier in its turn)."""


@dataclass(frozen=True)
class Pii:
    kind: str
    text: str
    split: bool = False


@dataclass(frozen=True)
class Benign:
    """A number (or website) that looks like PII and is not: a hard negative."""

    cls: str
    text: str


@dataclass
class Row:
    family: str
    tags: set[str] = field(default_factory=set)
    turns: list[dict[str, str]] = field(default_factory=list)
    pii: list[dict[str, Any]] = field(default_factory=list)
    negatives: list[dict[str, Any]] = field(default_factory=list)

    def say(self, role: str, *parts: str | Pii | Benign, smart: bool = True) -> None:
        """A turn of `parts`; with smart=False (raw STT) plain text is lower case, unpunctuated."""
        content = ""
        index = len(self.turns)
        for part in parts:
            if isinstance(part, str):
                content += part if smart else raw(part)
                continue
            if part.text in content:
                raise Retry(part.text)
            if isinstance(part, Pii):
                label: dict[str, Any] = {"kind": part.kind, "text": part.text, "turn": index}
                if part.split:
                    label["split"] = True
                self.pii.append(label)
            else:
                self.negatives.append({"class": part.cls, "text": part.text, "turn": index})
                self.tags.add(f"neg.{part.cls}")
            content += part.text
        self.turns.append({"role": role, "content": content})

    def out(self, row_id: str, source: str) -> dict[str, Any]:
        tags = set(self.tags) | {self.family}
        if any(p.get("split") for p in self.pii):
            tags.add("split")
        if not self.pii:
            tags.add("negative")
        return {
            "id": row_id,
            "source": source,
            "family": self.family,
            "tags": sorted(tags),
            "turns": self.turns,
            "pii": self.pii,
            "negatives": self.negatives,
        }


def maybe(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def raw(text: str) -> str:
    return text.lower().replace(",", "").replace(".", "").replace("?", "").replace("!", "")
