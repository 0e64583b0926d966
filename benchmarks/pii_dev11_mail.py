"""dev11 emails: people's addresses said every way, and email look-alikes in speech and JSON."""

from __future__ import annotations

import random
import unicodedata

from pii_dev11_kit import ONES, Call, pick, spell
from pii_dev11_neg import ack, close_call, fill, open_call
from pii_rows import Benign, Pii, Row, maybe

PROVIDERS = (
    *("gmail.com", "gmail.com", "gmail.com", "yahoo.com", "outlook.com", "hotmail.com"),
    *("icloud.com", "aol.com", "comcast.net", "proton.me", "hotmail.co.uk", "yahoo.co.in"),
    *("btinternet.com", "web.de", "orange.fr", "live.ca", "bigpond.com", "me.com"),
)
SOCIAL = ("instagram", "TikTok", "Twitter", "Facebook", "X")


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "".join(ch for ch in s.lower() if ch.isalnum())


def email(c: Call) -> str:
    rng = c.rng
    f, la = _ascii(c.first), _ascii(c.last)
    n = str(rng.randint(1, 99)) if maybe(rng, 0.4) else ""
    local = rng.choice(
        (
            f"{f}.{la}",
            f"{f[0]}{la}{n}",
            f"{f}{la}{n}",
            f"{la}.{f[0]}",
            f"{f}_{la}{n}",
            f"{f}.{la}{n}",
            f"{f}{n}",
        )
    )
    return f"{local}@{rng.choice(PROVIDERS)}"


def _tok(rng: random.Random, tok: str, smart: bool) -> str:
    if tok.isdigit():
        if len(tok) == 2 and maybe(rng, 0.5) and tok[0] != "0":
            from pii_dev11_kit import pair

            return pair(rng, tok, smart)
        return " ".join(ONES[int(d)] for d in tok)
    return tok


def spoken_email(c: Call, addr: str, style: str | None = None) -> str:
    """As a caller says it: "maria dot garcia at gmail dot com", spelled, "at the rate"."""
    rng = c.rng
    smart = c.smart
    local, dom = addr.split("@")
    style = style or rng.choice(("words", "words", "spell_last", "spell_all", "at_rate"))
    parts: list[str] = []
    cur = ""
    for ch in local:
        if ch in "._":
            parts.append(cur)
            parts.append({".": "dot", "_": "underscore"}[ch])
            cur = ""
        elif cur and ch.isdigit() != cur[-1].isdigit():
            parts.append(cur)
            cur = ch
        else:
            cur += ch
    parts.append(cur)
    words = []
    for i, p in enumerate(parts):
        if p in ("dot", "underscore"):
            words.append(p)
        elif style == "spell_all" or (
            style == "spell_last" and i == len(parts) - 1 and not p.isdigit() and len(p) > 2
        ):
            words.append(spell(rng, p, smart) if not p.isdigit() else _tok(rng, p, smart))
        elif p.isdigit():
            words.append(_tok(rng, p, smart))
        else:
            words.append(p.capitalize() if smart and maybe(rng, 0.4) else p)
    at = {"at_rate": "at the rate", "words": rng.choice(("at", "at", "at sign"))}.get(style, "at")
    domain = " dot ".join(dom.split("."))
    if smart and maybe(rng, 0.3):
        domain = domain.replace("gmail", "Gmail").replace("outlook", "Outlook")
    return " ".join(words) + f" {at} " + domain


def say_email(c: Call, addr: str) -> tuple[str, str]:
    if c.smart and maybe(c.rng, 0.35):
        return addr, "typed"
    style = c.rng.choice(("words", "words", "spell_last", "spell_all", "at_rate"))
    return spoken_email(c, addr, style), style


ASK = (
    "What's the best email for the receipt?",
    "Can I get an email address to send the confirmation to?",
    "And what email should we use for the account?",
    "Could you give me your email so I can send the form over?",
)


# ---------------------------------------------------------------- look-alike segments


