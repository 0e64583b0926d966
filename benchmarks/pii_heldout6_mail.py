"""heldout6 email families: addresses written and spoken in the many ways callers say them."""

from __future__ import annotations

import random

from pii_heldout6_neg import lk_mailbox, lk_website, look, neg_line, opener
from pii_heldout6_say import email_value, pii, say_email
from pii_rows import Benign, Row, maybe

ASK_EMAIL = [
    "Which email address would you like us to use?",
    "Where should the confirmation email be sent?",
    "And your email, please?",
    "Where should I send the documents?",
    "Would you spell that email address out for me?",
]
LEAD_EMAIL = ["it's ", "my email is ", "sure it's ", "", "send it to ", "use ", "okay so it's "]


def fam_email_spoken(rng: random.Random) -> Row:
    row = Row("h6.mail.spoken")
    opener(row, rng)
    row.say(
        "user",
        rng.choice(
            [
                "i never got my confirmation email",
                "i want paperless billing",
                "can you send me the quote",
                "i need the invoice emailed",
            ]
        ),
        smart=False,
    )
    row.say("assistant", rng.choice(ASK_EMAIL))
    e = email_value(rng)
    raw = maybe(rng, 0.7)
    text = say_email(e, rng, raw=raw, spell_p=0.2, style="plain")
    row.say(
        "user",
        rng.choice(LEAD_EMAIL),
        pii(row, "email", text, e),
        rng.choice(["", " all lowercase", " all one word"]) if raw else ".",
        smart=not raw,
    )
    if maybe(rng, 0.4):
        row.say("assistant", "Got it, ", pii(row, "email", e, e), ". I'll send it now.")
        row.tags.add("readback")
    elif maybe(rng, 0.2):
        row.say(
            "assistant",
            "Sent. It'll come from ",
            Benign(*lk_mailbox(rng, False)),
            ", check your spam folder.",
        )
    return row


def fam_email_spelled(rng: random.Random) -> Row:
    row = Row("h6.mail.spelled")
    opener(row, rng)
    row.say("assistant", rng.choice(ASK_EMAIL))
    e = email_value(rng)
    style = rng.choice(["nato", "as_in", "plain"])
    text = say_email(e, rng, raw=True, spell_p=1.0, style=style)
    row.say("user", rng.choice(LEAD_EMAIL), pii(row, "email", text, e), smart=False)
    row.tags.add(f"email.spelled.{style}")
    maybe_lookalike = maybe(rng, 0.3)
    if maybe_lookalike:
        neg_line(row, rng, "assistant")
    return row


def fam_email_split(rng: random.Random) -> Row:
    row = Row("h6.mail.split")
    opener(row, rng)
    row.say("assistant", rng.choice(ASK_EMAIL))
    e = email_value(rng)
    local, dom = e.split("@")
    raw = maybe(rng, 0.75)
    t1 = say_email(e, rng, raw=raw, spell_p=0.3)
    at_words = [" at sign ", " at the rate ", " at symbol ", " at "]
    cut = None
    for w in at_words:
        if w in t1:
            cut = t1.index(w)
            at_w = w.strip()
            break
    if cut is None:
        raise RuntimeError(t1)
    first, second = t1[:cut], t1[cut + 1 :]
    if maybe(rng, 0.5):
        # the "at ..." goes with the second piece
        row.say(
            "user",
            rng.choice(["okay it's ", "so ", ""]),
            pii(row, "email", first, e, split=True),
            smart=not raw,
        )
        row.say(
            "assistant", rng.choice(["Okay...", "Mm-hm, at?", "Got that part.", "And the domain?"])
        )
        row.say("user", pii(row, "email", second, e, split=True), smart=not raw)
    else:
        first2 = first + " " + at_w
        second2 = second[len(at_w) + 1 :]
        row.say("user", pii(row, "email", first2, e, split=True), smart=not raw)
        row.say("assistant", rng.choice(["Yes?", "Go on.", "At...?"]))
        row.say("user", pii(row, "email", second2, e, split=True), smart=not raw)
    if maybe(rng, 0.4):
        row.say("assistant", "So that's ", pii(row, "email", e, e), ", perfect.")
    return row


