"""heldout10: IBANs and SSNs in a call (whole, typed, spelled, split, read back, in tool JSON)
next to the bank and tax numbers that look like them (BIC, sort code, creditor ids, EIN, ITIN,
routing numbers, a last four)."""

from __future__ import annotations

import pii_heldout10_num as num
import pii_heldout10_say as say
import pii_heldout10_spell as spell
from pii_heldout10_call import Call
from pii_rows import Benign, Pii

EU_CALLERS = set(num.IBAN_COUNTRIES)


def iban_country(c: Call) -> str:
    if c.region in EU_CALLERS and c.rng.random() < 0.75:
        return c.region
    return c.rng.choice(num.IBAN_COUNTRIES)


def iban(c: Call, how: str = "", readback: float = 0.35) -> str:
    rng = c.rng
    cc = iban_country(c)
    code = num.iban(rng, cc)
    c.tag(f"iban.country.{cc}")
    c.agent(
        *c.ref(0.4),
        rng.choice(
            (
                f"For {c.org.iban}, I'll need the IBAN of the account.",
                "Could you give me the IBAN, please?",
                f"Sure. Which account should {c.org.iban} go to? The IBAN is best.",
            )
        ),
    )
    how = how or ("typed" if c.chat else rng.choice(("said", "said", "said", "typed")))
    lead = rng.choice(
        ("it's ", "okay it's ", "right so ", "the IBAN is ", "", "I'm reading it off the app ")
    )
    if how == "typed":
        c.user(False, lead.capitalize(), Pii("iban", spell.iban_typed(code, rng)))
    else:
        raw = c.raw()
        c.user(
            raw,
            lead if raw else lead.capitalize(),
            Pii("iban", spell.iban_said(code, rng, c.v, raw)),
        )
    if rng.random() < readback:
        back = " ".join(num.iban_groups(code)) if rng.random() < 0.8 else code
        c.agent("Let me read it back: ", Pii("iban", back), ". Is that right?")
        c.user(c.raw(), rng.choice(("Yes, that's it.", "Correct.", "Yeah.")))
    elif rng.random() < 0.5:
        c.agent(
            "Thanks. I'll check the last four with you: ", Benign("iban_last_four", code[-4:]), "?"
        )
        c.user(c.raw(), "Yes.")
    return code


def iban_split(c: Call) -> None:
    rng = c.rng
    cc = iban_country(c)
    code = num.iban(rng, cc)
    c.tag(f"iban.country.{cc}", "split.iban")
    groups = num.iban_groups(code)
    c.agent(*c.ref(0.5), "Go ahead with the IBAN; I'll take it in chunks if that's easier.")
    if len(groups[-1]) < 3:  # a short last group goes with the one before it
        groups = groups[:-2] + [groups[-2] + groups[-1]]
    cut = rng.randint(2, len(groups) - 2) if len(groups) > 4 else 2
    cuts = [cut] if rng.random() < 0.6 or cut + 2 > len(groups) - 2 else [cut, cut + 2]
    chunks = [groups[i:j] for i, j in zip([0] + cuts, cuts + [len(groups)], strict=False)]
    for k, chunk in enumerate(chunks):
        raw = c.raw()
        if c.chat:
            c.user(False, Pii("iban", " ".join(chunk), split=True))
        elif k == 0:
            c.user(raw, Pii("iban", spell.iban_said("".join(chunk), rng, c.v, raw), split=True))
        else:
            text = say.join_groups(
                [spell.alnum_said(g, rng, c.v, raw, "plain") for g in chunk],
                rng,
                c.v,
                raw,
                (" ",),
                0.2,
            )
            c.user(
                raw,
                "and then " if raw and rng.random() < 0.3 else "",
                Pii("iban", text, split=True),
            )
        if k < len(chunks) - 1:
            if rng.random() < 0.35:
                c.agent(
                    Pii("iban", " ".join(chunk), split=True),
                    rng.choice((", yes.", "... and?", ". Carry on.")),
                )
            else:
                c.agent(rng.choice(("Got that part.", "Okay.", "Mm-hm, go on.")))


