"""dev6's email families (benchmarks/pii_corpus.py, part `dev6`): addresses as callers say them.

Written from how people read an address to a stranger on the phone and how speech-to-text
writes it, not from the rules: "at", "at sign", "at the rate (of)"; "dot", "period", "point",
"full stop"; underscores, dashes and hyphens said as words; spelled letters (plain, hyphenated,
NATO words, "j as in juliet", "p for peter"); digits said as words; the provider split by the
recogniser ("g mail", "hot mail", "out look", "i cloud", "proton mail", "ya hoo"); company,
university and government domains, multi-label domains (.co.uk, .com.au, .ac.uk, .org.nz) and
rarer endings (.io, .ca, .de, .nl, .fm); no ending at all ("at gmail"); "all one word" after it;
corrections, read-backs, two turns, tool calls and typed chat (including `[at]` obfuscation).

An address is a local part (tokens) and a domain (labels); `spoken` and `typed` render it. The
label is the address as written in the turn, asides inside it included ("that's p r i y a").
"""

from __future__ import annotations

import json
import random

from pii_rows import Pii, Retry, Row, maybe
from pii_speech import WORDS, two_digits

NATO = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november "
        "oscar papa quebec romeo sierra tango uniform victor whiskey x-ray yankee zulu".split(),
        strict=True,
    )
)
# what a caller says after "as in" / "for" when not a NATO word
PLAIN = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        "apple boy cat dog edward frank george harry ice jack king london mary nancy orange "
        "peter queen robert sugar tom umbrella victor william xylophone yellow zebra".split(),
        strict=True,
    )
)
FIRST = (
    "priya siobhan mateus aisha ingrid thabo kiri rory gwen kofi marisol anneke jurgen fatima "
    "eamon leilani dmitri beatriz chloe yusuf hannelore babajide svetlana duc wren tomasz "
    "oluwaseun margarethe rafferty noor"
).split()
LAST = (
    "okafor nguyen kowalski lindqvist tanaka fernandez mwangi haddad rasmussen oyelaran wojcik "
    "patel mcallister delacroix zhang brennan achterberg castellanos oduya hakimi vandermeer "
    "szabo ferreira mbeki takahashi"
).split()
WORDY = "sunnyday bluefin kiwibird mapleleaf nightowl redkite stormchaser tealcup".split()
# provider -> (domain labels, how the recogniser writes the provider's name)
PROVIDERS = {
    "gmail": (["gmail", "com"], ["gmail", "g mail", "gee mail", "g-mail"]),
    "hotmail": (["hotmail", "com"], ["hotmail", "hot mail"]),
    "hotmail_uk": (["hotmail", "co", "uk"], ["hotmail", "hot mail"]),
    "outlook": (["outlook", "com"], ["outlook", "out look"]),
    "icloud": (["icloud", "com"], ["icloud", "i cloud", "eye cloud"]),
    "proton": (["protonmail", "com"], ["protonmail", "proton mail"]),
    "yahoo": (["yahoo", "com"], ["yahoo", "ya hoo"]),
    "yahoo_uk": (["yahoo", "co", "uk"], ["yahoo", "ya hoo"]),
    "bt": (["btinternet", "com"], ["bt internet", "b t internet"]),
    "gmx": (["gmx", "de"], ["g m x", "gmx"]),
    "webde": (["web", "de"], ["web"]),
    "bigpond": (["bigpond", "com", "au"], ["bigpond", "big pond"]),
    "xtra": (["xtra", "co", "nz"], ["xtra", "extra"]),
    "shaw": (["shaw", "ca"], ["shaw", "shore"]),
    "ziggo": (["ziggo", "nl"], ["ziggo", "zigo"]),
    "rediff": (["rediffmail", "com"], ["rediffmail", "rediff mail", "ready mail"]),
    "fastmail": (["fastmail", "fm"], ["fastmail", "fast mail"]),
    "virgin": (["virginmedia", "com"], ["virginmedia", "virgin media"]),
    "comcast": (["comcast", "net"], ["comcast", "com cast"]),
    "aol": (["aol", "com"], ["aol", "a o l"]),
}
# company, university and public-sector domains (tag email.domain.org)
ORGS = {
    "northwind": (["northwindtraders", "com"], ["northwind traders", "northwindtraders"]),
    "brightpath": (["brightpath", "io"], ["brightpath", "bright path"]),
    "kaimana": (["kaimana", "org", "nz"], ["kaimana", "kai mana"]),
    "unimelb": (
        ["student", "unimelb", "edu", "au"],
        ["student dot unimelb", "student dot uni melb"],
    ),
    "oxford": (["ox", "ac", "uk"], ["ox", "o x"]),
    "mcgill": (["mail", "mcgill", "ca"], ["mail dot mcgill", "mail dot mc gill"]),
    "tum": (["tum", "de"], ["tum", "t u m"]),
    "nhs": (["nhs", "net"], ["nhs", "n h s"]),
    "haulage": (
        ["fenwick-haulage", "co", "uk"],
        ["fenwick dash haulage", "fenwick hyphen haulage"],
    ),
    "dairy": (["vanderbergdairy", "nl"], ["vanderberg dairy", "vander berg dairy"]),
}
# how a spoken suffix label is said (first: as written)
SUFFIX = {
    "uk": ["uk", "u k"],
    "au": ["au", "a u"],
    "nz": ["nz", "n z"],
    "de": ["de", "d e"],
    "nl": ["nl", "n l"],
    "io": ["io", "i o", "eye oh"],
    "ca": ["ca", "c a"],
    "fm": ["fm", "f m"],
    "ac": ["ac", "a c"],
    "edu": ["edu", "e d u"],
    "org": ["org", "o r g"],
}
AT = ["at", "at", "at", "at sign", "at the rate", "at the rate of", "at symbol", "@"]
DOT = ["dot", "dot", "dot", "period", "point", "full stop"]
SEP_WORDS = {".": DOT, "_": ["underscore", "under score"], "-": ["dash", "hyphen", "minus"]}
TRAILERS = ["all one word", "no spaces", "all lower case", "all one word no capitals"]