def fam_email_corrected(rng: random.Random) -> Row:
    row = Row("h6.mail.corrected")
    opener(row, rng)
    row.say("assistant", rng.choice(ASK_EMAIL))
    e = email_value(rng)
    raw = maybe(rng, 0.7)
    row.say("user", pii(row, "email", say_email(e, rng, raw=raw), e), smart=not raw)
    k = rng.randrange(3)
    if k == 0:
        # agent reads back wrong, caller corrects with the full address
        local, dom = e.split("@")
        wrong = local.replace("i", "y", 1) if "i" in local else local + "s"
        row.say(
            "assistant", "So that's ", pii(row, "email", f"{wrong}@{dom}", f"{wrong}@{dom}"), "?"
        )
        row.say(
            "user",
            "no it's " if raw else "No, it's ",
            pii(row, "email", say_email(e, rng, raw=raw, spell_p=1.0), e),
            smart=not raw,
        )
    elif k == 1:
        e2 = email_value(rng)
        row.say(
            "user",
            "actually no use my other one " if raw else "Actually, use my other one: ",
            pii(row, "email", say_email(e2, rng, raw=raw), e2),
            smart=not raw,
        )
    else:
        row.say("assistant", "Sorry, the line broke up, could you repeat that?")
        row.say(
            "user",
            pii(row, "email", say_email(e, rng, raw=True, spell_p=0.6, style="nato"), e),
            smart=False,
        )
    row.tags.add("correction")
    return row


def fam_email_no_ending(rng: random.Random) -> Row:
    row = Row("h6.mail.no_ending")
    opener(row, rng)
    row.say("assistant", rng.choice(ASK_EMAIL))
    e = email_value(rng, "prov")
    text = say_email(e, rng, raw=True, drop_ending=True)
    row.say(
        "user",
        rng.choice(LEAD_EMAIL),
        pii(row, "email", text, e),
        rng.choice(["", " the usual", " you know the rest"]),
        smart=False,
    )
    row.say("assistant", "Is that dot com?")
    row.say("user", rng.choice(["yeah", "yes dot com", "yep"]), smart=False)
    row.tags.add("email.no_ending")
    return row


def fam_email_work(rng: random.Random) -> Row:
    """Work/company-domain addresses next to the company's own mailboxes."""
    row = Row("h6.mail.work_domain")
    comp = opener(row, rng)
    e = email_value(rng, "work")
    raw = maybe(rng, 0.6)
    row.say(
        "user",
        "i'm calling for our office we need invoices to go to "
        if raw
        else "I'm calling for our office. Invoices should go to ",
        pii(row, "email", say_email(e, rng, raw=raw) if raw else e, e),
        smart=not raw,
    )
    row.say(
        "assistant",
        "Okay. They'll come from ",
        Benign(*lk_mailbox(rng, False, comp)),
        ", and you can download copies at ",
        Benign(*lk_website(rng, False, comp)),
        ".",
    )
    if maybe(rng, 0.5):
        e2 = email_value(rng, "work")
        row.say(
            "user",
            "and cc " if raw else "And cc ",
            pii(row, "email", say_email(e2, rng, raw=raw) if raw else e2, e2),
            smart=not raw,
        )
    return row


def fam_email_country(rng: random.Random) -> Row:
    row = Row("h6.mail.country_domain")
    opener(row, rng)
    row.say("assistant", rng.choice(ASK_EMAIL))
    e = email_value(rng, "country")
    raw = maybe(rng, 0.7)
    row.say(
        "user",
        rng.choice(LEAD_EMAIL),
        pii(row, "email", say_email(e, rng, raw=raw), e),
        smart=not raw,
    )
    if maybe(rng, 0.5):
        row.say(
            "assistant",
            "Thanks. Your booking reference is ",
            look(rng, False, "booking_ref", "order_id"),
            ".",
        )
    return row


MAIL_FAMILIES = {
    "h6.mail.spoken": (fam_email_spoken, 3.5),
    "h6.mail.spelled": (fam_email_spelled, 2.0),
    "h6.mail.split": (fam_email_split, 1.5),
    "h6.mail.corrected": (fam_email_corrected, 1.5),
    "h6.mail.no_ending": (fam_email_no_ending, 1.0),
    "h6.mail.work_domain": (fam_email_work, 1.5),
    "h6.mail.country_domain": (fam_email_country, 1.5),
}
