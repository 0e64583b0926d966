"""What the PII rules find, and the windows of a run of digit groups they look at."""

from __future__ import annotations

from dataclasses import dataclass

from .numbers import Run

__all__ = ["Span", "apart", "disjoint", "group_windows", "lead", "run_digits"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str


def run_digits(run: Run, i: int, j: int) -> str:
    return "".join(g.digits for g in run.groups[i:j])


def lead(run: Run, i: int) -> int:
    """Where a number starts: its first group, or the "(" or "+" / "plus" right before it."""
    start = run.groups[i].start
    if i == 0 and run.lead is not None:
        return run.lead
    if run.groups[i].sep_before.rstrip().endswith("("):
        return start - len(run.groups[i].sep_before) + run.groups[i].sep_before.rindex("(")
    return start


def group_windows(
    run: Run, low: int, high: int, sizes: tuple[int, ...] = ()
) -> list[tuple[int, int]]:
    """Group-aligned windows [i, j) of the run with low..high digits: from the left, and
    for each start, the sizes in `sizes` first, then longest first."""
    out = []
    n = len(run.groups)
    for i in range(n):
        size = 0
        for j in range(i, n):
            size += len(run.groups[j].digits)
            if size > high:
                break
            if size >= low:
                rank = sizes.index(size) if size in sizes else len(sizes)
                out.append((i, rank, -size, j + 1))
    return [(i, j) for i, _, _, j in sorted(out)]


def apart(spans: list[Span], others: list[Span]) -> list[Span]:
    """The spans that overlap none of `others`."""
    return [s for s in spans if not any(o.start < s.end and s.start < o.end for o in others)]


def disjoint(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if out and span.start < out[-1].end:
            if span.end > out[-1].end and span.kind == out[-1].kind:
                out[-1] = Span(out[-1].start, span.end, span.kind)
            continue
        out.append(span)
    return out
