"""dev9 spoken emails: every way callers say an address, and email look-alikes."""

from __future__ import annotations

import random

from pii_dev9_phone import COMPANIES, give_phone
from pii_dev9_say import ONES, int_words
from pii_rows import Benign, Pii, Row, maybe, raw

FIRST = [
    "john",
    "sarah",
    "mohammed",
    "priya",
    "kevin",
    "olga",
    "tomas",
    "aisha",
    "li",
    "matthew",
    "rebecca",
    "dmitri",
    "fatima",
    "connor",
    "yuki",
    "grace",
    "carlos",
    "ngozi",
    "emma",
    "raj",
    "hannah",
    "lars",
    "sofia",
    "jamal",
    "anne",
    "pedro",
    "kiri",
    "bella",
    "tariq",
    "jessica",
    "ollie",
    "marta",
    "kwame",
    "phillip",
    "allison",
    "jenny",
    "siobhan",
    "ahmed",
]
LAST = [
    "smith",
    "oconnor",
    "patel",
    "nguyen",
    "kowalski",
    "johansson",
    "okafor",
    "garcia",
    "williams",
    "kim",
    "tanaka",
    "russo",
    "mensah",
    "haddad",
    "murphy",
    "fischer",
    "silva",
    "ivanova",
    "brown",
    "lee",
    "walker",
    "hughes",
    "moretti",
    "svensson",
    "carter",
    "abbott",
    "bennett",
    "kaur",
    "reyes",
    "dunn",
    "hall",
    "mitchell",
]
WORDS = [
    "blue",
    "river",
    "sunny",
    "tiger",
    "happy",
    "golden",
    "oak",
    "star",
    "red",
    "fox",
    "moon",
    "rock",
    "surf",
    "lucky",
    "green",
    "wolf",
    "crazy",
    "silver",
]
BIZ = [
    ["blue", "river", "plumbing"],
    ["harbor", "view", "dental"],
    ["smith", "and", "sons"],
    ["top", "notch", "roofing"],
    ["green", "leaf", "cafe"],
    ["north", "star", "legal"],
    ["bright", "smile", "clinic"],
    ["acorn", "builders"],
    ["pine", "ridge", "farm"],
    ["swift", "couriers"],
    ["cobalt", "design"],
    ["maple", "accounting"],
]
PROVIDERS = [
    ("gmail", ["gmail", "g mail", "gee mail"], ["com"]),
    ("hotmail", ["hotmail", "hot mail"], ["com", "co.uk"]),
    ("yahoo", ["yahoo"], ["com", "co.uk", "com.au", "ca"]),
    ("outlook", ["outlook", "out look"], ["com"]),
    ("icloud", ["icloud", "i cloud"], ["com"]),
    ("protonmail", ["proton mail", "protonmail"], ["com"]),
    ("proton", ["proton"], ["me"]),
    ("aol", ["a o l", "aol"], ["com"]),
    ("live", ["live"], ["com", "co.uk"]),
    ("btinternet", ["bt internet", "b t internet"], ["com"]),
    ("comcast", ["comcast"], ["net"]),
    ("sbcglobal", ["sbc global", "s b c global"], ["net"]),
    ("bigpond", ["bigpond", "big pond"], ["com"]),
    ("xtra", ["xtra", "extra"], ["co.nz"]),
    ("gmx", ["g m x", "gmx"], ["de", "at", "ch"]),
    ("web", ["web"], ["de"]),
    ("orange", ["orange"], ["fr"]),
    ("mail", ["mail"], ["ru"]),
    ("yandex", ["yandex"], ["ru"]),
    ("naver", ["naver"], ["com"]),
    ("shaw", ["shaw"], ["ca"]),
    ("rogers", ["rogers"], ["com"]),
    ("wp", ["w p"], ["pl"]),
    ("sapo", ["sapo"], ["pt"]),
    ("ymail", ["y mail", "ymail"], ["com"]),
]
TLD_SAY = {
    "co": ["co"],
    "uk": ["uk", "u k"],
    "au": ["au", "a u"],
    "nz": ["nz", "n z"],
    "com": ["com"],
    "net": ["net"],
    "ca": ["ca", "c a"],
    "de": ["de", "d e"],
    "fr": ["fr", "f r"],
    "ru": ["ru", "r u"],
    "pl": ["pl", "p l"],
    "pt": ["pt", "p t"],
    "me": ["me"],
    "org": ["org"],
    "at": ["at", "a t"],
    "ch": ["ch", "c h"],
    "io": ["io", "i o"],
}
NATO = {
    "a": ["alpha", "apple"],
    "b": ["bravo", "boy"],
    "c": ["charlie", "cat"],
    "d": ["delta", "dog"],
    "e": ["echo", "edward"],
    "f": ["foxtrot", "frank"],
    "g": ["golf", "george"],
    "h": ["hotel", "harry"],
    "i": ["india", "igloo"],
    "j": ["juliet", "john"],
    "k": ["kilo", "king"],
    "l": ["lima", "london"],
    "m": ["mike", "mary"],
    "n": ["november", "nancy"],
    "o": ["oscar", "orange"],
    "p": ["papa", "peter"],
    "q": ["quebec", "queen"],
    "r": ["romeo", "robert"],
    "s": ["sierra", "sugar"],
    "t": ["tango", "tom"],
    "u": ["uniform", "umbrella"],
    "v": ["victor", "victoria"],
    "w": ["whiskey", "william"],
    "x": ["x-ray", "xylophone"],
    "y": ["yankee", "yellow"],
    "z": ["zulu", "zebra"],
}
ASK_MAIL = [
    "And what email address should I use?",
    "Where should the confirmation email go?",
    "What's the best email to send the receipt to?",
    "Could I get your email address?",
    "And an email, so we can send you the link?",
]
GIVE_MAIL = [
    "Sure, it's ",
    "Yeah, it's ",
    "It's ",
    "My email is ",
    "OK, ",
    "Email is ",
    "Yep, so it's ",
    "It'd be ",
]