def local_tokens(rng: random.Random) -> tuple[list[tuple[str, str]], str]:
    """A local part as tokens ('w' word, 's' separator, 'n' digits) and its shape tag."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    shape = rng.choice(["first.last", "first_last", "flast", "first-last", "firstnum", "word"])
    sep = {"first.last": ".", "first_last": "_", "first-last": "-"}.get(shape)
    if sep:
        toks = [("w", first), ("s", sep), ("w", last)]
    elif shape == "flast":
        toks = [("w", first[0] + last)]
    elif shape == "firstnum":
        toks = [("w", first), ("n", rng.choice(["84", "1987", "22", "07", "2001", "5"]))]
    else:
        toks = [("w", rng.choice(WORDY))]
        if maybe(rng, 0.5):
            toks.append(("n", str(rng.randint(10, 99))))
    return toks, shape


def say_number(digits: str, rng: random.Random) -> tuple[str, str]:
    style = rng.choice(["digits", "words", "pairs"])
    if style == "digits":
        return digits, "email.digits.written"
    if style == "pairs" and len(digits) in (2, 4) and digits[0] != "0":
        return " ".join(two_digits(digits[i : i + 2]) for i in range(0, len(digits), 2)), (
            "email.digits.pairs"
        )
    return " ".join(WORDS[int(d)] for d in digits), "email.digits.words"


def spell_word(word: str, rng: random.Random, tags: set[str]) -> str:
    style = rng.choice(["plain", "plain", "hyphen", "nato", "as_in", "upper"])
    letters = [c for c in word if c.isalpha()]
    tags.add(f"email.spelled.{style}")
    if style == "hyphen":
        return "-".join(letters)
    if style == "upper":
        return " ".join(c.upper() for c in letters)
    if style == "nato":
        return " ".join(NATO[c] for c in letters)
    if style == "as_in":  # only some letters explained, as people do
        how = rng.choice(["as in", "for", "like"])
        return " ".join(
            f"{c} {how} {rng.choice([NATO, PLAIN])[c]}" if maybe(rng, 0.4) else c for c in letters
        )
    return " ".join(letters)


def spoken_local(toks: list[tuple[str, str]], rng: random.Random, tags: set[str]) -> str:
    out = []
    spell = maybe(rng, 0.35)
    dot = rng.choice(DOT)
    for kind, text in toks:
        if kind == "s":
            out.append(dot if text == "." else rng.choice(SEP_WORDS[text]))
            tags.add(
                {".": "email.sep.dot", "_": "email.sep.underscore"}.get(text, "email.sep.dash")
            )
        elif kind == "n":
            said, tag = say_number(text, rng)
            out.append(said)
            tags.add(tag)
        elif spell and len(text) <= 9:
            out.append(spell_word(text, rng, tags))
        else:
            out.append(text)
    return " ".join(out)


def spoken_domain(labels: list[str], names: list[str], rng: random.Random, tags: set[str]) -> str:
    """The domain after 'at': the provider as the recogniser wrote it, then its endings."""
    name = rng.choice(names)
    if name != names[0]:
        tags.add("email.domain.asr_split")
    rest = labels[len(name.split(" dot ")) :] if " dot " in name else labels[1:]
    if rng.random() < 0.08:
        tags.add("email.ending.missing")
        return name
    dot = rng.choice(["dot", "dot", "dot", "period", "point"])
    if len(rest) > 1:
        tags.add("email.domain.multi")
    if rest[-1] not in ("com", "net"):
        tags.add(f"email.ending.{rest[-1]}")
    ends = [rng.choice(SUFFIX.get(label, [label])) for label in rest]
    if len(rest) > 1 and maybe(rng, 0.15):
        tags.add("email.domain.no_inner_dot")  # "co uk"
        return f"{name} {dot} {' '.join(ends)}"
    if maybe(rng, 0.12):
        tags.add("email.ending.typed")  # the recogniser wrote ".com" itself
        return f"{name}.{'.'.join(rest)}"
    return f"{name} " + " ".join(f"{dot} {e}" for e in ends)


def typed(toks: list[tuple[str, str]], labels: list[str], rng: random.Random) -> str:
    local = "".join(t for _, t in toks)
    if maybe(rng, 0.2):
        local = local.capitalize()
    return f"{local}@{'.'.join(labels)}"


def address(rng: random.Random, tags: set[str], *, org: float = 0.25) -> tuple[str, str]:
    """(spoken, typed) forms of one new address."""
    toks, shape = local_tokens(rng)
    tags.add(f"email.local.{shape}")
    if maybe(rng, org):
        labels, names = ORGS[rng.choice(sorted(ORGS))]
        tags.add("email.domain.org")
    else:
        labels, names = PROVIDERS[rng.choice(sorted(PROVIDERS))]
    at = rng.choice(AT)
    tags.add(f"email.at.{at.replace(' ', '_').replace('@', 'symbol_typed')}")
    if maybe(rng, 0.15):  # mixed: the recogniser wrote the local part as typed
        local = "".join(t for _, t in toks)
        tags.add("email.mixed")
    else:
        local = spoken_local(toks, rng, tags)
    spoken = f"{local} {at} {spoken_domain(labels, names, rng, tags)}"
    if at == "@":
        spoken = spoken.replace(" @ ", "@")
    return spoken, typed(toks, labels, rng)


ASK = [
    "And what email should the receipt go to?",
    "Could you give me an email I can send the confirmation to?",
    "What's the best email for you these days?",
    "Which email address is on the account, please?",
    "Lovely. And an email address for the booking?",
]
LEAD = ["yeah it's ", "sure it's ", "okay so it is ", "um it's ", "it's ", "right so ", ""]


def email_said(rng: random.Random) -> Row:
    """One address said by the caller, maybe with a trailer ('all one word')."""
    row = Row("d6_email_said", {"email", "voice"})
    spoken, _ = address(rng, row.tags)
    row.say("assistant", rng.choice(ASK))
    tail = ""
    if maybe(rng, 0.3):
        tail = f" {rng.choice(TRAILERS)}"
        row.tags.add("email.trailer")
    row.say("user", rng.choice(LEAD), Pii("email", spoken), tail, smart=False)
    return row


def email_readback(rng: random.Random) -> Row:
    """Said, then read back by the agent (typed by the model), maybe confirmed."""
    row = Row("d6_email_readback", {"email", "voice", "email.readback"})
    spoken, text = address(rng, row.tags)
    row.say("assistant", rng.choice(ASK))
    row.say("user", rng.choice(LEAD), Pii("email", spoken), smart=False)
    before, after = rng.choice(
        [("Thanks, I have ", ". Is that right?"), ("So that's ", ", correct?"), ("Got it: ", ".")]
    )
    row.say("assistant", before, Pii("email", text), after)
    row.say("user", rng.choice(["yep", "that's it", "yes perfect", "correct"]), smart=False)
    return row


def email_correction(rng: random.Random) -> Row:
    """The agent gets one letter wrong, the caller corrects it by a letter, the agent repeats."""
    row = Row("d6_email_correction", {"email", "voice", "email.correction"})
    toks, shape = local_tokens(rng)
    row.tags.add(f"email.local.{shape}")
    word = next(t for k, t in toks if k == "w")
    i = rng.randrange(len(word))
    wrong_letter = rng.choice([c for c in "mnbdptsf" if c != word[i]])
    wrong = [(k, t.replace(word, word[:i] + wrong_letter + word[i + 1 :], 1)) for k, t in toks]
    labels, names = PROVIDERS[rng.choice(sorted(PROVIDERS))]
    row.say("assistant", rng.choice(ASK))
    row.say(
        "user",
        Pii(
            "email",
            f"{spoken_local(toks, rng, row.tags)} at {names[0]} "
            + " ".join(f"dot {label}" for label in labels[1:]),
        ),
        smart=False,
    )
    row.say("assistant", "Okay, ", Pii("email", typed(wrong, labels, rng)), "?")
    fix = rng.choice(
        [
            f"no sorry that's {word[i]} not {wrong_letter}",
            f"no it's {word[i]} as in {NATO[word[i]]} not {wrong_letter}",
            f"nearly it's {word[i]} for {PLAIN[word[i]]}",
        ]
    )
    row.say("user", fix, smart=False)
    row.say("assistant", "Sorry about that, ", Pii("email", typed(toks, labels, rng)), ".")
    return row


def email_two_turns(rng: random.Random) -> Row:
    """The local part in one turn, the domain in the next (the recogniser cut at a pause)."""
    row = Row("d6_email_two_turns", {"email", "voice", "split"})
    spoken, _ = address(rng, row.tags)
    cut = spoken.find(" at ") if " at " in spoken else spoken.find(" ", len(spoken) // 2)
    if cut < 0:
        raise Retry(spoken)
    row.say("assistant", rng.choice(ASK))
    row.say("user", "it's ", Pii("email", spoken[:cut], split=True), smart=False)
    if maybe(rng, 0.6):
        row.say("assistant", rng.choice(["Mm-hm.", "Go on.", "Okay...", "Yes?"]))
        row.say("user", Pii("email", spoken[cut + 1 :], split=True), smart=False)
    else:
        row.say("user", Pii("email", spoken[cut + 1 :], split=True), smart=False)
    return row


def email_tool(rng: random.Random) -> Row:
    """An address in a tool call's arguments and its output JSON."""
    row = Row("d6_email_tool", {"email", "tool"})
    spoken, text = address(rng, row.tags)
    row.say("user", "my email is ", Pii("email", spoken), smart=False)
    key = rng.choice(["email", "emailAddress", "contact_email", "customer_email"])
    head = json.dumps({key: ""})[:-2]  # '{"email": "'
    fn = rng.choice(["find_customer", "update_contact", "send_receipt"])
    out = json.dumps({"status": "ok", "matched": True})
    row.say("tool", f"{fn}({head}", Pii("email", text), f'"}}) -> {out}')
    return row


