"""dev13 renderings: how a caller (or an agent reading back) says or types each kind.

Each function returns the label text (and for phones the words before it that stay outside
the label: a spoken "plus", "double oh", "oh one one") plus a short form tag.
"""

from __future__ import annotations

import random

import phonenumbers as pn
from pii_dev13_gen import e164, groups_of, international, national
from pii_dev13_kit import ONES, Voice, chunk, groups_said, spell

NBSP = ["\u00a0", "\u202f", "\u2009"]


# --- phones -----------------------------------------------------------------------------


def phone_typed(rng: random.Random, num: pn.PhoneNumber, local: bool) -> tuple[str, str]:
    """A phone as typed or smart-formatted: (label text, form)."""
    nat, intl = national(num), international(num)
    cc = str(num.country_code)
    nsn_groups = groups_of(num, pn.PhoneNumberFormat.INTERNATIONAL)[1:]
    forms = ["e164", "intl", "intl_dots", "intl_dash", "oo", "nbsp", "intl_compact_groups"]
    if local:
        forms += ["national", "national", "national_plain", "national_dots"]
        if national(num).startswith("0") and not national(num).startswith("(0"):
            forms.append("national_slash")
    if cc == "1":
        forms += ["nanp_one", "nanp_paren_plus", "nanp_spaces"]
    form = rng.choice(forms)
    nat_groups = groups_of(num, pn.PhoneNumberFormat.NATIONAL)
    if form == "e164":
        return e164(num), form
    if form == "intl":
        return intl, form
    if form == "intl_dots":
        return "+" + cc + "." + ".".join(nsn_groups), form
    if form == "intl_dash":
        return "+" + cc + "-" + "-".join(nsn_groups), form
    if form == "oo":
        return "00" + cc + " " + " ".join(nsn_groups), form
    if form == "nbsp":
        sp = rng.choice(NBSP)
        return (
            "+" + cc + sp + sp.join(nsn_groups)
        ) if not local or rng.random() < 0.5 else sp.join(nat_groups), form
    if form == "intl_compact_groups":
        return "+" + cc + " " + "".join(nsn_groups), form
    if form == "national":
        return nat, form
    if form == "national_plain":
        return "".join(nat_groups), form
    if form == "national_dots":
        return ".".join(nat_groups), form
    if form == "national_slash":
        return nat_groups[0] + "/" + "".join(nat_groups[1:]), form
    if form == "nanp_one":
        return "1-" + "-".join(nat_groups), form
    if form == "nanp_paren_plus":
        return f"+1 ({nat_groups[0]}) {nat_groups[1]}-{nat_groups[2]}", form
    return " ".join(nat_groups), form


def phone_spoken(
    rng: random.Random,
    num: pn.PhoneNumber,
    v: Voice,
    local: bool,
    restart: float = 0.0,
    from_na: bool = False,
) -> tuple[str, str, str]:
    """A phone said aloud as words: (lead outside the label, label text, form)."""
    cc = str(num.country_code)
    if local and rng.random() < 0.75:
        groups = groups_of(num, pn.PhoneNumberFormat.NATIONAL)
        if cc == "1" and rng.random() < 0.25:
            groups = ["1"] + groups
        return "", groups_said(groups, v, rng, restart), "spoken_national"
    groups = groups_of(num, pn.PhoneNumberFormat.INTERNATIONAL)
    leads = ["plus ", "plus ", "double oh ", ""]
    if from_na and cc != "1":
        leads.append("oh one one ")
    lead = rng.choice(leads)
    cc_said = " ".join(ONES[int(d)] for d in groups[0])
    rest = groups_said(groups[1:], v, rng, restart)
    if rng.random() < 0.2:
        joiner = rng.choice([" and then ", " then ", " uh "])
    else:
        joiner = " "
    return (
        lead,
        cc_said + joiner + rest,
        "spoken_intl" + ("_" + lead.strip().replace(" ", "_") if lead else ""),
    )