def bank_lookalikes(c: Call) -> None:
    """BIC, a creditor id or reference, a VAT number: in their own turns."""
    rng = c.rng
    kind = rng.choice(("bic", "sepa", "rf", "sort", "vat"))
    if kind == "bic":
        bic = rng.choice(
            (
                "NWBKGB2L",
                "BOFIIE2D",
                "INGBNL2A",
                "DEUTDEFF",
                "BNPAFRPP",
                "RABONL2U",
                "COBADEFFXXX",
                "UBSWCHZH80A",
                "NDEAFIHH",
                "SWEDSESS",
                "AIBKIE2D",
            )
        )
        c.agent(
            rng.choice(
                (
                    "Is there a BIC or SWIFT code that goes with it?",
                    "And the bank's SWIFT code, if you have it?",
                )
            )
        )
        raw = c.raw()
        said = " ".join(say.ONES[int(ch)] if ch.isdigit() else ch.lower() for ch in bic)
        c.user(
            raw,
            rng.choice(("the swift is ", "its ", "bic "))
            if raw
            else rng.choice(("The SWIFT is ", "BIC: ", "It's ")),
            Benign("bic", said if raw else bic),
        )
    elif kind == "sepa":
        c.agent(
            "The direct debit will show our creditor ID, ",
            Benign(
                "sepa_creditor_id", num.sepa_creditor_id(rng, rng.choice(("DE", "NL", "IE", "BE")))
            ),
            ", on your statement.",
        )
    elif kind == "rf":
        c.agent(
            "Please quote the payment reference ",
            Benign("rf_creditor_ref", num.creditor_ref(rng)),
            " so we can match it.",
        )
    elif kind == "sort":
        sc = f"{rng.randint(10, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}"
        c.user(
            False,
            "The old account was sort code ",
            Benign("sort_code", sc),
            ", account ",
            Benign("uk_account_no", num.digits(rng, 8)),
            ", but that one's closed.",
        )
    else:
        cc = rng.choice(("DE", "FR", "NL", "IE", "BE", "AT"))
        vat = {
            "DE": "DE#########",
            "FR": "FR##%########",
            "NL": "NL#########B01",
            "IE": "IE#######@",
            "BE": "BE0#########",
            "AT": "ATU########",
        }[cc]
        c.user(
            False,
            "Can you put our VAT number on the invoice? It's ",
            Benign("vat_no", num.pattern(rng, vat)),
            ".",
        )


def iban_tool(c: Call, code: str) -> None:
    rng = c.rng
    c.tool(
        {
            "iban": Pii("iban", code),
            "account_holder": c.person.full,
            "reference": Benign("refund_reference", num.pattern(rng, "RF-@@####")),
        },
        rng.choice(("issue_refund", "payouts.create", "bank.verify_iban")),
    )
    c.tool(
        {
            "ok": True,
            "bic": Benign("bic", rng.choice(("NWBKGB2L", "BOFIIE2D", "INGBNL2A", "DEUTDEFF"))),
            "eta_days": rng.randint(2, 5),
        }
    )


# ---------------------------------------------------------------- SSNs
def ssn(c: Call, how: str = "", readback: float = 0.3) -> str:
    rng = c.rng
    s = num.ssn(rng)
    c.agent(
        *c.ref(0.4),
        rng.choice(
            (
                f"For {c.org.ssn} I'll need your Social Security number.",
                f"{c.org.ssn[0].upper() + c.org.ssn[1:]} asks for your SSN. Whenever you're ready.",
                "I'll just need your social security number for the form.",
            )
        ),
    )
    if rng.random() < 0.25:
        c.user(
            c.raw(),
            rng.choice(
                (
                    "Is this line secure?",
                    "Do you really need the whole thing?",
                    "Hang on, let me find my card.",
                )
            ),
        )
        c.agent(
            rng.choice(("It's only used for that form.", "Yes, it goes straight into the form."))
        )
    how = how or ("typed" if c.chat else rng.choice(("said", "said", "said", "typed")))
    lead = rng.choice(("it's ", "okay ", "sure ", "my social is ", "", "right it's "))
    if how == "typed":
        c.user(False, lead.capitalize(), Pii("ssn", spell.ssn_typed(s, rng)))
    else:
        raw = c.raw()
        c.user(
            raw, lead if raw else lead.capitalize(), Pii("ssn", spell.ssn_said(s, rng, c.v, raw))
        )
    if rng.random() < readback:
        c.agent("I have ", Pii("ssn", f"{s[:3]}-{s[3:5]}-{s[5:]}"), ". Correct?")
        c.user(c.raw(), "Yes.")
    else:
        c.agent(
            rng.choice(("Thank you. That's the one ending ", "Got it, ending in ")),
            Benign("ssn_last_four", s[-4:]),
            ".",
        )
    return s


