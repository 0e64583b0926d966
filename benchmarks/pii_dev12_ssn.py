"""dev12's SSNs: said every way ("social", "SS number", "my SSN", "the tax ID is my social"),
in digits, words, pairs, "double", "oh", "dash" / "hyphen"; in one turn or over two or three
with the agent prompting between; corrected; read back; typed with spaces or dots; in tool
JSON under many keys; a spouse's, a child's, a dependent's; inside sentences with birth dates
and ZIPs. Their look-alikes are in pii_dev12_ssn_alike.py.
"""

from __future__ import annotations

import random

from pii_dev12_biz import BUSINESSES
from pii_dev12_call import Call, ask_id, close, greet, lookup, ok, resume, room, start
from pii_dev12_ids import dob, zip_code
from pii_dev12_kit import Num, digits, pick, speak, split, tool, words
from pii_dev12_num import ssn, ssn_said, ssn_typed
from pii_dev12_ssn_alike import alike
from pii_rows import Benign, Pii, Row, maybe

SSN_KINDS = (
    *("tax_prep", "payroll_hr", "bank", "credit_union", "mortgage", "health_insurer"),
    *("clinic", "university", "wireless", "utility", "property", "auto_insurer"),
)
SSN_BIZ = tuple(b for b in BUSINESSES if b.kind in SSN_KINDS)
ASK = (
    "Can you verify your Social Security number for me?",
    "To verify you I'll need your full social.",
    "What's the SSN on the account?",
    "I'll need the taxpayer ID on the return. Is that your social?",
    "Can I get your SS number to confirm it's you?",
    "And your Social Security number, please.",
    "To open this I need the primary account holder's social.",
    "Last thing for verification: the full nine digits of your social.",
)
SAY_RAW = (
    *("my social is ", "yeah my social's ", "the s s number is ", "my social security is "),
    *("ok my ssn is ", "the tax id is my social it's ", "it's my social security number "),
    *("my s s n ", "social is ", "um my social "),
)
SAY_SMART = (
    *("My social is ", "Sure, my SSN is ", "The SS number is ", "It's my Social Security, "),
    *("Tax ID is my social: ", "Okay, social security number ", "Yeah, it's "),
)
WHO = (
    *(("my wife's", "spouse"), ("my husband's", "spouse"), ("my son's", "child")),
    *(("my daughter's", "child"), ("my stepdaughter's", "dependent"), ("the baby's", "child")),
    *(("my mom's, she's my dependent,", "dependent"), ("my partner's", "spouse")),
)
KEYS = (
    *("ssn", "tin", "social", "taxpayer_id", "ssn_full", "applicant_ssn", "primary_ssn"),
    *("nationalId", "govt_id_number", "SSN"),
)


def _start(rng: random.Random, family: str, *tags: str, raw: bool | None = None) -> Call:
    c = start(rng, family, *tags, biz=pick(rng, SSN_BIZ), raw=raw)
    if maybe(rng, 0.6):
        greet(c)
    else:
        resume(c)
    return c


def _said(c: Call, s: str) -> str:
    if c.raw or maybe(c.rng, 0.7):
        text, style = ssn_said(c.rng, s, smart=not c.raw)
        c.row.tags.add(f"ssn.{style}")
    else:
        text, style = ssn_typed(c.rng, s)
        c.row.tags.add(f"ssn.typed.{style}")
    return text


def _lead(c: Call) -> str:
    return pick(c.rng, SAY_RAW if c.raw else SAY_SMART)


def _readback(c: Call, s: str, *, full: float = 0.6) -> None:
    """The agent reads it all back (a label) or only its last four (a look-alike)."""
    r = c.rng
    a, b, d = split(s, (3, 2, 4))
    if maybe(r, full):
        text = pick(
            r, (f"{a}-{b}-{d}", f"{a} {b} {d}", f"{' '.join(a)}, {' '.join(b)}, {' '.join(d)}")
        )
        c.bot(
            pick(r, ("I have ", "Let me read it back: ", "So that's ")),
            Pii("ssn", text),
            pick(r, ("?", ", correct?", ".")),
        )
        c.row.tags.add("ssn.readback")
    else:
        c.bot(
            pick(r, ("Thank you, the one ending in ", "Got it, ending ", "Okay, last four ")),
            Benign("ssn_last_four", d),
            pick(r, (", matches what we have.", ".", "?")),
        )
    c.user(ok(r))


def _alikes(c: Call, n: int) -> None:
    has = any(p["kind"] == "ssn" for p in c.row.pii)
    for _ in range(n):
        if room(c, 4):
            alike(c, has_ssn=has)


def one_turn(rng: random.Random) -> Row:
    c = _start(rng, "d12.ssn.one_turn", "ssn.turns.one")
    if maybe(rng, 0.5):
        ask_id(c)
    s = ssn(rng)
    c.bot(pick(rng, ASK))
    tail = ("", ".", " i think that's right", " and that's it", ", that's the one on my card")
    c.user(_lead(c), Pii("ssn", _said(c, s)), pick(rng, tail))
    _readback(c, s)
    _alikes(c, rng.randrange(1, 4))
    close(c)
    return c.row