class Mail:
    """An address as tokens: ('w', written, spoken options) / ('s', symbol) / ('n', digits)."""

    def __init__(self, local: list, domain: list):
        self.local, self.domain = local, domain

    def written(self) -> str:
        return "".join(t[1] for t in self.local) + "@" + "".join(t[1] for t in self.domain)


def make_mail(rng: random.Random, biz: bool = False, country: bool = False) -> Mail:
    f, ln = rng.choice(FIRST), rng.choice(LAST)
    x = rng.random()
    sep = ("s", rng.choice([".", ".", ".", "_", "-"]))
    if x < 0.3:
        local = [("w", f, [f]), sep, ("w", ln, [ln])]
    elif x < 0.45:
        local = [("w", f + ln, [f"{f} {ln}"])]
    elif x < 0.58:
        local = (
            [("w", f[0], [f[0]]), ("w", ln, [ln])]
            if maybe(rng, 0.5)
            else [("w", f[0] + ln, [f"{f[0]} {ln}"])]
        )
    elif x < 0.75:
        n = str(rng.choice([rng.randint(1, 99), rng.randint(1960, 2010), rng.randint(100, 999)]))
        local = (
            [("w", f, [f]), ("n", n)]
            if maybe(rng, 0.5)
            else [("w", f, [f]), sep, ("w", ln, [ln]), ("n", n)]
        )
    elif x < 0.87:
        a, b = rng.sample(WORDS, 2)
        local = [("w", a + b, [f"{a} {b}"]), ("n", str(rng.randint(1, 999)))]
    else:
        local = [("w", ln, [ln]), sep, ("w", f, [f])]
    if biz or (not country and maybe(rng, 0.18)):
        words = rng.choice(BIZ)
        tld = rng.choice(["com", "com", "co.uk", "net", "org", "com.au", "ca", "io", "co.nz"])
        domain = [("w", "".join(words), [" ".join(words)])]
        if maybe(rng, 0.5):
            local = (
                [("w", f, [f])]
                if maybe(rng, 0.6)
                else [("w", rng.choice(["info", "office", "accounts", "bookings"]), None)]
            )
    else:
        name, says, tlds = rng.choice(PROVIDERS)
        if country:
            cands = [p for p in PROVIDERS if any("." in t or t not in ("com", "net") for t in p[2])]
            name, says, tlds = rng.choice(cands)
            tlds = [t for t in tlds if t not in ("com", "net")] or tlds
        tld = rng.choice(tlds)
        domain = [("w", name, says)]
    for part in tld.split("."):
        domain += [("s", "."), ("w", part, TLD_SAY.get(part, [part]))]
    local = [(t[0], t[1], t[2] or [t[1]]) if t[0] == "w" else t for t in local]
    return Mail(local, domain)