def ssn_split(c: Call) -> None:
    rng = c.rng
    s = num.ssn(rng)
    c.tag("split.ssn")
    c.agent(*c.ref(0.5), "Go ahead with your Social Security number.")
    cut = rng.choice((3, 5, 5))
    chunks = [s[:cut], s[cut:]]
    for k, chunk in enumerate(chunks):
        raw = c.raw()
        groups = [chunk] if len(chunk) != 6 else [chunk[:2], chunk[2:]]
        if c.chat:
            text = chunk if cut == 3 else (f"{chunk[:3]}-{chunk[3:]}" if k == 0 else chunk)
        else:
            text = say.said(
                groups if k else ([chunk] if cut == 3 else [chunk[:3], chunk[3:]]),
                rng,
                c.v,
                raw,
                0.1,
            )
        c.user(
            raw and not c.chat,
            rng.choice(("", "okay ", "so ")) if k == 0 else rng.choice(("", "then ", "and ")),
            Pii("ssn", text, split=True),
        )
        if k == 0:
            if rng.random() < 0.35:
                c.agent(
                    Pii("ssn", chunk if cut == 3 else f"{chunk[:3]}-{chunk[3:]}", split=True),
                    ", okay...",
                )
            else:
                c.agent(rng.choice(("Mm-hm.", "Okay.", "And the rest?")))


def ssn_tool(c: Call, s: str) -> None:
    rng = c.rng
    key = rng.choice(("ssn", "tax_id", "social_security_number"))
    c.tool(
        {
            "applicant": c.person.full,
            key: Pii("ssn", rng.choice((s, f"{s[:3]}-{s[3:5]}-{s[5:]}"))),
            "form": rng.choice(("W-9", "background_check", "credit_app")),
        },
        rng.choice(("forms.submit", "screening.start")),
    )
    c.tool(
        {
            "status": "received",
            "masked": Benign("masked_ssn", f"***-**-{s[-4:]}"),
            "case": Benign("screening_case_no", num.pattern(rng, "BG-########")),
        }
    )


def tax_lookalikes(c: Call) -> None:
    """An EIN, an ITIN, a routing number, a ZIP+4: numbers that are not SSNs."""
    rng = c.rng
    kind = rng.choice(("ein", "itin", "aba", "claim"))
    raw = c.raw()
    if kind == "ein":
        e = num.ein(rng)
        c.user(
            raw,
            "oh and if it's for the business use the EIN instead "
            if raw
            else "Oh, and if it's for the business, use the EIN instead: ",
            Benign("ein", say.said(e.split("-"), rng, c.v, True, 0) if raw else e),
        )
    elif kind == "itin":
        t = num.itin(rng)
        c.user(
            raw,
            "my wife doesn't have a social she has an itin "
            if raw
            else "My wife doesn't have a social; she has an ITIN, ",
            Benign(
                "itin",
                say.said([t[:3], t[3:5], t[5:]], rng, c.v, True, 0)
                if raw
                else f"{t[:3]}-{t[3:5]}-{t[5:]}",
            ),
        )
    elif kind == "aba":
        a = num.aba(rng)
        c.agent(
            "For direct deposit the routing number we have on file is ",
            Benign("aba_routing_no", a),
            ".",
        )
    else:
        t = f"{rng.randint(100, 899)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"
        c.agent(
            "Your previous application is filed under ",
            Benign("ssn_shaped_application_no", t),
            "; that's not your social, just our file number.",
        )
