"""heldout9's callers and how they give a phone number: said (raw speech-to-text or
smart-formatted), typed, split over turns, read back, corrected.

Labelling (heldout9's, after docs/redaction.md): a phone label starts at the first digit
dialled after an international prefix (a spoken "plus", "double oh", "oh one one" and a
written "00" stay outside; a typed "+" is inside; a country code and a trunk 0 are inside) and
ends with the subscriber number (an extension is outside); area-code words between groups and
a correction inside one stretch are inside one label; a whole number said wrong and then
right is two labels; an agent's echo of one group while the number is read is a piece of
it (split). A caller echoing the last four of a number read back to them labels those four;
a corrected last four alone ("no, the end is ...") is a look-alike (`phone_last4_fix`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from pii_heldout9_bank import IBAN_SHAPES, make_iban, make_ssn
from pii_heldout9_kit import (
    FULLWIDTH,
    ONES,
    TEENS,
    TENS,
    Card,
    Phone,
    caller_region,
    digits,
    group,
    make_card,
    make_phone,
    pick,
)
from pii_heldout9_mail import make_email
from pii_rows import Benign, Pii, Retry, Row, maybe


@dataclass
class Caller:
    region: str
    phone: Phone
    email: str
    first: str
    last: str
    card: Card
    iban: str
    ssn: str

    @property
    def name(self) -> str:
        return f"{self.first.title()} {self.last.title()}"


def new_caller(rng: random.Random, region: str | None = None) -> Caller:
    region = region or caller_region(rng)
    phone = make_phone(rng, region)
    email, first, last = make_email(rng, region)
    country = (
        region if region in IBAN_SHAPES and maybe(rng, 0.7) else pick(rng, sorted(IBAN_SHAPES))
    )
    return Caller(
        region, phone, email, first, last, make_card(rng), make_iban(rng, country), make_ssn(rng)
    )


def typed(text: str, rng: random.Random, row: Row) -> str:
    """A number as a phone keyboard types it: now and then full-width digits, no-break or thin
    spaces, a zero-width space, a typographic dash."""
    how = rng.randrange(9)
    if how == 0:
        row.tags.add("unicode.fullwidth")
        return text.translate(FULLWIDTH)
    if how == 1 and " " in text:
        row.tags.add("unicode.nbsp")
        return text.replace(" ", "\u00a0")
    if how == 2 and " " in text:
        row.tags.add("unicode.thin")
        return text.replace(" ", "\u2009")
    if how == 3 and " " in text:
        row.tags.add("unicode.zero_width")
        return text.replace(" ", " \u200b", 1)
    if how == 4 and ("-" in text or " " in text):
        row.tags.add("unicode.dash")
        return text.replace("-", "\u2013") if "-" in text else text.replace(" ", "\u2013")
    return text


def mutate(text: str, rng: random.Random) -> str:
    """The same number with one digit (or number word) wrong."""
    words = text.split(" ")
    spots = [i for i, w in enumerate(words) if _kin(w.strip(",.")) is not None]
    if spots:
        at = spots[rng.randrange(len(spots))]
        old = words[at].strip(",.")
        kin = _kin(old) or ()
        words[at] = words[at].replace(old, pick(rng, [w for w in kin if w != old]))
        return " ".join(words)
    spots = [i for i, ch in enumerate(text) if ch.isdigit()]
    if not spots:
        raise Retry(text)
    at = spots[len(spots) // 2 + rng.randrange(max(1, len(spots) // 2))]
    new = str((int(text[at]) + rng.randrange(1, 9)) % 10)
    return text[:at] + new + text[at + 1 :]


def _kin(word: str) -> tuple[str, ...] | None:
    """The words a misread number word is swapped with: ones, teens or tens."""
    for kin in (ONES[1:], TEENS, TENS[2:]):
        if word in kin:
            return kin
    if word in ("oh", "zero"):
        return ONES[1:]
    return None


# how a caller carries on with the rest of a number after a pause, and ends it
MORE: tuple[str, ...] = (
    "and then ",
    "after that it's ",
    "then ",
    "the rest is ",
    "carrying on, ",
    "next bit is ",
)
MORE += ("and the end is ", "right, then ", "okay and ", "and finally ")
DONE = ("", "", " and that's it", ", done", " that's all", " that's the lot")
SEPS = (", ", " ", " ", ", ", "... ", " uh ", " um ", ", then ")


# ---- phones -------------------------------------------------------------------------------


def phone_written(ph: Phone, rng: random.Random, row: Row) -> tuple[str, str]:
    """(outside, label) of a number as smart formatting or a keyboard writes it."""
    if ph.nanp:
        area, exch, line = ph.national_groups()
        how = rng.randrange(6)
        row.tags.add(f"phone.written.{('parens', 'dashes', 'dots', 'plus1', 'one', 'e164')[how]}")
        return "", (
            ph.national,
            f"{area}-{exch}-{line}",
            f"{area}.{exch}.{line}",
            f"+1 {area}-{exch}-{line}",
            f"1-{area}-{exch}-{line}",
            ph.e164,
        )[how]
    how = rng.randrange(5)
    row.tags.add(f"phone.written.{('intl', 'intl', 'national', 'e164', 'zero_zero')[how]}")
    if how == 4:
        return "00", f"{ph.cc} {' '.join(ph.intl_groups())}"
    return "", (ph.intl, ph.intl, ph.national, ph.e164)[how - (how > 3)]


def _words(groups: list[str], rng: random.Random, slip: float) -> list[str]:
    out = []
    for g in groups:
        style = (
            pick(rng, ("digits", "digits", "mixed", "pairs", "double")) if len(g) > 2 else "digits"
        )
        out.append(group(g, rng, style, slip))
    return out


def phone_groups_said(ph: Phone, rng: random.Random, row: Row) -> tuple[str, list[str]]:
    """(outside, said groups) of a number as raw speech: the first group carries the country
    code or the trunk 0 when said."""
    slip = 0.15 if maybe(rng, 0.15) else 0.0
    if slip:
        row.tags.add("phone.asr_slip")
    if ph.nanp:
        said = _words(ph.national_groups(), rng, slip)
        if maybe(rng, 0.15):
            row.tags.add("phone.intl.one")
            said[0] = "one " + said[0]
        return ("area code " if maybe(rng, 0.1) else ""), said
    how = pick(rng, ("plus", "plus", "plus", "double_oh", "zero_zero", "oh_one_one", "national"))
    row.tags.add(f"phone.intl.{how}")
    if how == "national":
        return "", _words(ph.national_groups(), rng, slip)
    outside = {"plus": "plus ", "double_oh": "double oh ", "zero_zero": "zero zero "}.get(
        how, "oh one one "
    )
    said = _words(ph.intl_groups(), rng, slip)
    said[0] = digits(ph.cc, rng) + pick(rng, (" ", ", ")) + said[0]
    return outside, said


def join(groups: list[str], rng: random.Random) -> str:
    return "".join(
        g + (pick(rng, SEPS) if i < len(groups) - 1 else "") for i, g in enumerate(groups)
    )


PHONE_LEADS = (
    "The best number to reach me is ",
    "You can get me on ",
    "My cell is ",
    "Try my mobile, it's ",
    "Call me back on ",
    "I'm on ",
    "It's a foreign number, ",
    "Use my daytime number, ",
)
PHONE_RAW_LEADS: tuple[str, ...] = (
    "yeah it's ",
    "um my number is ",
    "okay so it's ",
    "call me on ",
    "it's ",
)
PHONE_RAW_LEADS += ("so you can reach me at ", "mine is ", "hang on, it's ")
PHONE_TAILS = (".", ", that's my cell.", ", any time after lunch.", ".", ", it's a mobile.")
PHONE_ASKS = (
    "What's the best number to call you back on?",
    "In case the line drops, what number do I ring you back on?",
    "And a phone number for the crew to text on the day?",
    "Which number should go on the account?",
    "What number should the technician call when they're on the way?",
)


def say_phone(row: Row, rng: random.Random, c: Caller, raw: bool) -> None:
    """The caller gives their number: one of the ways people do, with the agent around it."""
    row.tags.add(f"phone.region.{c.region}")
    row.say("assistant", pick(rng, PHONE_ASKS))
    how = rng.randrange(10)
    if how <= 2 or (how == 9 and not raw):
        _phone_once(row, rng, c, raw)
        if maybe(rng, 0.5):
            _phone_readback(row, rng, c)
        return
    if how in (3, 4):
        _phone_split(row, rng, c, raw)
        return
    if how == 5:
        _phone_said_twice(row, rng, c, raw)
        return
    if how == 6:
        _phone_inline_fix(row, rng, c)
        return
    if how == 7:
        outside, label = phone_written(c.phone, rng, row)
        ext = str(rng.randrange(10, 9999))
        row.tags.add("phone.ext")
        row.say(
            "user",
            "It's my work line, ",
            outside,
            Pii("phone", label),
            ", extension ",
            Benign("extension", ext),
            ".",
        )
        row.say("assistant", "And the extension again?")
        row.say("user", Benign("extension", digits(ext, rng)), smart=False)
        return
    _phone_once(row, rng, c, True)
    _phone_echo(row, rng, c)


def _phone_once(row: Row, rng: random.Random, c: Caller, raw: bool) -> None:
    if raw:
        outside, said = phone_groups_said(c.phone, rng, row)
        row.tags.add("phone.said")
        row.say(
            "user",
            pick(rng, PHONE_RAW_LEADS),
            outside,
            Pii("phone", join(said, rng)),
            pick(rng, ("", " thanks", " that's the cell")),
            smart=False,
        )
    else:
        outside, label = phone_written(c.phone, rng, row)
        row.say(
            "user", pick(rng, PHONE_LEADS), outside, Pii("phone", label), pick(rng, PHONE_TAILS)
        )


def _phone_readback(row: Row, rng: random.Random, c: Caller) -> None:
    row.tags.add("phone.readback")
    text = c.phone.national if c.phone.nanp or maybe(rng, 0.4) else c.phone.intl
    row.say(
        "assistant",
        pick(rng, ("Let me read that back: ", "I have ", "So that's ")),
        Pii("phone", text),
        pick(rng, (". Correct?", ", is that right?", "?")),
    )
    if maybe(rng, 0.2):
        fixed = f"{rng.randrange(10000):04d}"
        row.say("user", "Not quite, the end is ", Benign("phone_last4_fix", fixed), ".")
        row.say("assistant", "Thanks, I've fixed the last four.")
    else:
        row.say("user", pick(rng, ("Yep, that's it.", "Correct.", "That's right.", "Yes.")))


def _phone_echo(row: Row, rng: random.Random, c: Caller) -> None:
    """The agent reads the number back; the caller confirms by saying its last four."""
    row.tags.add("phone.echo_last4")
    row.say(
        "assistant",
        "Just to confirm, ",
        Pii("phone", c.phone.e164 if maybe(rng, 0.4) else c.phone.national),
        "?",
    )
    last = c.phone.nsn[-4:]
    row.say("user", "yes ", Pii("phone", digits(last, rng)), " at the end", smart=False)


def _phone_split(row: Row, rng: random.Random, c: Caller, raw: bool) -> None:
    row.tags.add("phone.turns.2")
    if raw:
        outside, said = phone_groups_said(c.phone, rng, row)
    else:
        outside, label = phone_written(c.phone, rng, row)
        said = label.replace("-", " ").replace(".", " ").split(" ")
        said = [s for s in said if s]
    if len(said) < 2:
        _phone_once(row, rng, c, raw)
        return
    # a North American number breaks after the exchange: an area code alone recurs in many calls
    cut = 2 if c.phone.nanp and len(said) >= 3 else max(1, len(said) // 2)
    written = c.phone.national_groups() if c.phone.nanp else c.phone.intl_groups()
    first = join(said[:cut], rng) if raw else " ".join(said[:cut])
    rest = join(said[cut:], rng) if raw else " ".join(said[cut:])
    row.say(
        "user",
        pick(rng, ("okay it's ", "so ", "it's ")),
        outside,
        Pii("phone", first, True),
        pick(rng, ("...", ", and", "")),
        smart=not raw,
    )
    if maybe(rng, 0.4) and len(written) == len(said):
        row.tags.add("phone.agent_echo")
        echo = written[cut - 1]
        row.say("assistant", Pii("phone", echo, True), pick(rng, (", yes?", ", go on.", ", okay.")))
    else:
        row.say(
            "assistant",
            pick(rng, ("Mm-hm.", "Go on.", "Got those, carry on with the rest.", "Yes?")),
        )
    row.say("user", pick(rng, MORE), Pii("phone", rest, True), pick(rng, DONE), smart=not raw)


def _phone_said_twice(row: Row, rng: random.Random, c: Caller, raw: bool) -> None:
    """A whole number said wrong, then said right: two labels."""
    row.tags.add("phone.correction.repeat")
    if raw:
        outside, said = phone_groups_said(c.phone, rng, row)
        right = join(said, rng)
    else:
        outside, right = phone_written(c.phone, rng, row)
    wrong = mutate(right, rng)
    row.say(
        "user",
        pick(rng, PHONE_RAW_LEADS if raw else PHONE_LEADS),
        outside,
        Pii("phone", wrong),
        smart=not raw,
    )
    row.say(
        "assistant",
        pick(
            rng,
            (
                "That one didn't go through as a valid number.",
                "Hmm, the system says that number has too few digits?",
            ),
        ),
    )
    row.say(
        "user",
        pick(rng, ("sorry, my mistake, it's ", "oh, wait, ", "let me try again, ")),
        outside,
        Pii("phone", right),
        smart=not raw,
    )


def _phone_inline_fix(row: Row, rng: random.Random, c: Caller) -> None:
    """A group said wrong and put right inside one stretch: one label over it all."""
    row.tags.add("phone.correction.inline")
    outside, said = phone_groups_said(c.phone, rng, row)
    if len(said) < 2:
        said = said[0].split(" ", 3)
    at = 1 + rng.randrange(len(said) - 1)
    fixed = f"{mutate(said[at], rng)}{pick(rng, (', no sorry, ', ', no, ', ' wait, '))}{said[at]}"
    label = join([*said[:at], fixed, *said[at + 1 :]], rng)
    row.say("user", "it's ", outside, Pii("phone", label), smart=False)
    row.say("assistant", "Got the whole number down, thanks.")


def phone_typed(row: Row, rng: random.Random, c: Caller) -> None:
    """A number typed in a chat or a text message."""
    row.tags.add(f"phone.region.{c.region}")
    row.tags.add("typed")
    outside, label = phone_written(c.phone, rng, row)
    row.say(
        "user",
        pick(rng, ("my number: ", "pls call ", "cell ", "reach me at ", "")),
        outside,
        Pii("phone", typed(label, rng, row)),
        pick(rng, ("", " thx", " (mobile)", " !")),
    )