SYM = {
    ".": [("dot", 8), ("period", 2), ("point", 2)],
    "_": [("underscore", 6), ("under score", 2), ("underline", 1)],
    "-": [("dash", 5), ("hyphen", 3), ("minus", 1)],
}


def _pick(rng: random.Random, options: list[tuple[str, int]]) -> str:
    return rng.choices([o for o, _ in options], [w for _, w in options])[0]


def spell(
    rng: random.Random, word: str, smart: bool, nato: float = 0.0, doubles: float = 0.5
) -> str:
    out: list[str] = []
    i = 0
    while i < len(word):
        c = word[i]
        if i + 1 < len(word) and word[i + 1] == c and maybe(rng, doubles):
            out.append(f"double {c}")
            i += 2
            continue
        if c.isalpha() and c in NATO and maybe(rng, nato):
            out.append(
                f"{c} as in {rng.choice(NATO[c])}"
                if maybe(rng, 0.6)
                else f"{c} for {rng.choice(NATO[c])}"
            )
        else:
            out.append(c)
        i += 1
    if smart and maybe(rng, 0.35):
        return ", ".join(out)
    return " ".join(out)


def say_num(rng: random.Random, n: str, smart: bool) -> str:
    if smart and maybe(rng, 0.3):
        return n
    if len(n) == 2 and maybe(rng, 0.5) and n[0] != "0":
        return int_words(int(n))
    if len(n) == 4 and maybe(rng, 0.5) and n[:2] in ("19", "20"):
        return (
            int_words(int(n[:2]))
            + " "
            + (int_words(int(n[2:])) if n[2] != "0" else "oh " + ONES[int(n[3])])
        )
    return " ".join(ONES[int(c)] for c in n)


def spoken(
    rng: random.Random,
    m: Mail,
    smart: bool,
    spell_p: float = 0.0,
    nato: float = 0.0,
    at: str | None = None,
    dot: str | None = None,
    mishear: float = 0.0,
    ending: bool = True,
    join_local: str = " ",
) -> str:
    dot = dot or _pick(rng, SYM["."])
    at = at or rng.choices(["at", "at sign", "at the rate of", "at symbol"], [10, 2, 1, 1])[0]
    sym = {".": dot, "_": _pick(rng, SYM["_"]), "-": _pick(rng, SYM["-"])}
    if not smart and mishear:
        if maybe(rng, mishear):
            at = rng.choice(["add", "at", "had"])
        if maybe(rng, mishear):
            sym["."] = rng.choice(["daught", "dought", "dart", "dot"])
    words: list[str] = []
    for t in m.local:
        if t[0] == "s":
            words.append(sym[t[1]])
        elif t[0] == "n":
            words.append(say_num(rng, t[1], smart))
        elif maybe(rng, spell_p):
            words.append(spell(rng, t[1], smart, nato))
        else:
            words.append(rng.choice(t[2]))
    local = join_local.join(words)
    dwords: list[str] = []
    for t in m.domain:
        if t[0] == "s":
            if not ending:
                break
            dwords.append(sym["."])
        else:
            w = rng.choice(t[2])
            if not smart and maybe(rng, mishear):
                w = {
                    "gmail": "g male",
                    "g mail": "g male",
                    "hotmail": "hot male",
                    "hot mail": "hot male",
                    "com": "calm",
                    "yahoo": "ya who",
                    "outlook": "out look",
                    "icloud": "i cloud",
                }.get(w, w)
            dwords.append(w)
    return f"{local} {at} {' '.join(dwords)}"


