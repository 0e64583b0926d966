"""heldout10: one call in the making (who calls whom, how they talk) and the turn primitives:
a caller turn (raw or formatted speech, or typed chat), an agent turn, a tool turn holding
JSON whose values may be labels or look-alikes."""

from __future__ import annotations

import json
import random

import pii_heldout10_mail as mail
import pii_heldout10_num as num
import pii_heldout10_say as say
from pii_heldout10_org import Org, org_id
from pii_heldout10_orgs_a import ORGS_A
from pii_heldout10_orgs_b import ORGS_B
from pii_heldout10_orgs_c import ORGS_C
from pii_rows import Benign, Pii, Retry, Row

ORGS: list[Org] = ORGS_A + ORGS_B + ORGS_C
US_ORGS = [o for o in ORGS if o.ssn]
IBAN_ORGS = [o for o in ORGS if o.iban]
CARD_ORGS = [o for o in ORGS if o.card]


class Call:
    def __init__(
        self,
        rng: random.Random,
        family: str,
        org: Org | None = None,
        region: str | None = None,
        chat: bool = False,
    ):
        self.rng = rng
        self.row = Row(family)
        self.org = org or rng.choice(ORGS)
        self.region = region or num.caller_region(rng)
        self.person = mail.Person(rng, self.region)
        self.v = say.Voice(rng)  # the caller
        self.av = say.Voice(rng)  # the agent, when it reads digits out as words
        self.av.fill = False
        self.chat = chat  # a typed chat, not a phone call
        self.rawp = 0.0 if chat else rng.choice((0.15, 0.4, 0.6, 0.8, 1.0))
        self.row.tags.add(f"org.{self.org.key}")
        self.row.tags.add("channel.chat" if chat else "channel.voice")

    # ------------------------------------------------------------ turns
    def room(self, k: int, reserve: int = 2, cap: int = 14) -> bool:
        """Is there room for k more turns, keeping `reserve` for the close, within `cap`?"""
        return len(self.row.turns) + k + reserve <= cap

    def raw(self) -> bool:
        return self.rng.random() < self.rawp

    def user(self, raw: bool, *parts) -> None:
        self._say("user", raw, parts)

    def agent(self, *parts) -> None:
        self._say("assistant", False, parts)

    def _say(self, role: str, raw: bool, parts) -> None:
        parts = [p for p in parts if p]
        if (
            role == "user"
            and not raw
            and parts
            and isinstance(parts[0], str)
            and parts[0][:1].islower()
        ):
            parts[0] = parts[0][:1].upper() + parts[0][1:]  # formatted speech starts a sentence
        if raw:  # raw speech: the marked texts must already be lower case words
            for p in parts:
                if isinstance(p, (Pii, Benign)) and p.text != p.text.lower():
                    raise AssertionError(p)
        self.row.say(role, *parts, smart=not raw)
        self._once(parts)

    def _once(self, parts) -> None:
        content = self.row.turns[-1]["content"]
        for p in parts:
            if isinstance(p, (Pii, Benign)) and content.count(p.text) != 1:
                raise Retry(p.text)

    def tool(self, obj, call: str | None = None) -> None:
        """A tool turn: `obj` as JSON, its Pii/Benign values kept as marked pieces."""
        marks: list = []

        def walk(o):
            if isinstance(o, (Pii, Benign)):
                marks.append(o)
                return f"\ue000{len(marks) - 1}\ue000"
            if isinstance(o, dict):
                return {k: walk(x) for k, x in o.items()}
            if isinstance(o, list):
                return [walk(x) for x in o]
            return o

        body = {"tool": call, "arguments": walk(obj)} if call else walk(obj)
        text = json.dumps(body, ensure_ascii=False, indent=None if self.rng.random() < 0.7 else 1)
        parts: list = []
        for i, piece in enumerate(text.split("\ue000")):
            parts.append(marks[int(piece)] if i % 2 else piece)
        self.row.say("tool", *[p for p in parts if p])
        self._once(parts)
        json.loads(self.row.turns[-1]["content"])

    def ref(self, p: float = 0.4) -> list:
        """Now and then, words naming one of the organisation's ids (a look-alike)."""
        if self.rng.random() >= p:
            return []
        cls, text, noun = org_id(self.rng, self.org)
        if noun.split(" ")[0].lower() in text.lower():  # the id names itself ("Station 4")
            lead, tail = self.rng.choice(
                (("I have ", " here. "), ("Thanks; that's ", ". "), ("I've pulled up ", ". "))
            )
        else:
            lead, tail = self.rng.choice(
                (
                    (f"I have your {noun}, ", ", here. "),
                    (f"Thanks; that's under {noun} ", ". "),
                    (f"Right, {noun} ", ". "),
                    (f"I've pulled up {noun} ", ". "),
                )
            )
        return [lead, Benign(cls, text), tail]

    # ------------------------------------------------------------ tags
    def tag_phone(self, number) -> None:
        import phonenumbers as pn

        self.row.tags.add(f"phone.region.{pn.region_code_for_number(number)}")

    def tag(self, *tags: str) -> None:
        self.row.tags.update(tags)

    def pick(self, *options):
        return self.rng.choice(options)

    def maybe(self, p: float) -> bool:
        return self.rng.random() < p


def intl_mode(c: Call, region: str, foreign: bool = False) -> str:
    """How a caller says the country code (or not) for a phone of `region`."""
    r = c.rng.random()
    if region in ("US", "CA") and not foreign:
        return "" if r < 0.85 else "plus"
    if foreign and c.region in ("US", "CA"):
        return "oneone" if r < 0.3 else ("plus" if r < 0.75 else "cc")
    if r < 0.45:
        return ""
    if r < 0.75:
        return "plus"
    if r < 0.9:
        return "doubleoh"
    return "cc"


def cap(text: str, raw: bool) -> str:
    return text.lower() if raw else text