def seg_website(c: Call) -> None:
    rng = c.rng
    dom = c.domain
    path = rng.choice(("returns", "help", "pay", "claims", "support", "account"))
    if maybe(rng, 0.5):
        c.agent(
            pick(
                rng,
                "You can also do this online at ",
                "The quickest way is our website, ",
                "There's a form at ",
            ),
            Benign("website", rng.choice((f"www.{dom}/{path}", f"{dom}/{path}", f"{dom}"))),
            ".",
        )
    spoken_dom = " dot ".join(dom.split("."))
    said = rng.choice(
        (
            f"w w w dot {spoken_dom}",
            f"{spoken_dom} slash {path}",
            f"www dot {spoken_dom}",
            f"{spoken_dom} forward slash {path}",
        )
    )
    c.user(
        pick(rng, "I tried going to ", "I was on ", "so I went on ", "It said to go to "),
        Benign("website", said),
        pick(rng, " but it wouldn't load.", " and it logged me out", ", nothing there.", ""),
    )


def seg_handle(c: Call) -> None:
    rng = c.rng
    f, la = _ascii(c.first), _ascii(c.last)
    h = rng.choice(
        (
            f"{f} underscore {la}",
            f"{f}{la} {rng.randint(10, 99)}",
            f"the real {f}",
            f"{f} dot {la[0]}",
        )
    )
    c.user(
        pick(rng, "I messaged you guys on ", "I already posted on ", "I DM'd your team on "),
        rng.choice(SOCIAL),
        pick(rng, ", I'm ", ", my handle is ", " from "),
        Benign("social_handle", "at " + h),
        pick(rng, ".", ", nobody answered.", ""),
    )


def seg_at_speech(c: Call) -> None:
    rng = c.rng
    opts = (
        ("I'm ", "at the bank dot", ", um, the one on Main, so I can't log in right now."),
        ("Sorry, ", "I'm at work", " so I have to be quick."),
        (
            "I spoke to ",
            f"{rng.choice(('Kevin', 'Dana', 'Luis'))} at the front desk",
            " yesterday and he said it was done.",
        ),
        (
            "The charge says ",
            rng.choice(("Amazon", "Uber", "Target"))
            + " at "
            + rng.choice(("Main", "Dot", "the mall")),
            " but I never went there.",
        ),
        ("You can leave a message with ", "my neighbor at number twelve", " if I'm out."),
        ("I'll be ", "at home dot dot dot", " well, most of the afternoon."),
    )
    a, b, z = rng.choice(opts)
    c.user(a, Benign("at_speech", b if c.smart else b.lower()), z)


def seg_company_mail(c: Call) -> None:
    rng = c.rng
    box = rng.choice(("support", "claims", "billing", "help", "returns", "noreply", "docs", "care"))
    mail = f"{box}@{c.domain}"
    c.agent(
        pick(
            rng,
            "Please send the documents to ",
            "You can email them at ",
            "The form will come from ",
            "Just reply to ",
        ),
        Benign("company_email", mail),
        pick(
            rng, ".", ", and put the case number in the subject.", ", it can take a day to arrive."
        ),
    )
    if maybe(rng, 0.5):
        c.user(
            pick(rng, "So ", "Okay, ", ""),
            Benign("company_email", f"{box} at {' dot '.join(c.domain.split('.'))}"),
            pick(rng, "?", ", got it", " right"),
        )


def seg_file(c: Call) -> None:
    rng = c.rng
    f = rng.choice(
        (
            "invoice dot pdf",
            f"statement_{rng.randint(1, 12):02d}{rng.randint(23, 26)}.pdf",
            f"IMG_{rng.randint(1000, 9999)}.HEIC",
            "receipt dot jpeg",
            f"claim-form-{rng.randint(2, 9)}.docx",
            "screenshot dot png",
        )
    )
    if maybe(rng, 0.5):
        c.agent(
            pick(
                rng,
                "Were you able to upload the documents?",
                "Did you send us the photo of the receipt?",
                "Which file did you upload?",
            )
        )
    c.user(
        pick(rng, "I attached a file called ", "I uploaded ", "it's the one named "),
        Benign("file_name", f),
        pick(rng, ".", " to the portal", ", did it come through?"),
    )


