"""dev8's phone families (benchmarks/pii_dev8.py): callers' own numbers of 43 regions, said
with a trunk prefix or a country code (plus, double oh, zero zero, oh one one, or none at all),
with extensions, the area code said apart, over two or three turns, corrected and restarted,
read back by the agent, typed with odd separators and Unicode, and inside tool JSON.

A label covers the number from its first digit (a spoken "plus" stays outside, a typed "+"
inside) to its last, with any fillers or corrections said between its groups; an extension
stays outside.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass

import phonenumbers
import pii_dev8_neg as neg
import pii_dev8_say as say
from pii_rows import Pii, Retry, Row, maybe

# region -> (weight, what a caller calls a number from there)
REGIONS = {
    "US": (12, "US"), "GB": (4, "UK"), "CA": (2, "Canadian"), "AU": (2, "Australian"),
    "IN": (2, "Indian"), "DE": (1.5, "German"), "FR": (1.5, "French"), "MX": (1.5, "Mexican"),
    "PH": (1.5, "Philippine"), "NG": (1, "Nigerian"), "IE": (1, "Irish"), "ES": (1, "Spanish"),
    "IT": (1, "Italian"), "BR": (1, "Brazilian"), "ZA": (1, "South African"),
    "NZ": (1, "New Zealand"), "PK": (1, "Pakistani"), "JP": (1, "Japanese"),
    "GI": (0.8, "Gibraltar"), "IM": (0.8, "Isle of Man"),
    "LC": (0.8, "St Lucia"), "CU": (0.8, "Cuban"),
    # heldout5 (written at the same time) has its own regions: these replace the ones it shared
    "SG": (0.8, "Singapore"), "MY": (0.8, "Malaysian"), "TH": (0.8, "Thai"),
    "VN": (0.8, "Vietnamese"), "KR": (0.8, "Korean"), "EG": (0.8, "Egyptian"),
    "KE": (0.8, "Kenyan"), "GH": (0.8, "Ghanaian"), "CL": (0.8, "Chilean"),
    "CO": (0.8, "Colombian"), "PE": (0.8, "Peruvian"), "SE": (0.8, "Swedish"),
    "PL": (0.8, "Polish"), "GR": (0.8, "Greek"), "TR": (0.8, "Turkish"),
}  # fmt: skip
NANP = {"US", "CA", "LC"}
FOREIGN = sorted(set(REGIONS) - {"US"})

ASK = [
    "What's the best number to get you on if we're cut off?",
    "And a callback number, in case the line drops?",
    "Can I take a phone number for the booking?",
    "Which number should the driver ring when he gets there?",
    "What number should we send the text to?",
    "Could I get a contact number, with the country code please?",
    "Do you have a mobile we can put on file?",
    "And what's the number on the account?",
    "Is there a number where the nurse can reach you tomorrow morning?",
    "What's the phone number you registered with?",
    "Where should the verification code go?",
    "Who do we call if the courier can't get in, and on what number?",
    "Okay, I'll need a number for the technician.",
    "Can you give me a daytime number?",
]
GIVE = [
    ("Yeah, it's ", "."),
    ("Sure. ", "."),
    ("You can get me on ", ", that's my mobile."),
    ("Best one is ", "."),
    ("My cell is ", ", I always have it on me."),
    ("Um, okay, so it's ", "."),
    ("Call me at ", ", anytime after nine."),
    ("Put down ", " for the callback."),
    ("Text it to ", " please."),
    ("It's my work line, ", ", but I'll pick up."),
    ("The house phone is ", "."),
    ("", ", that's the one."),
    ("Okay, got a pen? ", "."),
    ("My wife's number is ", ", she handles all of this."),
    ("So that would be ", "."),
    ("The one on the account should be ", "."),
    ("Right, ", "."),
    ("Hmm, my new one is ", ", I changed it in May."),
    ("", "."),
]
ABROAD = [
    ("I'm on my {c} number at the moment, it's ", "."),
    ("It's a {c} number, ", "."),
    ("I'm roaming, so use ", ", that's my {c} one."),
    ("My {c} mobile, ", "."),
    ("Best to use ", ". It's {c}, by the way."),
]
THANKS = ["Thanks, got it.", "Perfect, I've added that.", "Great, thank you.", "Lovely.", "Noted."]
CONFIRM = ["Yes, that's it.", "Yep.", "Correct.", "That's right, yeah.", "Mhm, that's right."]
CORRECTIONS_SMART = [", no sorry, ", ", wait, no, ", "... actually, ", " - scratch that - "]
CORRECTIONS_SMART += [", sorry, I mean ", ", no, hang on, "]
CORRECTIONS_RAW = [" no sorry ", " wait no ", " i mean ", " sorry ", " no no "]


def region(rng: random.Random, pool: list[str] | None = None) -> str:
    names = pool or sorted(REGIONS)
    return rng.choices(names, [REGIONS[r][0] for r in names])[0]


def chunked(groups: list[str], rng: random.Random) -> list[str]:
    """Groups as said: long ones cut in threes and fours."""
    out: list[str] = []
    for g in groups:
        out.extend(say.regroup(g, rng, (3, 3, 4)) if len(g) > 4 else [g])
    return out


def spoken(
    rng: random.Random, n: phonenumbers.PhoneNumber, reg: str, v: say.Voice, mode: str
) -> tuple[str, list[str], set[str]]:
    """(lead said before the label, the label's groups as said, tags); `mode` is one of
    national, plus, double_oh, zero_zero, oh_one_one, bare, plus_trunk."""
    cc = str(n.country_code)
    tags = {f"phone.intl.{mode}"} if mode != "national" else {"phone.national"}
    if mode == "national":
        nat = say.national_groups(n)
        if reg in NANP and maybe(rng, 0.15):
            nat = ["1", *nat]
            tags.add("phone.nanp_one")
        elif nat[0][0] in "08" and reg not in NANP:
            tags.add("phone.trunk")
        return "", [say.group_said(g, v, rng) for g in chunked(nat, rng)], tags
    rest = say.intl_groups(n)
    if mode == "plus_trunk":
        nat = say.national_groups(n)
        if nat[0][0] in "08" and not rest[0].startswith(nat[0][0]):
            rest = nat[1:] if nat[0] == "8" else nat
            tags.add("phone.trunk")
        else:
            tags = {"phone.intl.plus"}
    said = [say.group_said(g, v, rng) for g in chunked(rest, rng)]
    code = say.cc_said(cc, v, rng)
    lead = ""
    if mode in ("plus", "plus_trunk"):
        lead = "plus " if not v.numerals else "+"
        if v.numerals and maybe(rng, 0.5):
            lead = "plus "
    elif mode == "double_oh":
        code = f"double {v.zero if not v.numerals else 'oh'} {say.cc_said(cc, v, rng)}"
        if v.numerals:
            code = f"double oh {say.one_by_one(cc, rng)}"
    elif mode == "zero_zero":
        code = f"00{cc}" if v.numerals else f"zero zero {say.cc_said(cc, v, rng)}"
    elif mode == "oh_one_one":
        code = f"011 {cc}" if v.numerals else f"{v.zero} one one {say.cc_said(cc, v, rng)}"
    if lead == "+":
        return "", [f"+{code}", *said], tags
    return lead, [code, *said], tags


def pick_mode(rng: random.Random, reg: str) -> str:
    if reg in NANP:
        return rng.choice(["national"] * 6 + ["plus", "bare"])
    return rng.choice(
        ["national", "national", "plus", "plus", "double_oh", "zero_zero", "bare", "plus_trunk"]
        + ["oh_one_one"]
    )


def join(parts: list[str], v: say.Voice, rng: random.Random) -> str:
    out = parts[0]
    for p in parts[1:]:
        out += say.sep(v, rng) + p
    return out


@dataclass
class Said:
    n: phonenumbers.PhoneNumber
    reg: str
    lead: str  # said before the label ("plus ")
    groups: list[str]  # the label's groups as said
    v: say.Voice
    mode: str

    def text(self, rng: random.Random) -> str:
        return join(self.groups, self.v, rng)


def number(
    rng: random.Random, row: Row, reg: str | None = None, mode: str | None = None, **kw: bool
) -> Said:
    """A caller's number drawn and said."""
    reg = reg or region(rng)
    n = say.region_number(rng, reg, mobile=maybe(rng, 0.75))
    v = say.voice(rng, **kw)
    mode = mode or pick_mode(rng, reg)
    lead, groups, tags = spoken(rng, n, reg, v, mode)
    row.tags |= tags | {f"phone.region.{reg}"}
    if any(w in " ".join(groups) for w in ("double", "triple")):
        row.tags.add("phone.double")
    if v.numerals:
        row.tags.add("phone.said.numerals")
    elif v.raw:
        row.tags.add("phone.said.raw")
    return Said(n, reg, lead, groups, v, mode)


def slip(group: str, rng: random.Random) -> str:
    """The group with its last digit misspoken."""
    if group[-1].isdigit():
        return group[:-1] + rng.choice([d for d in "0123456789" if d != group[-1]])
    words = group.split()
    last = words[-1]
    for pool in (say.WORDS[1:], say.TEENS, say.TENS[2:]):
        if last in pool or (last in ("oh", "zero") and pool is say.WORDS[1:]):
            words[-1] = rng.choice([w for w in pool if w != last])
            return " ".join(words)
    raise Retry(group)


def carrier(rng: random.Random, reg: str) -> tuple[str, str]:
    if reg != "US" and maybe(rng, 0.4):
        before, after = rng.choice(ABROAD)
        return before.format(c=REGIONS[reg][1]), after.format(c=REGIONS[reg][1])
    return rng.choice(GIVE)


def maybe_lookalike(rng: random.Random, row: Row, p: float = 0.25) -> None:
    if maybe(rng, p):
        neg.play(row, neg.lookalike(rng), rng)


def written(n: phonenumbers.PhoneNumber, rng: random.Random) -> str:
    """How the agent (an LLM) writes a number back."""
    style = rng.choice(["intl", "national", "national", "e164"])
    if n.country_code == 1 and style != "e164":
        style = rng.choice(["national", "intl"])
    text, _ = say.typed_phone(rng, n, style, rng.choice(["space", "space", "dash"]))
    return text


# ------------------------------------------------------------------ families


def said(pool: str) -> Callable[[random.Random], Row]:
    """One number in one caller turn: `pool` home (NANP), abroad (country code) or local
    (foreign regions said as at home, trunk prefix and all)."""

    def build(rng: random.Random) -> Row:
        row = Row(f"d8.phone.{pool}")
        if pool == "home":
            reg = region(rng, sorted(NANP))
            mode = pick_mode(rng, reg)
        elif pool == "abroad":
            reg = region(rng, FOREIGN)
            mode = rng.choice(["plus", "plus", "double_oh", "zero_zero", "bare", "plus_trunk"])
            if reg in NANP:
                mode = rng.choice(["plus", "bare"])
        else:
            reg = region(rng, [r for r in FOREIGN if r not in NANP])
            mode = "national"
        maybe_lookalike(rng, row, 0.15)
        neg.play(row, [("assistant", [rng.choice(ASK)], True)], rng)
        s = number(rng, row, reg, mode)
        before, after = carrier(rng, reg) if pool != "home" else rng.choice(GIVE)
        row.say("user", before + s.lead, Pii("phone", s.text(rng)), after, smart=not s.v.raw)
        row.say("assistant", rng.choice(THANKS))
        maybe_lookalike(rng, row)
        return row

    return build


def area_apart(rng: random.Random) -> Row:
    """The area (or dialling) code said on its own, then the rest."""
    row = Row("d8.phone.area_apart")
    fixed = ["GB", "AU", "IE", "DE", "IT", "PL", "PK", "SE", "NZ"]
    reg = rng.choice(["US", "US", "US", "CA", "LC", *fixed])
    n = say.region_number(rng, reg, mobile=reg in NANP)
    nat = say.national_groups(n)
    if reg == "BY":
        nat = nat[1:]  # the 8 is dialled, not said with the code
    v = say.voice(rng)
    row.tags |= {f"phone.region.{reg}", "phone.area_apart", "phone.national"}
    area = say.group_said(nat[0], v, rng)
    rest = join([say.group_said(g, v, rng) for g in chunked(nat[1:], rng)], v, rng)
    name = "area code" if reg in NANP else rng.choice(["area code", "dialling code", "code"])
    links = [", then ", " and then ", ", and the number is ", ", and after that ", " then "]
    link = rng.choice(links) if not v.raw else rng.choice([" then ", " and then ", " and "])
    forms = [
        (f"The {name} is ", area + link + rest, "."),
        (f"{name.capitalize()} ", area + link + rest, "."),
        ("It's ", f"{area} {name}, {rest}" if not v.raw else f"{area} {name} {rest}", "."),
        (f"Okay so {name} first, ", area + link + rest, "."),
    ]
    before, label, after = rng.choice(forms)
    row.say("assistant", rng.choice(ASK))
    row.say("user", before, Pii("phone", label), after, smart=not v.raw)
    row.say("assistant", rng.choice(THANKS))
    maybe_lookalike(rng, row)
    return row


def extension(rng: random.Random) -> Row:
    row = Row("d8.phone.ext")
    reg = rng.choice(["US", "US", "US", "CA", "GB", "AU", "DE", "IE", "MX", "IN"])
    ext = say.digits(rng, rng.choice([2, 3, 4]))
    row.tags.add("phone.ext")
    if maybe(rng, 0.4):  # typed in chat
        n = say.region_number(rng, reg, mobile=False)
        text, tags = say.typed_phone(rng, n, rng.choice(["national", "intl"]), "space")
        row.tags |= tags | {"typed", f"phone.region.{reg}"}
        tail = rng.choice([f" x{ext}", f" ext. {ext}", f" ext {ext}", f", extension {ext}"])
        tail += rng.choice(["", " (Dana)", ", ask for accounts"])
        row.say("assistant", "What's the best number for you during the day?")
        row.say("user", "Office: ", Pii("phone", text), tail)
        row.say("assistant", rng.choice(THANKS))
        return row
    s = number(rng, row, reg, "national")
    said_ext = say.one_by_one(ext, rng, s.v.zero) if not s.v.numerals else ext
    if not s.v.numerals and len(ext) in (3, 4) and maybe(rng, 0.4):
        said_ext = say.in_pairs(ext, s.v.zero)
    tail = rng.choice(
        [
            f", extension {said_ext}.",
            f", and then extension {said_ext}.",
            f", then ask for extension {said_ext}.",
            f" ext {said_ext}.",
            f", and it's extension {said_ext} once you get the menu.",
        ]
    )
    row.say("assistant", rng.choice(ASK))
    row.say(
        "user",
        rng.choice(["My desk line is ", "Work's best, ", "You'll get me at the office on "]),
        Pii("phone", s.text(rng)),
        tail,
        smart=not s.v.raw,
    )
    row.say("assistant", rng.choice(THANKS))
    maybe_lookalike(rng, row)
    return row


def cut(groups: list[str], parts: int, rng: random.Random) -> list[list[str]]:
    """The said groups cut in `parts` pieces at group bounds, each long enough to be half a
    number (three digits, four in the first); fewer pieces when no cut gives that."""
    weights = [say.weight(g) for g in groups]
    for count in range(parts, 1, -1):
        cuts = [
            c
            for c in itertools.combinations(range(1, len(groups)), count - 1)
            if sum(weights[: c[0]]) >= 4
            and all(sum(weights[a:b]) >= 3 for a, b in itertools.pairwise([*c, len(groups)]))
        ]
        if cuts:
            bounds = [0, *rng.choice(cuts), len(groups)]
            return [groups[a:b] for a, b in itertools.pairwise(bounds)]
    raise Retry("no cut leaves two halves of a number")


FIRST = [("It's ", "..."), ("Okay so ", ","), ("", ", um"), ("So the number's ", ", and")]
FIRST += [("Right, it starts ", "")]
NEXT = [("", "."), ("Then ", "."), ("And ", "."), ("Okay, ", "."), ("Sorry, ", ".")]
NEXT += [("Uh, ", ", and")]
LAST = [("", "."), ("And the last bit is ", "."), ("Then ", ". That's the lot."), ("", ", done.")]
LAST += [("", ", that's it.")]


def nudge(row: Row, rng: random.Random, raw: bool) -> None:
    if raw:
        row.say("assistant", rng.choice(say.RAW_NUDGES), smart=False)
    else:
        row.say("assistant", rng.choice(say.NUDGES))


def turns(rng: random.Random) -> Row:
    """A number said over two or three caller turns, the agent nudging between."""
    row = Row("d8.phone.turns")
    s = number(rng, row)
    pieces = cut(s.groups, 3 if len(s.groups) >= 4 and maybe(rng, 0.4) else 2, rng)
    row.tags.add(f"phone.turns.{len(pieces)}")
    row.say("assistant", rng.choice(ASK))
    for i, piece in enumerate(pieces):
        text = join(piece, s.v, rng)
        if i == 0:
            before, after = rng.choice(FIRST)
            row.say(
                "user", before + s.lead, Pii("phone", text, split=True), after, smart=not s.v.raw
            )
            continue
        nudge(row, rng, s.v.raw)
        if maybe(rng, 0.15):
            row.say(
                "user", rng.choice(say.WAITS) + rng.choice([".", "...", ", it's on the fridge"])
            )
            row.say("assistant", rng.choice(["No rush.", "Sure.", "Take your time."]))
        before, after = rng.choice(NEXT if i < len(pieces) - 1 else LAST)
        row.say("user", before, Pii("phone", text, split=True), after, smart=not s.v.raw)
    if maybe(rng, 0.3):
        row.tags.add("phone.readback")
        row.say("assistant", "So that's ", Pii("phone", written(s.n, rng)), "?")
        row.say("user", rng.choice(CONFIRM))
    else:
        row.say("assistant", rng.choice(THANKS))
    maybe_lookalike(rng, row, 0.2)
    return row


def fix(rng: random.Random) -> Row:
    """Corrections and restarts."""
    row = Row("d8.phone.fix")
    how = rng.choice(["inline", "restart", "other_number", "repeat"])
    row.tags.add(f"phone.correction.{how}")
    s = number(rng, row)
    raw = s.v.raw
    row.say("assistant", rng.choice(ASK))
    if how == "inline":  # the last group misspoken, then said right
        fixes = CORRECTIONS_RAW if raw else CORRECTIONS_SMART
        label = join(s.groups[:-1], s.v, rng) + say.sep(s.v, rng) + slip(s.groups[-1], rng)
        label += rng.choice(fixes) + s.groups[-1]
        row.say("user", "It's " + s.lead, Pii("phone", label), ".", smart=not raw)
    elif how == "restart":  # two digits, then the whole number again
        first = s.groups[0].lstrip("+")
        false = " ".join(first.split()[:2]) if not s.v.numerals else first[:2]
        restart = rng.choice(
            [
                f"It's {false}... no wait, that's the old one. The new one is ",
                f"{false}, sorry, let me start again. ",
                f"Um, {false}... hang on, I always mix it up. Okay: ",
                f"it's {false} no hold on ",
            ]
        )
        row.say("user", restart + s.lead, Pii("phone", s.text(rng)), ".", smart=not raw)
    elif how == "other_number":
        row.say("user", "It's " + s.lead, Pii("phone", s.text(rng)), ".", smart=not raw)
        row.say("assistant", rng.choice(THANKS))
        t = number(rng, row, s.reg, None, raw=raw)
        row.say(
            "user",
            rng.choice(
                [
                    "Actually, use my mobile instead, it's ",
                    "Oh wait, that one's my old landline. Try ",
                    "Sorry, better to put my husband's, ",
                ]
            )
            + t.lead,
            Pii("phone", t.text(rng)),
            ".",
            smart=not raw,
        )
    else:  # the agent reads back a slip, the caller says the whole number again
        row.say("user", "It's " + s.lead, Pii("phone", s.text(rng)), ".", smart=not raw)
        shown = written(s.n, rng)
        wrong = shown[:-2] + shown[-1] + shown[-2]
        if wrong == shown or not shown[-2:].isdigit():
            raise Retry("slip")
        row.say("assistant", "I have ", Pii("phone", wrong), ", is that right?")
        again = s.text(rng) if maybe(rng, 0.5) else shown
        row.say(
            "user",
            "No, " + (s.lead if again != shown else ""),
            Pii("phone", again),
            rng.choice([".", ", you swapped the end."]),
            smart=not raw,
        )
    row.say("assistant", rng.choice(THANKS))
    maybe_lookalike(rng, row)
    return row


def readback(rng: random.Random) -> Row:
    row = Row("d8.phone.readback")
    row.tags.add("phone.readback")
    s = number(rng, row)
    row.say("assistant", rng.choice(ASK))
    before, after = carrier(rng, s.reg)
    row.say("user", before + s.lead, Pii("phone", s.text(rng)), after, smart=not s.v.raw)
    lead = ""
    if maybe(rng, 0.5):
        shown = written(s.n, rng)
    else:  # a voice agent says it back in words, in its own grouping
        back = say.voice(rng, raw=False, numerals=False)
        back.filler = 0.0
        intl = s.mode != "national"
        groups = say.intl_groups(s.n) if intl else say.national_groups(s.n)
        shown = join([say.group_said(g, back, rng) for g in chunked(groups, rng)], back, rng)
        if intl:
            lead = "plus "
            shown = f"{say.cc_said(str(s.n.country_code), back, rng)}, {shown}"
        row.tags.add("phone.readback.words")
    row.say(
        "assistant",
        rng.choice(["Let me read that back: ", "So that's ", "I've got ", "Okay, "]) + lead,
        Pii("phone", shown),
        rng.choice([", correct?", ". Is that right?", "?"]),
    )
    row.say("user", rng.choice(CONFIRM))
    maybe_lookalike(rng, row, 0.2)
    return row


TYPED_STYLES = ["intl", "intl", "national", "national", "e164", "00", "trunk_paren", "paren_cc"]
TYPED_SEPS = ["space", "dash", "dots", "slash", "nbsp", "thin", "narrow", "en_dash", "minus"]
TYPED_SEPS += ["nb_hyphen", "middot", "zwsp", "fullwidth", "underscore", "none"]


def typed(rng: random.Random) -> Row:
    """Typed in the chat box."""
    row = Row("d8.phone.typed")
    row.tags.add("typed")
    reg = region(rng)
    n = say.region_number(rng, reg, mobile=maybe(rng, 0.8))
    style = rng.choice(TYPED_STYLES + (["011"] if reg not in NANP else []))
    how = rng.choice(TYPED_SEPS)
    if reg in ("IQ", "PS", "AF") and maybe(rng, 0.5):
        how = "arabic"
    text, tags = say.typed_phone(rng, n, style, how)
    row.tags |= tags | {f"phone.region.{reg}"}
    maybe_lookalike(rng, row, 0.2)
    neg.play(
        row,
        [
            (
                "assistant",
                [rng.choice(["Please type a phone number we can reach you on.", *ASK])],
                True,
            )
        ],
        rng,
    )
    forms = [
        ("", ""),
        ("my number: ", ""),
        ("", " (mobile)"),
        ("Mobile ", " - WhatsApp too"),
        ("tel ", ""),
        ("Here you go: ", " thanks"),
        ("📞 ", ""),
        ("its ", " text first pls"),
        ("Reach me on ", " after 6pm"),
    ]
    before, after = rng.choice(forms)
    row.say("user", before, Pii("phone", text), after)
    row.say("assistant", rng.choice(THANKS))
    return row


KEYS = ["callback", "callback_number", "contact", "msisdn", "tel", "mobile", "phone_e164"]
KEYS += ["alt_contact", "whatsapp", "caller_id", "notify_sms"]
NAMES = ["Dana Whitfield", "R. Okafor", "Mateo Ruiz", "Aisha Karimi", "Liam O'Shea", "Yuki Mori"]


def tool(rng: random.Random) -> Row:
    """A phone inside tool-call arguments or a tool's output."""
    row = Row("d8.phone.tool")
    row.tags.add("tool")
    reg = region(rng)
    n = say.region_number(rng, reg, mobile=True)
    key = rng.choice(KEYS)
    style = "msisdn" if key == "msisdn" else rng.choice(["e164", "e164", "intl", "national"])
    text, tags = say.typed_phone(rng, n, style, rng.choice(["space", "space", "dash", "none"]))
    row.tags |= tags | {f"phone.region.{reg}", f"phone.json.{key}"}
    value: object = Pii("phone", text)
    if key == "tel" and style != "national" and maybe(rng, 0.6):
        value = ("tel:", Pii("phone", text.replace(" ", "-")))
        row.tags.add("phone.tel_uri")
    elif key == "contact" and maybe(rng, 0.5):
        value = {"type": "mobile", "number": value}
    obj: dict[str, object] = {}
    if maybe(rng, 0.5):
        obj["customer_id"] = neg.json_id(rng)
    obj["name"] = rng.choice(NAMES)
    obj[key] = value
    if maybe(rng, 0.4):
        obj[rng.choice(["ticket_id", "order_id", "case_number"])] = neg.json_id(rng)
    pieces = say.tool_json(rng, obj)
    if maybe(rng, 0.5):
        row.say("user", rng.choice(["Can you set up the callback?", "Please update my details."]))
        name = rng.choice(["schedule_callback", "update_contact", "create_ticket", "send_sms"])
        row.say("assistant", f'{{"tool": "{name}", "arguments": ', *pieces, "}")
        row.say("tool", '{"ok": true}')
    else:
        row.say("tool", *pieces)
        row.say("assistant", "I can see your details on file.")
    return row


EMAIL_NAMES = ["dana.whitfield", "rokafor84", "mateo_ruiz", "aisha.k", "tomhollis", "jbrennan.77"]
EMAIL_HOSTS = ["gmail.com", "outlook.com", "yahoo.co.uk", "proton.me", "icloud.com", "gmx.de"]


def with_email(rng: random.Random) -> Row:
    """A phone and a personal email in the same answer."""
    row = Row("d8.phone.with_email")
    s = number(rng, row)
    local, host = rng.choice(EMAIL_NAMES), rng.choice(EMAIL_HOSTS)
    row.say("assistant", "Can I get a phone number and an email for the confirmation?")
    if s.v.raw:
        mail = f"{local.replace('.', ' dot ').replace('_', ' underscore ')} at "
        mail += host.replace(".", " dot ")
    else:
        mail = f"{local}@{host}"
    row.say(
        "user",
        "Sure, phone is " + s.lead,
        Pii("phone", s.text(rng)),
        " and the email is ",
        Pii("email", mail),
        ".",
        smart=not s.v.raw,
    )
    row.say("assistant", rng.choice(THANKS))
    return row


FAMILIES: dict[str, tuple[Callable[[random.Random], Row], float]] = {
    "d8.phone.home": (said("home"), 6.0),
    "d8.phone.abroad": (said("abroad"), 8.0),
    "d8.phone.local": (said("local"), 4.0),
    "d8.phone.area_apart": (area_apart, 2.5),
    "d8.phone.ext": (extension, 2.0),
    "d8.phone.turns": (turns, 6.0),
    "d8.phone.fix": (fix, 4.5),
    "d8.phone.readback": (readback, 3.0),
    "d8.phone.typed": (typed, 4.5),
    "d8.phone.tool": (tool, 3.0),
    "d8.phone.with_email": (with_email, 1.0),
}