def _t(row: Row, *tags: str) -> None:
    row.tags.add("aim.email_recall")
    for t in tags:
        row.tags.add(f"email.{t}")


def _r(text: str, smart: bool) -> str:
    return text if smart else raw(text)


def _ack(rng: random.Random, row: Row, m: Mail, p: float = 0.35) -> None:
    if maybe(rng, p):
        row.say("assistant", "Thanks, I've got ", Pii("email", m.written()), ".")
    else:
        row.say(
            "assistant",
            rng.choice(
                [
                    "Perfect, thank you.",
                    "Great, I've added that.",
                    "Lovely, you'll get the confirmation there shortly.",
                ]
            ),
        )


def mail_words(rng: random.Random) -> Row:
    row = Row("d9.mail.words")
    smart = maybe(rng, 0.55)
    _t(row, "words")
    m = make_mail(rng)
    row.say("assistant", rng.choice(ASK_MAIL))
    tail = rng.choice(["", "", ", all one word", ", no spaces", ", all lower case"])
    row.say(
        "user",
        rng.choice(GIVE_MAIL),
        Pii("email", _r(spoken(rng, m, smart), smart)),
        tail + ".",
        smart=smart,
    )
    _ack(rng, row, m)
    if maybe(rng, 0.3):
        give_phone(rng, row, smart, readback=0.3)
    return row


def mail_spelled(rng: random.Random) -> Row:
    row = Row("d9.mail.spelled")
    smart = maybe(rng, 0.55)
    nato = rng.choice([0.0, 0.0, 0.3, 0.7])
    _t(row, "spelled")
    if nato:
        row.tags.add("email.nato")
    m = make_mail(rng)
    row.say("assistant", rng.choice(ASK_MAIL))
    lead = rng.choice(
        ["I'll spell it. ", "Let me spell it for you: ", "OK, spelling it, ", "It's "]
    )
    row.say(
        "user",
        lead,
        Pii("email", _r(spoken(rng, m, smart, spell_p=0.85, nato=nato), smart)),
        ".",
        smart=smart,
    )
    _ack(rng, row, m, 0.5)
    return row


def mail_multiword(rng: random.Random) -> Row:
    row = Row("d9.mail.multiword")
    smart = maybe(rng, 0.55)
    biz = maybe(rng, 0.6)
    _t(row, "multiword" if biz else "country_domain")
    m = make_mail(rng, biz=biz, country=not biz)
    row.say("assistant", rng.choice(ASK_MAIL))
    pre = rng.choice(["It's my work one, ", "Use the business email, ", "It's ", "Send it to "])
    row.say(
        "user",
        pre,
        Pii("email", _r(spoken(rng, m, smart, spell_p=0.1), smart)),
        rng.choice([".", ", all one word.", ", no spaces in the company name."]),
        smart=smart,
    )
    _ack(rng, row, m, 0.45)
    if maybe(rng, 0.35):
        give_phone(rng, row, smart, readback=0.3)
    return row


def mail_correct(rng: random.Random) -> Row:
    row = Row("d9.mail.correct")
    smart = maybe(rng, 0.5)
    m = make_mail(rng)
    row.say("assistant", rng.choice(ASK_MAIL))
    style = rng.random()
    if style < 0.45:
        _t(row, "corrected")
        w = next(t for t in m.local if t[0] == "w")
        fix_word = rng.choice(["sorry", "no wait", "no, sorry", "scratch that"])
        first = w[1][:-1] if len(w[1]) > 2 else w[1]
        body = spoken(rng, m, smart, spell_p=0.3)
        text = f"{first}, {fix_word}, {body}" if smart else f"{first} {fix_word} {body}"
        row.say("user", "It's ", Pii("email", _r(text, smart)), ".", smart=smart)
    elif style < 0.7:
        _t(row, "double_letter")
        body = spoken(rng, m, smart, spell_p=0.6)
        w = next(t[1] for t in m.local if t[0] == "w")
        dbl = [c for a, c in zip(w, w[1:], strict=False) if a == c]
        if dbl:
            note = rng.choice([f"with two {dbl[0]}'s", f"double {dbl[0]}"])
        elif w.endswith("e"):
            note = "with an e on the end"
        else:
            note = f"{w[0]} as in {rng.choice(NATO.get(w[0], [w[0]]))}"
        row.say(
            "user",
            "",
            Pii(
                "email",
                _r(
                    body.replace(" at ", f", {note}, at ", 1)
                    if smart
                    else body.replace(" at ", f" {note} at ", 1),
                    smart,
                ),
            ),
            ".",
            smart=smart,
        )
    else:
        _t(row, "no_ending")
        row.say(
            "user",
            rng.choice(["It's just ", "Yeah, "]),
            Pii("email", _r(spoken(rng, m, smart, ending=False), smart)),
            rng.choice([".", ", the usual.", ", you know, dot com."]),
            smart=smart,
        )
        row.say("assistant", "Is that dot com at the end?")
        row.say("user", "Yes.", smart=smart)
    _ack(rng, row, m, 0.5)
    return row


