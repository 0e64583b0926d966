"""The PII evaluation set: voice-agent call turns as speech-to-text writes them, in two parts.

    python benchmarks/pii_corpus.py --write    # regenerate tests/data/pii/<part>.jsonl
    python benchmarks/pii_corpus.py --check    # exit 1 when the files differ from the generator
    python benchmarks/pii_corpus.py --write --part dev2    # one part only

Each part is generated rows (template families of benchmarks/pii_families.py drawn from a
seeded `random.Random`: same seed, same text) plus hand-written rows
(tests/data/pii/hand_dev.jsonl, hand_heldout.jsonl). The parts differ by more than the seed:
the held-out part has its own phrasings (carrier sentences, fillers, restarts, id words),
phone regions, email providers, IBAN countries, and families the dev part never has
(benchmarks/pii_heldout.py), and the other half of the hand-written rows. A second
development part, `dev2` (benchmarks/pii_dev2.py, pii_dev2_neg.py, hand_dev2.jsonl), was
written apart from both, after the rules were tuned on `dev`: its figures before a rule change
estimate how the rules carry over to phrasings they were not written alongside. A second
held-out part, `heldout2` (benchmarks/pii_heldout2.py, pii_heldout2_text.py,
pii_heldout2_neg.py, hand_heldout2.jsonl, seed 22004), was written by someone who had not read
the rules, after the dev2 round: it measures the next round of rule work. A third development
part, `dev3` (benchmarks/pii_dev3.py, pii_dev3_neg.py, hand_dev3.jsonl, seed 22005), was
written like dev2 after the dev2 round, aimed at the classes that round left weak. A fourth,
`dev4` (benchmarks/pii_dev4.py, pii_dev4_neg.py, hand_dev4.jsonl, seed 22007), was written after
the dev3 round, aimed at how cards are read (any words between groups, uneven groups,
corrections, homophones, across turns), card look-alikes in payment talk, and typed Unicode.
A third held-out part, `heldout3` (benchmarks/pii_heldout3*.py, hand_heldout3.jsonl, seed
22006), was written after the third round by someone who had read neither the rules nor the
other held-out parts: it measures the fourth round. A fifth development part, `dev5`
(benchmarks/pii_dev5.py, pii_dev5_neg.py, seed 22008), smaller, was written after the dev4
round, aimed at IBANs and SSNs (spelled, NATO letters, digit words, across turns, tool JSON)
and their look-alikes (account, routing and member numbers, EINs, policy numbers). A sixth,
`dev6` (benchmarks/pii_dev6.py, pii_dev6_num.py, pii_dev6_neg.py, hand_dev6.jsonl, seed 22010),
was written after the held-out3 figures by someone who had not read the rules, aimed at the
kinds that part found weak: emails as callers say them, phones of 28 regions, IBANs of 24
countries, SSNs, and their look-alikes ("at" in speech, websites, role mailboxes, ids). A fourth
held-out part, `heldout4` (benchmarks/pii_heldout4*.py, hand_heldout4.jsonl, seed 22009), was
written after the sixth round by someone who had read neither the rules nor any other part:
it measures the seventh round. A seventh development part, `dev7` (benchmarks/pii_dev7*.py,
hand_dev7.jsonl, seed 22011), was written after the seventh round by someone who had not read
the rules, aimed at phones (42 regions, every way a number is said or typed) and cards, with
IBANs, SSNs and a wide set of number look-alikes. A fifth held-out part, `heldout5`
(benchmarks/pii_heldout5*.py, hand_heldout5.jsonl, seed 22012), was written after the dev7
round by someone who had read neither the rules nor any other part: whole calls of eighteen
kinds of contact centre, phones of 40 regions new to the set (and the US), IBANs of 25
countries, cards of nine networks, emails, SSNs, and their look-alikes; it measures the
eighth round. An eighth development part, `dev8` (benchmarks/pii_dev8*.py, hand_dev8.jsonl,
seed 22013), was written at the same time by someone who had read neither the rules nor any
other part, aimed at what heldout4 found weakest: phones (43 regions, country codes with and
without a plus, extensions, area codes said apart, over turns, corrected, read back, typed,
in tool JSON), IBANs (28 countries), SSNs, and look-alikes of every shape (ids in phone and
SSN shapes, times, dates, amounts, addresses, device and bank numbers, the company's own
lines and mailboxes).

Rule authors tune on dev.jsonl (and dev2) only; heldout*.jsonl, hand_heldout*.jsonl and
pii_heldout*.py are read by the evaluation, not by people writing rules (docs/redaction.md,
"Evaluation").

A line: `id`, `source` ("generated" or "hand"), `family`, `tags` (failure classes, for
breakdowns; "split" marks a number said across turns, "negative" a row without PII), `turns`
(role, content), `pii` (kind, turn, exact text; `split: true` on each half of a split
number) and `negatives` (class, turn, exact text of a look-alike that is not PII: account ids,
Luhn-valid invoice numbers, ...).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pii_dev2_neg
import pii_dev3_neg
import pii_dev4_neg
import pii_dev5_neg
import pii_dev6_neg
import pii_dev7_neg
import pii_dev8
import pii_dev9
import pii_dev10
import pii_dev11
import pii_dev12
import pii_dev13
from pii_families import DEV, FAMILIES, SHARED, V
from pii_rows import Retry

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "pii"
PARTS = (
    *("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11"),
    *("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7"),
    *("heldout8", "dev12", "heldout9", "dev13", "heldout10"),
)
SEEDS = {
    "dev": 22_001,
    "heldout": 22_002,
    "dev2": 22_003,
    "heldout2": 22_004,
    "dev3": 22_005,
    "heldout3": 22_006,
    "dev4": 22_007,
    "dev5": 22_008,
    "dev6": 22_010,
    "heldout4": 22_009,
    "dev7": 22_011,
    "heldout5": 22_012,
    "dev8": 22_013,
    "heldout6": 22_014,
    "dev9": 22_015,
    "dev10": 22_016,
    "heldout7": 22_017,
    "dev11": 22_018,
    "heldout8": 22_019,
    "dev12": 22_020,
    "heldout9": 22_021,
    "dev13": 22_022,
    "heldout10": 22_023,
}
# parts whose families are written apart from pii_families.py's
OWN = (
    *("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12"),
    *("heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8"),
    *("heldout9", "dev13", "heldout10"),
)
ROWS = 380  # generated rows per part (plus the hand-written ones)
ROWS_DEV3 = 440  # half of them look-alikes (dev3, dev4)
ROWS_HELDOUT3 = 440  # and heldout4 to heldout10
ROWS_DEV5 = 300  # a small part: IBANs, SSNs and their look-alikes
ROWS_DEV6 = 360  # emails, phones, IBANs, SSNs said by callers, and their look-alikes
ROWS_DEV7 = 460  # phones and cards said by callers, IBANs, SSNs, and number look-alikes
ROWS_DEV8 = 420  # phones, IBANs, SSNs said by callers, and look-alikes of every shape
ROWS_DEV9 = 420  # phone look-alikes and spoken emails
ROWS_DEV10 = 440  # payment cards said every way, and card look-alikes
ROWS_DEV11 = 440  # look-alikes in long calls; phones, emails and SSNs said every way
ROWS_DEV12 = 440  # phone-shaped ids in long calls, SSNs said every way, card look-alikes
ROWS_DEV13 = 460  # heldout9's weak kinds: every kind said every way, lines, mailboxes, splits
# the files were written with these: other phonenumbers metadata gives other valid numbers
GENERATED_WITH = {"phonenumbers": "9.0.43", "python-stdnum": "2.2"}


def libraries() -> dict[str, str]:
    import phonenumbers
    import stdnum

    return {"phonenumbers": phonenumbers.__version__, "python-stdnum": stdnum.__version__}


def vocabulary(part: str) -> V:
    if part == "dev":
        own = DEV
    else:  # imported only here: building dev2 or dev3 never runs the held-out part's code
        from pii_heldout import HELD as own
    return {**SHARED, **{k: SHARED.get(k, []) + v if k in SHARED else v for k, v in own.items()}}


def generate(part: str, seed: int | None = None, rows: int = ROWS) -> list[dict[str, Any]]:
    """The generated rows of `part` (deterministic for a seed)."""
    rng = random.Random(SEEDS[part] if seed is None else seed)
    if part in OWN:
        if rows == ROWS:
            rows = {
                "dev3": ROWS_DEV3,
                "dev4": ROWS_DEV3,
                "heldout3": ROWS_HELDOUT3,
                "heldout4": ROWS_HELDOUT3,
                "heldout5": ROWS_HELDOUT3,
                "heldout6": ROWS_HELDOUT3,
                "heldout7": ROWS_HELDOUT3,
                "heldout8": ROWS_HELDOUT3,
                "heldout9": ROWS_HELDOUT3,
                "heldout10": ROWS_HELDOUT3,
                "dev5": ROWS_DEV5,
                "dev6": ROWS_DEV6,
                "dev7": ROWS_DEV7,
                "dev8": ROWS_DEV8,
                "dev9": ROWS_DEV9,
                "dev10": ROWS_DEV10,
                "dev11": ROWS_DEV11,
                "dev12": ROWS_DEV12,
                "dev13": ROWS_DEV13,
            }.get(part, rows)
        return _generate_own(part, rng, rows)
    vocab = vocabulary(part)
    if part == "dev":
        families = dict(FAMILIES)
    else:
        from pii_heldout import ONLY

        families = {**FAMILIES, **ONLY}
    names = sorted(families)
    weights = [families[n][1] for n in names]
    out: list[dict[str, Any]] = []
    while len(out) < rows:
        name = rng.choices(names, weights)[0]
        try:
            row = families[name][0](rng, vocab)
        except Retry:
            continue
        out.append(row.out(f"{part}-g{len(out):04d}", "generated"))
    return out


def _generate_own(part: str, rng: random.Random, rows: int) -> list[dict[str, Any]]:
    """A part with a family table of its own: each family draws from `rng` alone."""
    if part == "heldout2":  # imported only here: building a dev part never runs its code
        import pii_heldout2_neg

        families: dict[str, Any] = pii_heldout2_neg.FAMILIES
    elif part == "heldout3":
        import pii_heldout3_neg

        families = pii_heldout3_neg.FAMILIES
    elif part == "heldout4":
        import pii_heldout4

        families = pii_heldout4.FAMILIES
    elif part == "heldout5":
        import pii_heldout5

        families = pii_heldout5.FAMILIES
    elif part == "heldout6":
        import pii_heldout6

        families = pii_heldout6.FAMILIES
    elif part == "heldout7":
        import pii_heldout7

        families = pii_heldout7.FAMILIES
    elif part == "heldout8":
        import pii_heldout8

        families = pii_heldout8.FAMILIES
    elif part == "heldout9":
        import pii_heldout9

        families = pii_heldout9.FAMILIES
    elif part == "heldout10":
        import pii_heldout10

        families = pii_heldout10.FAMILIES
    else:
        own = {
            "dev2": pii_dev2_neg,
            "dev3": pii_dev3_neg,
            "dev4": pii_dev4_neg,
            "dev5": pii_dev5_neg,
            "dev6": pii_dev6_neg,
            "dev7": pii_dev7_neg,
            "dev8": pii_dev8,
            "dev9": pii_dev9,
            "dev10": pii_dev10,
            "dev11": pii_dev11,
            "dev12": pii_dev12,
            "dev13": pii_dev13,
        }
        families = own[part].FAMILIES
    names = sorted(families)
    weights = [families[n][1] for n in names]
    out: list[dict[str, Any]] = []
    while len(out) < rows:
        name = rng.choices(names, weights)[0]
        try:
            row = families[name][0](rng)
        except Retry:
            continue
        out.append(row.out(f"{part}-g{len(out):04d}", "generated"))
    return out


def hand(part: str) -> list[dict[str, Any]]:
    path = DATA / f"hand_{part}.jsonl"
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    for i, row in enumerate(rows):
        row["id"] = f"{part}-h{i:03d}"
        row["source"] = "hand"
        row.setdefault("family", "hand")
        row.setdefault("negatives", [])
        tags = set(row.get("tags", []))
        if any(p.get("split") for p in row["pii"]):
            tags.add("split")
        if not row["pii"]:
            tags.add("negative")
        row["tags"] = sorted(tags | {"hand"})
    return rows


def build(part: str) -> list[dict[str, Any]]:
    return generate(part) + hand(part)


def dump(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def sizes(rows: list[dict[str, Any]]) -> dict[str, int]:
    """turns, PII items, hard-negative turns (a turn holding a look-alike), look-alikes."""
    return {
        "rows": len(rows),
        "turns": sum(len(r["turns"]) for r in rows),
        "pii": sum(len(r["pii"]) for r in rows),
        "negative_turns": sum(len({n["turn"] for n in r["negatives"]}) for r in rows),
        "negatives": sum(len(r["negatives"]) for r in rows),
        "split_rows": sum(1 for r in rows if "split" in r["tags"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite tests/data/pii/*.jsonl")
    parser.add_argument("--check", action="store_true", help="fail when the files are stale")
    parser.add_argument("--part", choices=PARTS, action="append", help="only these parts")
    options = parser.parse_args(argv)
    stale = []
    if (options.write or options.check) and libraries() != GENERATED_WITH:
        print(f"note: generating with {libraries()}, the files were written with {GENERATED_WITH}")
    for part in options.part or PARTS:
        rows = build(part)
        path = DATA / f"{part}.jsonl"
        print(part, SEEDS[part], sizes(rows))
        if options.write:
            path.write_text(dump(rows))
        elif options.check and (not path.exists() or path.read_text() != dump(rows)):
            stale.append(str(path))
    if stale:
        print("stale (run python benchmarks/pii_corpus.py --write):", *stale, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