def seg_version(c: Call) -> None:
    rng = c.rng
    v = rng.choice(
        (
            f"{ONES[rng.randint(1, 9)]} dot {ONES[rng.randint(0, 9)]}",
            f"{rng.randint(1, 18)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}",
            f"v{rng.randint(2, 9)}.{rng.randint(0, 20)}",
        )
    )
    if maybe(rng, 0.6):
        c.agent(
            pick(
                rng,
                "Which version of the app do you have?",
                "Can you check the app version under Settings, About?",
            )
        )
    c.user(
        pick(rng, "The app says version ", "I'm on version ", "it's updated to "),
        Benign("version", v),
        pick(rng, ".", " I think", ", is that the latest?"),
    )


def seg_username(c: Call) -> None:
    rng = c.rng
    f, la = _ascii(c.first), _ascii(c.last)
    u = rng.choice((f"{f[0]}{la}{rng.randint(1, 99)}", f"{f}.{la[0]}", f"{la}_{f}", f"{f}{la}"))
    if maybe(rng, 0.6):
        c.agent(
            pick(
                rng,
                "What username do you sign in with?",
                "Do you know the username on the online account?",
                "Which login are you using?",
            )
        )
    c.user(
        pick(rng, "My username is ", "I log in as ", "the login is "),
        Benign("username", u),
        pick(rng, ".", ", not the email.", ""),
    )


MAIL_SEGMENTS = (
    seg_website,
    seg_handle,
    seg_at_speech,
    seg_company_mail,
    seg_file,
    seg_version,
    seg_username,
)


def mail_fill(c: Call, n: int) -> None:
    for seg in c.rng.sample(MAIL_SEGMENTS, n):
        if c.turns() < 11:
            ack(c)
            seg(c)


# ---------------------------------------------------------------- families


def email_spoken(rng: random.Random) -> Row:
    c = Call(rng, "d11.email_spoken")
    c.tag("aim.email_precision")
    addr = email(c)
    open_call(c)
    fill(c, rng.randint(0, 2))
    mail_fill(c, rng.randint(1, 2))
    c.agent(rng.choice(ASK))
    said, form = say_email(c, addr)
    c.tag(f"email.form.{form}")
    c.user(
        pick(rng, "Sure, it's ", "It's ", "Yeah ", "Um, ", ""),
        Pii("email", said),
        pick(rng, ".", "", ", thanks.", ", all lowercase."),
    )
    if maybe(rng, 0.6):
        c.agent(
            pick(rng, "Thanks, I have ", "So that's ", "Let me confirm: "),
            Pii("email", addr),
            pick(rng, ".", ", correct?", "?"),
        )
        c.user(pick(rng, "Yes.", "yep", "That's it.", "correct"))
    if maybe(rng, 0.5):
        c.tool_call(
            "update_profile",
            [
                ("customer_id", Benign("customer_id", str(rng.randint(10**8, 10**10)))),
                ("email", Pii("email", addr)),
                ("reply_to", Benign("company_email", f"noreply@{c.domain}")),
            ],
        )
        c.tag("email.form.json")
    mail_fill(c, 1)
    close_call(c)
    return c.row