def mail_split(rng: random.Random) -> Row:
    row = Row("d9.mail.split")
    smart = maybe(rng, 0.5)
    _t(row, "split")
    row.tags.add("split")
    m = make_mail(rng)
    full = spoken(rng, m, smart, spell_p=0.3)
    at_pos = full.rfind(" at ")
    for a in (" at the rate of ", " at sign ", " at symbol ", " add ", " had "):
        if a in full:
            at_pos = full.rfind(a)
            break
    local, rest = full[:at_pos], full[at_pos + 1 :]
    at_word, domain = rest.split(" ", 1)
    for a in ("at the rate of ", "at sign ", "at symbol ", "at "):
        if rest.startswith(a):
            at_word, domain = a.strip(), rest[len(a) :]
            break
    row.say("assistant", rng.choice(ASK_MAIL))
    if maybe(rng, 0.5):
        row.say(
            "user", "It's ", Pii("email", _r(local, smart), split=True), f" {at_word}", smart=smart
        )
        row.say("assistant", rng.choice(["Sorry, you cut out. At what?", "At...?", "Go on."]))
        row.say("user", "", Pii("email", _r(domain, smart), split=True), ".", smart=smart)
    else:
        row.say(
            "user",
            "So the first bit is ",
            Pii("email", _r(local, smart), split=True),
            ".",
            smart=smart,
        )
        row.say(
            "assistant",
            rng.choice(
                [
                    "Got it. And after the at sign?",
                    "OK, and the domain?",
                    "And what's after the at?",
                ]
            ),
        )
        row.say("user", "", Pii("email", _r(domain, smart), split=True), ".", smart=smart)
    _ack(rng, row, m, 0.6)
    return row


def mail_readback(rng: random.Random) -> Row:
    row = Row("d9.mail.readback")
    smart = maybe(rng, 0.55)
    _t(row, "readback")
    m = make_mail(rng)
    row.say("assistant", rng.choice(ASK_MAIL))
    row.say(
        "user",
        rng.choice(GIVE_MAIL),
        Pii("email", _r(spoken(rng, m, smart, spell_p=0.25), smart)),
        ".",
        smart=smart,
    )
    if maybe(rng, 0.5):
        row.say(
            "assistant", "Let me read that back: ", Pii("email", m.written()), ". Is that correct?"
        )
    else:
        row.say(
            "assistant", "So that's ", Pii("email", spoken(rng, m, True, spell_p=0.5)), ", correct?"
        )
    row.say(
        "user", rng.choice(["Yes, that's it.", "Yep.", "That's right.", "Perfect."]), smart=smart
    )
    return row


def mail_asr(rng: random.Random) -> Row:
    row = Row("d9.mail.asr")
    _t(row, "asr")
    m = make_mail(rng)
    row.say("assistant", rng.choice(ASK_MAIL))
    lead = rng.choice(
        ["yeah it's ", "um it's ", "its ", "okay so ", "my email is ", "yeah so my email "]
    )
    body = spoken(rng, m, False, spell_p=0.15, mishear=0.6, join_local=rng.choice([" ", " "]))
    row.say(
        "user",
        lead,
        Pii("email", raw(body)),
        rng.choice(["", " thank you", " all one word"]),
        smart=False,
    )
    _ack(rng, row, m, 0.4)
    return row