def phone_halves(rng: random.Random, num: pn.PhoneNumber, local: bool) -> list[str]:
    """Digit groups to say across turns (2 or 3 pieces)."""
    fmt = pn.PhoneNumberFormat.NATIONAL if local else pn.PhoneNumberFormat.INTERNATIONAL
    groups = groups_of(num, fmt)
    if len(groups) >= 3 and rng.random() < 0.5:
        return [groups[0], groups[1], "".join(groups[2:])] if len(groups) > 3 else groups
    cut = max(1, len(groups) // 2)
    return [
        "".join(groups[:cut]) if len(groups[:cut]) == 1 else " ".join(groups[:cut]),
        " ".join(groups[cut:]),
    ]


# --- cards ------------------------------------------------------------------------------


def card_typed(rng: random.Random, number: str, grouping: list[int]) -> tuple[str, str]:
    sep = rng.choice([" ", " ", "-", ".", "", "\u00a0", "\u202f", " - ", "/"])
    gs = chunk(number, grouping)
    if rng.random() < 0.15 and len(number) == 16:  # uneven groups as typed in a hurry
        gs = chunk(number, rng.choice([[4, 4, 8], [8, 8], [6, 6, 4], [4, 12]]))
    name = {
        " ": "spaces",
        "-": "dashes",
        ".": "dots",
        "": "compact",
        "/": "slashes",
        " - ": "spaced_dashes",
    }.get(sep, "nbsp")
    return sep.join(gs), "typed_" + name


def card_spoken(
    rng: random.Random, number: str, grouping: list[int], v: Voice, restart: float = 0.0
) -> tuple[str, str]:
    gs = chunk(number, grouping)
    if rng.random() < 0.2 and len(number) == 16:
        gs = chunk(number, [2] * 8)
    return groups_said(gs, v, rng, restart), "spoken"


def card_smart_spoken(rng: random.Random, number: str, grouping: list[int]) -> tuple[str, str]:
    """Smart-formatted STT of a card said in groups, with a filler or a comma."""
    gs = chunk(number, grouping)
    glue = rng.choice([", ", " ", " uh ", "... ", " - "])
    return glue.join(gs), "smart_spoken"


# --- IBANs ------------------------------------------------------------------------------


def iban_typed(rng: random.Random, code: str) -> tuple[str, str]:
    form = rng.choice(["spaced", "compact", "lower", "lower_spaced", "dashes", "nbsp"])
    spaced = " ".join(chunk(code, [4] * 9))
    if form == "spaced":
        return spaced, form
    if form == "compact":
        return code, form
    if form == "lower":
        return code.lower(), form
    if form == "lower_spaced":
        return spaced.lower(), form
    if form == "dashes":
        return "-".join(chunk(code, [4] * 9)), form
    return "\u00a0".join(chunk(code, [4] * 9)), form


def iban_spoken(rng: random.Random, code: str, v: Voice, restart: float = 0.0) -> tuple[str, str]:
    """Letters spelled (sometimes NATO), digits grouped in fours as the code is printed."""
    nato = rng.choice([0.0, 0.0, 0.6, 1.0])
    out = []
    for g in chunk(code, [4] * 9):
        runs, cur = [], ""
        for ch in g:
            if cur and cur[-1].isalpha() != ch.isalpha():
                runs.append(cur)
                cur = ""
            cur += ch
        runs.append(cur)
        said = []
        for run in runs:
            if run.isalpha():
                said.append(spell(run, rng, nato))
            else:
                said.append(groups_said([run], v, rng, restart if len(run) == 4 else 0.0))
                if len(run) == 4:
                    restart = 0.0
        out.append(" ".join(said))
    glue = rng.choice([" ", " ", " uh ", " then "])
    return glue.join(out), "spoken" + ("_nato" if nato else "")


def iban_smart_spoken(rng: random.Random, code: str) -> tuple[str, str]:
    gs = chunk(code, [4] * 9)
    form = rng.choice(["letters_apart", "groups_comma", "cc_apart"])
    if form == "letters_apart":
        return f"{code[0]} {code[1]} {code[2:4]} " + " ".join(chunk(code[4:], [4] * 8)), form
    if form == "groups_comma":
        return ", ".join(gs), form
    return f"{code[:2]} {code[2:4]}, " + " ".join(chunk(code[4:], [4] * 8)), form


# --- SSNs -------------------------------------------------------------------------------


def ssn_typed(rng: random.Random, s: str) -> tuple[str, str]:
    form = rng.choice(
        ["dash", "dash", "space", "compact", "dots", "three_threes", "five_four", "nbsp", "slash"]
    )
    a, b, c = s[:3], s[3:5], s[5:]
    return {
        "dash": f"{a}-{b}-{c}",
        "space": f"{a} {b} {c}",
        "compact": s,
        "dots": f"{a}.{b}.{c}",
        "three_threes": f"{s[:3]} {s[3:6]} {s[6:]}",
        "five_four": f"{s[:5]}-{s[5:]}",
        "nbsp": f"{a}\u00a0{b}\u00a0{c}",
        "slash": f"{a}/{b}/{c}",
    }[form], "typed_" + form


def ssn_spoken(rng: random.Random, s: str, v: Voice, restart: float = 0.0) -> tuple[str, str]:
    grouping = rng.choice([[3, 2, 4], [3, 2, 4], [3, 3, 3], [9], [5, 4], [3, 2, 2, 2]])
    return groups_said(chunk(s, grouping), v, rng, restart), "spoken_" + "".join(map(str, grouping))


# --- emails -----------------------------------------------------------------------------

SPOKEN_SYM = {
    ".": [" dot "],
    "_": [" underscore "],
    "-": [" dash ", " hyphen "],
    "@": [" at ", " at ", " at sign ", " at symbol "],
}


def email_spoken(
    rng: random.Random,
    local: str,
    domain: str,
    v: Voice,
    spell_local: float = 0.0,
    nato: float = 0.0,
) -> tuple[str, str]:
    """'mei.tanaka88@web.de' -> 'mei dot tanaka eighty eight at web dot de' (and spelled)."""
    out = ""
    parts = _tokens(local)
    spelled = False
    for tok in parts:
        if tok in SPOKEN_SYM:
            out += rng.choice(SPOKEN_SYM[tok])
        elif tok.isdigit():
            out += (
                " "
                + (
                    groups_said([tok], v, rng)
                    if len(tok) in (2, 4)
                    else " ".join(ONES[int(d)] for d in tok)
                )
                + " "
            )
        elif spell_local and rng.random() < spell_local:
            out += " " + spell(tok, rng, nato) + " "
            spelled = True
        else:
            out += " " + tok + " "
    out += rng.choice(SPOKEN_SYM["@"])
    dom = domain.split(".")
    host = dom[0]
    if host == "gmail" and rng.random() < 0.3:
        host = "g mail"
    elif host == "icloud" and rng.random() < 0.3:
        host = "i cloud"
    out += host + "".join(" dot " + d for d in dom[1:])
    out = " ".join(out.split())
    return out, "spoken" + ("_spelled" if spelled else "")


def email_smart_spoken(rng: random.Random, local: str, domain: str) -> tuple[str, str]:
    form = rng.choice(["at_words", "dot_words", "mixed"])
    if form == "at_words":
        return f"{local} at {domain}", form
    if form == "dot_words":
        return f"{local.replace('.', ' dot ')} at {domain.replace('.', ' dot ')}", form
    return f"{local}@{domain.replace('.', ' dot ', 1)}", form


def email_typed(rng: random.Random, local: str, domain: str) -> tuple[str, str]:
    form = rng.choice(["plain", "plain", "caps", "angle"])
    if form == "caps":
        return "".join(
            p.capitalize() if p.isalpha() else p for p in _tokens(local)
        ) + "@" + domain, form
    return f"{local}@{domain}", form


def _tokens(local: str) -> list[str]:
    out, cur = [], ""
    for ch in local:
        kind = "sym" if ch in "._-" else ("dig" if ch.isdigit() else "alpha")
        if kind == "sym":
            if cur:
                out.append(cur)
            out.append(ch)
            cur = ""
        elif cur and (cur[-1].isdigit()) != (kind == "dig"):
            out.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out