def email_correction(rng: random.Random) -> Row:
    """The agent reads back a wrong address; the caller corrects it (both are labelled)."""
    c = Call(rng, "d11.email_correction")
    c.tag("aim.email_precision", "email.corrected")
    addr = email(c)
    local, dom = addr.split("@")
    wrong_dom = rng.choice([p for p in PROVIDERS if p != dom])
    wrong = f"{local}@{wrong_dom}" if maybe(rng, 0.5) else f"{local.replace('.', '')}@{dom}"
    if wrong == addr:
        wrong = f"{local}1@{dom}"
    open_call(c)
    fill(c, rng.randint(0, 2))
    c.agent(rng.choice(ASK))
    said, form = say_email(c, addr)
    c.tag(f"email.form.{form}")
    c.user(pick(rng, "It's ", "Sure, ", ""), Pii("email", said))
    c.agent("Okay, I have ", Pii("email", wrong), ".")
    fix = pick(rng, "No, ", "No no, ", "Sorry, not quite, ")
    c.user(
        fix,
        pick(rng, "it's ", "it should be ", ""),
        Pii("email", spoken_email(c, addr) if not c.smart or maybe(rng, 0.5) else addr),
        pick(rng, ".", "", ", with the dot."),
    )
    c.agent("Thanks, corrected to ", Pii("email", addr), ".")
    mail_fill(c, rng.randint(1, 2))
    close_call(c)
    return c.row


def email_split(rng: random.Random) -> Row:
    c = Call(rng, "d11.email_split")
    c.tag("aim.email_precision", "email.form.split")
    addr = email(c)
    local, dom = addr.split("@")
    open_call(c)
    fill(c, rng.randint(0, 2))
    c.agent(rng.choice(ASK))
    said = spoken_email(c, addr)
    at = said.rfind(" at ")
    first, second = said[:at], said[at + 1 :]
    c.user(
        pick(rng, "Okay so it's ", "It's ", ""),
        Pii("email", first, split=True),
        pick(rng, "...", "", ", um"),
    )
    c.agent(pick(rng, "Mm-hm, and the domain?", "Okay, at?", "Got that, go on."))
    c.user(
        pick(rng, "And then ", "Uh, ", "The rest is "),
        Pii("email", second, split=True),
        pick(rng, ".", "", " yeah"),
    )
    c.agent("Thanks, ", Pii("email", addr), ".")
    mail_fill(c, rng.randint(1, 2))
    close_call(c)
    return c.row


def email_tool(rng: random.Random) -> Row:
    """Emails in tool JSON: the person's under `email`, the company's under other keys."""
    c = Call(rng, "d11.email_tool")
    c.tag("aim.email_precision", "email.form.json")
    addr = email(c)
    open_call(c, reason=False)
    c.user(
        pick(
            rng,
            "Hi, I never got the confirmation email.",
            "I'm not getting your emails anymore.",
            "hi my statements stopped coming by email",
        )
    )
    c.tool_call(
        "get_customer", [("phone_last4", Benign("last_four", str(rng.randint(1000, 9999))))]
    )
    c.tool(
        [
            ("customer_id", Benign("customer_id", str(rng.randint(10**8, 10**10)))),
            ("name", f"{c.first} {c.last}"),
            ("email", Pii("email", addr)),
            ("email_verified", maybe(rng, 0.5)),
            ("sender", Benign("company_email", f"notifications@{c.domain}")),
            ("portal", Benign("website", f"https://{c.domain}/account")),
            (
                "username",
                Benign("username", addr.split("@")[0].replace(".", "_") + f"_{rng.randint(1, 9)}"),
            ),
        ]
    )
    c.agent(
        pick(rng, "I see the email on file is ", "We're sending to "),
        Pii("email", addr),
        pick(rng, ". Could you check the spam folder for mail from ", ". They come from "),
        Benign("company_email", f"notifications@{c.domain}"),
        ".",
    )
    c.user(pick(rng, "Oh, I'll check.", "yeah it's not there", "Hm, nothing."))
    mail_fill(c, rng.randint(1, 2))
    close_call(c)
    return c.row


def email_neg(rng: random.Random) -> Row:
    c = Call(rng, "d11.email_neg")
    c.tag("aim.email_precision", "aim.false_alarm")
    open_call(c)
    mail_fill(c, rng.randint(2, 4))
    fill(c, rng.randint(0, 2))
    close_call(c)
    return c.row