SITES = [
    "example dot com slash help",
    "our website dot com slash returns",
    "w w w dot bbc dot co dot uk",
    "amazon dot com",
    "paypal dot com slash refunds",
    "gov dot uk",
    "irs dot gov",
    "ebay dot com",
    "the app store",
    "facebook dot com slash marketplace",
]


def mail_lookalike(rng: random.Random) -> Row:
    row = Row("d9.mail.lookalike")
    smart = maybe(rng, 0.5)
    row.tags.add("aim.email_recall")
    company = rng.choice(COMPANIES)
    cw = "".join(c for c in company.lower() if c.isalpha())
    style = rng.random()
    if style < 0.25:
        row.tags.add("lookalike.website")
        site = rng.choice(SITES)
        row.say(
            "user",
            rng.choice(["I bought it at ", "I found it at ", "I read it at "]),
            Benign("website", _r(site, smart)),
            rng.choice([" last week.", ", it said I'd get a refund."]),
            smart=smart,
        )
        row.say(
            "assistant", "You can also manage it at ", Benign("website", f"{cw}.com/account"), "."
        )
    elif style < 0.45:
        row.tags.add("lookalike.at_name")
        who = rng.choice(FIRST).capitalize()
        where = rng.choice(
            ["at the front desk", "at billing", "at the Leeds branch", "at home", "at five"]
        )
        row.say(
            "user",
            "I spoke to ",
            Benign("at_name", _r(f"{who} {where}", smart)),
            rng.choice(
                [
                    " and she said it was sorted.",
                    " yesterday and nothing happened.",
                    ", she was lovely.",
                ]
            ),
            smart=smart,
        )
        row.say("assistant", "I'm sorry about that, let me check the notes.")
    elif style < 0.62:
        row.tags.add("lookalike.handle")
        h = rng.choice(FIRST) + rng.choice(["_", "."]) + rng.choice(WORDS) + str(rng.randint(1, 99))
        said = h.replace("_", " underscore ").replace(".", " dot ")
        row.say(
            "user",
            "I messaged you on Instagram, I'm ",
            Benign("handle", _r(f"at {said}", smart)),
            ".",
            smart=smart,
        )
        row.say("assistant", "Thanks, social media messages can take a few days.")
    else:
        row.tags.add("lookalike.company_mailbox")
        box = rng.choice(["support", "billing", "help", "complaints", "claims", "noreply"])
        if maybe(rng, 0.5):
            row.say(
                "assistant",
                "You can email the documents to ",
                Benign("company_mailbox", f"{box}@{cw}.com"),
                ".",
            )
        else:
            row.say(
                "assistant",
                "Send them to ",
                Benign("company_mailbox", f"{box} at {cw} dot com"),
                ", that's the team that handles it.",
            )
        row.say(
            "user",
            "Is that the ",
            Benign("company_mailbox", _r(f"{box} at {cw}", smart)),
            " one?",
            smart=smart,
        )
        row.say("assistant", "That's right.")
    if maybe(rng, 0.55):
        m = make_mail(rng)
        row.say("assistant", "And what's your own email address?")
        row.say(
            "user",
            rng.choice(GIVE_MAIL),
            Pii("email", _r(spoken(rng, m, smart, spell_p=0.2), smart)),
            ".",
            smart=smart,
        )
        _ack(rng, row, m, 0.3)
    return row


FAMILIES = {
    "d9.mail.words": (mail_words, 0.06),
    "d9.mail.spelled": (mail_spelled, 0.045),
    "d9.mail.multiword": (mail_multiword, 0.04),
    "d9.mail.correct": (mail_correct, 0.035),
    "d9.mail.split": (mail_split, 0.035),
    "d9.mail.readback": (mail_readback, 0.035),
    "d9.mail.asr": (mail_asr, 0.05),
    "d9.mail.lookalike": (mail_lookalike, 0.05),
}
