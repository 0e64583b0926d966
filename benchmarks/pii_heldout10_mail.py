"""heldout10: callers (names by region) and their emails, as typed, as formatted speech, as raw
speech (dots, "at sign", spelled letters, "as in", multi-word local parts and domains)."""

from __future__ import annotations

import random

import pii_heldout10_say as say
import pii_heldout10_spell as spelling
from pii_heldout10_names import ANY, NAMES, NICKS, PROVIDERS, REGION_NAMES, TLD, WORK_A, WORK_B

ASCII = str.maketrans(
    "áàâäãåéèêëíìîïóòôöõøúùûüýçñšžčřěďťňłśźżőűāēīūļķģņ",
    "aaaaaaeeeeiiiioooooouuuuycnszcredtnlszzouaeiulkgn",
)


class Person:
    def __init__(self, rng: random.Random, region: str):
        self.region = region
        full = rng.choice(NAMES[REGION_NAMES.get(region, "na")])
        self.first, self.last = full.split(" ", 1)
        self.full = full


def _clean(s: str) -> str:
    return s.lower().translate(ASCII).replace("ß", "ss").replace("ı", "i").replace("'", "")


def email(rng: random.Random, p: Person, work: bool = False) -> str:
    first = _clean(p.first).replace(" ", "").replace("-", "")
    last = _clean(p.last).replace(" ", "").replace("-", "")
    yy = str(
        rng.choice(
            (
                rng.randint(60, 99),
                rng.randint(1, 29),
                rng.randint(100, 999),
                rng.randint(1962, 2009),
            )
        )
    )
    if work:
        local = rng.choice(
            (
                f"{first}.{last}",
                f"{first[0]}{last}",
                first,
                f"{first}_{last[0]}",
                f"{last}.{first[0]}",
            )
        )
        sep = rng.choice(("", "-", ""))
        word_a, word_b = rng.choice(WORK_A), rng.choice(WORK_B)
        dom = f"{word_a}{sep}{word_b}.{rng.choice(TLD.get(p.region, ('com',)))}"
        return f"{local}@{dom}"
    local = rng.choice(
        (
            f"{first}.{last}",
            f"{first}{last}{yy}",
            f"{first[0]}.{last}{yy}",
            f"{first}_{last}",
            f"{first}-{last}",
            f"{last}{first[0]}{yy}",
            f"{first}.{last}{yy}",
            f"{rng.choice(NICKS)}{yy}",
            f"{first}{yy}",
            f"{first}.{rng.choice(NICKS)}",
            f"the.{last}{yy}",
            f"{last}.{first}",
        )
    )
    pool = PROVIDERS.get(p.region, ()) + ANY if rng.random() < 0.75 else ANY
    return f"{local}@{rng.choice(pool)}"


DOMAIN_SAID = {
    "gmail": ("gmail", "g mail", "gmail"),
    "icloud": ("icloud", "i cloud"),
    "btinternet": ("bt internet", "b t internet"),
    "gmx": ("g m x", "gmx"),
    "aol": ("a o l", "aol"),
    "att": ("a t t", "att"),
    "sbcglobal": ("s b c global",),
    "xs4all": ("x s four all",),
    "o2": ("o two",),
    "wp": ("w p",),
    "t-online": ("t dash online", "t hyphen online"),
    "kpnmail": ("k p n mail",),
    "iol": ("i o l",),
    "tpg": ("t p g",),
    "mweb": ("m web",),
    "hinet": ("hi net",),
    "uol": ("u o l",),
    "bol": ("b o l",),
    "i": ("i",),
    "ukr": ("u k r", "ukr"),
}
TLD_SAID = {
    "com": ("com",),
    "co": ("co", "c o"),
    "uk": ("uk", "u k"),
    "ca": ("ca", "c a"),
    "de": ("de", "d e"),
    "au": ("au", "a u"),
    "nz": ("nz", "n z"),
    "jp": ("jp", "j p"),
    "ne": ("ne", "n e"),
    "me": ("me",),
    "net": ("net",),
    "org": ("org",),
    "ie": ("i e", "ie"),
}


def _word_said(tok: str, rng: random.Random, v: say.Voice, spell: bool, raw: bool) -> str:
    """A local-part token: letters spelled, a name said, digits as words."""
    out, i = [], 0
    while i < len(tok):
        j = i
        if tok[i].isdigit():
            while j < len(tok) and tok[j].isdigit():
                j += 1
            g = tok[i:j]
            out.append(say.group(g, rng, v) if raw or rng.random() < 0.6 else g)
        else:
            while j < len(tok) and not tok[j].isdigit():
                j += 1
            w = tok[i:j]
            if spell or len(w) <= 2:
                s = spelling.letters(w.upper(), rng, raw, "asin" if rng.random() < 0.2 else "plain")
                out.append(s if raw else s.replace(" ", rng.choice((" ", "-"))))
            else:
                out.append(w)
        i = j
    return " ".join(out)


def email_said(addr: str, rng: random.Random, v: say.Voice, raw: bool, region: str = "") -> str:
    """An email as a caller says it (the whole of it is the label)."""
    local, dom = addr.split("@")
    spell = rng.random() < 0.25
    seps = {".": "dot", "_": "underscore", "-": rng.choice(("dash", "hyphen"))}
    out, tok = [], ""
    for c in local:
        if c in seps:
            out.append(_word_said(tok, rng, v, spell, raw))
            out.append(seps[c])
            tok = ""
        else:
            tok += c
    out.append(_word_said(tok, rng, v, spell, raw))
    loc = " ".join(x for x in out if x)
    if rng.random() < 0.12 and "." not in local and "_" not in local:
        loc += rng.choice((" all one word", " no spaces", " all together"))
    at = rng.choice(("at", "at", "at", "at sign", "at symbol"))
    if region == "IN" and rng.random() < 0.6:
        at = rng.choice(("at the rate", "at the rate of"))
    labels = dom.split(".")
    dparts = []
    for k, lab in enumerate(labels):
        if k == 0:
            w = lab
            if lab in DOMAIN_SAID:
                w = rng.choice(DOMAIN_SAID[lab])
            elif "-" in lab:
                w = lab.replace("-", rng.choice((" dash ", " hyphen ", " ")))
            dparts.append(w)
        else:
            dparts.append("dot " + rng.choice(TLD_SAID.get(lab, (lab,))))
    text = f"{loc} {at} " + " ".join(dparts)
    if not raw:
        if rng.random() < 0.45:
            return addr if rng.random() < 0.7 else addr[0].upper() + addr[1:]
        if rng.random() < 0.5:  # half formatted: the domain joined up
            return f"{loc} at {dom}"
    return text


def email_typed(addr: str, rng: random.Random) -> str:
    x = rng.random()
    if x < 0.2:
        local, dom = addr.split("@")
        return local.title().replace("_", "_") + "@" + dom
    if x < 0.28:
        return addr.upper() if len(addr) < 24 else addr
    if x < 0.34:
        local, dom = addr.split("@")
        return local + "@" + dom.capitalize()
    return addr


def mailbox_said(box: str, rng: random.Random, raw: bool) -> str:
    """A business mailbox or website as spoken: the dots as "dot"."""
    if not raw and rng.random() < 0.6:
        return box
    local, _, dom = box.rpartition("@")
    d = " dot ".join(dom.split("."))
    d = d.replace("-", " dash ")
    return (f"{local} at {d}" if local else d).lower()