def email_typed(rng: random.Random) -> Row:
    """Typed chat: as written, spaced out, or obfuscated with [at] / (dot)."""
    row = Row("d6_email_typed", {"email", "typed"})
    _, text = address(rng, set())  # only the typed form is used: no spoken tags
    local, domain = text.split("@")
    style = rng.choice(["plain", "plain", "spaced", "brackets", "parens", "words"])
    row.tags.add(f"email.typed.{style}")
    shown = {
        "plain": text,
        "spaced": f"{local} @ {domain}",
        "brackets": f"{local}[at]{domain.replace('.', '[dot]')}",
        "parens": f"{local} (at) {domain.replace('.', ' (dot) ')}",
        "words": f"{local} at {domain.replace('.', ' dot ')}",
    }[style]
    lead = rng.choice(["Email: ", "you can reach me on ", "Its ", "pls send it to ", ""])
    row.say("user", lead, Pii("email", shown), rng.choice(["", " thanks", ".", " ty!"]))
    return row


def email_aside(rng: random.Random) -> Row:
    """The caller says a word then spells it inside the address ('patel, that's p a t e l')."""
    row = Row("d6_email_aside", {"email", "voice", "email.aside"})
    first, last = rng.choice(FIRST), rng.choice(LAST)
    labels, names = PROVIDERS[rng.choice(sorted(PROVIDERS))]
    spelled = spell_word(last, rng, row.tags)
    text = f"{first} dot {last} that's {spelled} at {rng.choice(names)} " + " ".join(
        f"dot {e}" for e in labels[1:]
    )
    row.say("assistant", rng.choice(ASK))
    row.say("user", Pii("email", text), smart=False)
    return row


FAMILIES = {
    "d6_email_said": (email_said, 6),
    "d6_email_readback": (email_readback, 4),
    "d6_email_correction": (email_correction, 2),
    "d6_email_two_turns": (email_two_turns, 3),
    "d6_email_tool": (email_tool, 2),
    "d6_email_typed": (email_typed, 4),
    "d6_email_aside": (email_aside, 2),
}