def over_turns(rng: random.Random) -> Row:
    """Groups said over two or three turns, the agent prompting (or echoing) between."""
    three = maybe(rng, 0.5)
    c = _start(rng, "d12.ssn.turns", "ssn.turns.three" if three else "ssn.turns.two", "split")
    _alikes(c, rng.randrange(0, 3))
    s = ssn(rng)
    a, b, d = split(s, (3, 2, 4))
    c.bot(pick(rng, ASK))
    pieces = [a, b, d] if three else pick(rng, ([a + b, d], [a, b + d]))
    for i, g in enumerate(pieces):
        text = speak(g, rng) if c.raw or maybe(rng, 0.5) else g
        lead = _lead(c) if i == 0 else pick(rng, ("", "then ", "and ", "okay ", "uh "))
        c.user(lead, Pii("ssn", text, split=True), pick(rng, ("", "", " got that?", " okay")))
        if i == len(pieces) - 1:
            break
        if maybe(rng, 0.3):  # the agent's echo of a group is a piece of the number
            c.bot(
                Pii("ssn", " ".join(g), split=True),
                pick(rng, (", okay.", ", got it, go on.", ". Next?")),
            )
            c.row.tags.add("ssn.echo")
        else:
            nxt = (
                f"And the middle two, {c.first}?"
                if i == 0 and three
                else f"And the last four, {c.first}?"
            )
            c.bot(pick(rng, ("Okay, go ahead.", "Mm-hm, and then?", nxt, "Take your time.")))
    if maybe(rng, 0.5):
        _readback(c, s)
    _alikes(c, rng.randrange(1, 3))
    close(c)
    return c.row


def corrected(rng: random.Random) -> Row:
    c = _start(rng, "d12.ssn.corrected", "ssn.correction")
    s = ssn(rng)
    a, b, d = split(s, (3, 2, 4))
    wrong = b[::-1] if b[0] != b[1] else f"{(int(b) + 11) % 90 + 10}"
    c.bot(pick(rng, ASK))
    how = rng.randrange(3)

    def w(g: str) -> str:
        return words(g, rng) if c.raw else g

    if how == 0:  # one stretch: the wrong group, the words, the right group (one label)
        fix = pick(rng, (" no wait ", ", sorry, ", " uh no the middle is ", ", no, scratch that, "))
        c.user(_lead(c), Pii("ssn", f"{w(a)} {w(wrong)}{fix}{w(b)} {w(d)}"))
        c.row.tags.add("ssn.correction.inline")
    elif how == 1:  # said wrong, said again whole: labelled twice
        c.user(_lead(c), Pii("ssn", f"{w(a)} {w(wrong)} {w(d)}"))
        c.bot(
            pick(
                rng,
                (
                    "Hmm, that one isn't matching what we have on file.",
                    f"That doesn't match our records, {c.first}. Can you double-check?",
                ),
            )
        )
        again = pick(rng, (", so ", ". so the whole thing is ", ", that makes it "))
        c.user(
            pick(rng, ("oh sorry the middle is ", "wait i flipped it, it's ")),
            w(b),
            again,
            Pii("ssn", f"{w(a)} {w(b)} {w(d)}"),
        )
        c.row.tags.add("ssn.correction.repeat")
    else:  # the agent's read-back is wrong; the caller fixes the middle; the agent reads again
        c.user(_lead(c), Pii("ssn", _said(c, s)))
        c.bot("I have ", Pii("ssn", f"{a}-{wrong}-{d}"), ", correct?")
        c.user(pick(rng, ("no the middle two are ", "not quite, middle's ")), w(b))
        c.bot("Sorry about that. ", Pii("ssn", f"{a}-{b}-{d}"), ".")
        c.row.tags.add("ssn.correction.readback")
    _alikes(c, rng.randrange(1, 4))
    close(c)
    return c.row


def typed_chat(rng: random.Random) -> Row:
    """A chat session: typed turns, the SSN with spaces, dots, dashes or none."""
    c = start(rng, "d12.ssn.typed", "typed", biz=pick(rng, SSN_BIZ), raw=False)
    c.bot(f"Hi, you're chatting with {c.agent} at {c.name}. What can I help with?")
    c.user(f"hi, {pick(rng, c.biz.reasons)}")
    _alikes(c, 1)
    s = ssn(rng)
    c.bot(pick(rng, ASK))
    text, style = ssn_typed(rng, s)
    c.row.tags.add(f"ssn.typed.{style}")
    after: list[str | Benign] = []
    if maybe(rng, 0.3):
        after = [pick(rng, (" dob ", ", born ")), dob(rng, smart=True)]
    c.user(pick(rng, ("", "ssn ", "its ", "social: ", "SSN is ")), Pii("ssn", text), *after)
    _alikes(c, rng.randrange(1, 3))
    close(c)
    return c.row


def in_tool(rng: random.Random) -> Row:
    c = _start(rng, "d12.ssn.tool", "tool")
    s = ssn(rng)
    c.bot(pick(rng, ASK))
    c.user(_lead(c), Pii("ssn", _said(c, s)))
    key = pick(rng, KEYS)
    a, b, d = split(s, (3, 2, 4))
    value = Pii("ssn", pick(rng, (s, f"{a}-{b}-{d}", f"{a} {b} {d}")))
    args: dict[str, object] = {key: value}
    if maybe(rng, 0.5):
        args = {"applicant": {"name": f"{c.first} {c.last}", key: value}}
    born = f"{rng.randrange(1945, 2004)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    args["dob"] = Benign("dob", born)
    result = {
        "match": True,
        "score": rng.randrange(80, 100),
        "verification_id": Num(Benign("verification_id", digits(rng, 10))),
    }
    name = pick(rng, ("verify_identity", "credit_check", "kyc_verify", "tin_match"))
    tool(c.row, name, args, result)
    c.row.tags.add(f"ssn.json.{key}")
    c.bot(
        pick(
            rng,
            (
                "Thanks, you're verified.",
                f"Okay {c.first}, that matched.",
                "You're all set on the verification.",
            ),
        )
    )
    _alikes(c, rng.randrange(1, 4))
    close(c)
    return c.row


def dependent(rng: random.Random) -> Row:
    c = _start(rng, "d12.ssn.dependent", "ssn.someone_else")
    who, rel = pick(rng, WHO)
    c.row.tags.add(f"ssn.of.{rel}")
    c.bot(
        pick(
            rng,
            (
                "To add a dependent I'll need their Social Security number and date of birth.",
                f"For the {rel} I need a social and a birth date, {c.first}.",
            ),
        )
    )
    s = ssn(rng)
    lead = pick(rng, (f"okay {who} social is ", f"{who} ss number is ", f"sure {who} is "))
    c.user(
        lead,
        Pii("ssn", _said(c, s)),
        pick(rng, (" and birthday is ", ", born ")),
        dob(rng, smart=not c.raw),
    )
    if maybe(rng, 0.5):
        _readback(c, s, full=0.7)
    if maybe(rng, 0.4):  # the caller's own as well
        c.bot(
            pick(
                rng,
                ("And yours as the policyholder?", "And your own social, as the account holder?"),
            )
        )
        c.user(pick(rng, ("mine is ", "and my social is ")), Pii("ssn", _said(c, ssn(rng))))
    _alikes(c, rng.randrange(1, 3))
    close(c)
    return c.row


def in_sentence(rng: random.Random) -> Row:
    """The SSN inside a longer sentence, with a birth date and a ZIP around it."""
    c = _start(rng, "d12.ssn.sentence", "ssn.with_numbers")
    s = ssn(rng)
    c.bot(
        pick(
            rng,
            (
                "I'll need your date of birth, social, and the ZIP on the account.",
                "Can you give me your birth date, Social Security number and billing ZIP?",
            ),
        )
    )
    smart = not c.raw
    born, zipc, said = dob(rng, smart=smart), zip_code(rng, smart=smart), Pii("ssn", _said(c, s))
    order = rng.randrange(3)
    if order == 0:
        c.user(
            pick(rng, ("okay born ", "birthday's ")),
            born,
            pick(rng, (", social ", " and the social is ")),
            said,
            pick(rng, (", zip ", " and zip code ")),
            zipc,
        )
    elif order == 1:
        c.user(
            _lead(c),
            said,
            pick(rng, (" zip is ", ", and i'm in ")),
            zipc,
            pick(rng, (", date of birth ", " and i was born ")),
            born,
        )
    else:
        c.user(
            pick(rng, ("zip ", "it's ")),
            zipc,
            pick(rng, (" then ", ", ")),
            born,
            pick(rng, (" and my social ", ", ssn ")),
            said,
        )
    _readback(c, s, full=0.4)
    _alikes(c, rng.randrange(1, 3))
    close(c)
    return c.row


def alikes_only(rng: random.Random) -> Row:
    """A call that talks about taxes and ids but holds no SSN at all."""
    c = _start(rng, "d12.ssn.alikes_only", "aim.ssn_precision")
    _alikes(c, rng.randrange(3, 6))
    if maybe(rng, 0.4) and room(c, 2):
        lookup(c)
    close(c)
    return c.row


def spelled_numbers(rng: random.Random) -> Row:
    """Words only, "oh" and "double" often, "dash" or "hyphen" between the groups."""
    c = _start(rng, "d12.ssn.words", "ssn.said.words_only", raw=True)
    s = ssn(rng)
    joint = pick(rng, (" dash ", " hyphen ", " ", " "))
    text = joint.join(words(g, rng, oh=0.9, double=0.6) for g in split(s, (3, 2, 4)))
    c.bot(pick(rng, ASK))
    c.user(pick(rng, ("okay ", "alright ")), pick(rng, SAY_RAW), Pii("ssn", text))
    _readback(c, s)
    _alikes(c, rng.randrange(1, 3))
    close(c)
    return c.row
