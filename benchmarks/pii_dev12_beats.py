"""dev12's look-alike beats for a long call: other businesses' lines and faxes, the
business's own line, a date with a time, amounts, a number read off a letter or a screen, an
id said again later, a one-time code. Each is a short exchange of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from pii_dev12_call import Call, ask_id, lookup
from pii_dev12_ids import amount_due, date_time, dollars, id_typed, letter_ref, short_code
from pii_dev12_kit import pick, words
from pii_dev12_num import Phone, phone, phone_said, phone_typed, toll_free
from pii_rows import Benign, maybe


def third_party(c: Call) -> None:
    """Another business's line or fax: said by the agent (typed) or by the caller (spoken)."""
    r = c.rng
    cls, whose = pick(r, c.biz.third)
    p = phone(r, "US", landline=True) if maybe(r, 0.8) else phone(r, "CA", landline=True)
    if maybe(r, 0.5):
        text = phone_typed(r, p)[0]
        c.bot(
            pick(
                r,
                (
                    f"You can reach {whose} directly at ",
                    f"The number I have for {whose} is ",
                    f"I'd call {whose}; they're at ",
                ),
            ),
            Benign(cls, text),
            pick(r, (".", "; they open at eight.", ". Ask for the billing desk.")),
        )
        if maybe(r, 0.5):
            c.user(
                pick(r, ("okay let me write that down ", "hang on ", "got it ")),
                Benign(cls, _echo(c, p)),
            )
    else:
        _, text, _ = phone_said(r, p, smart=not c.raw)
        c.user(
            pick(
                r,
                (
                    f"i already called {whose}, ",
                    f"i talked to {whose} at ",
                    f"so {whose} gave me their number, ",
                ),
            ),
            Benign(cls, text),
            pick(
                r, (" and they sent me back to you", ", nobody picks up", " and they said call you")
            ),
        )
        c.bot(
            pick(
                r,
                (
                    f"I'm sorry you got bounced around, {c.first}. "
                    "Let me see what I can do from here.",
                    "Understood, thanks for trying them first. Let me take a look.",
                    f"Okay. I'll make a note that you already spoke with {whose}.",
                ),
            )
        )


def _echo(c: Call, p: Phone) -> str:
    return " ".join(words(g, c.rng) for g in p.groups) if c.raw else "-".join(p.groups)


def own_line(c: Call) -> None:
    r = c.rng
    p = toll_free(r) if maybe(r, 0.6) else phone(r, "US", landline=True)
    text = phone_typed(r, p)[0]
    how = r.randrange(3)
    if how == 0:
        c.bot(
            pick(
                r,
                (
                    "If we get disconnected, you can call us back at ",
                    "Our direct line for this department is ",
                    "For anything after hours, the number is ",
                ),
            ),
            Benign("business_phone", text),
            ".",
        )
    elif how == 1:
        c.bot(
            pick(
                r,
                (
                    "You can fax the signed form to us at ",
                    "Our fax for documents is ",
                    "Send it over by fax to ",
                ),
            ),
            Benign("business_fax", text),
            pick(r, (", attention claims.", ", with your name on the cover sheet.", ".")),
        )
    else:
        _, said, _ = phone_said(r, p, smart=not c.raw)
        c.user(
            pick(
                r,
                (
                    "i called the number on the back of the card ",
                    "i've been calling ",
                    "the number on your website ",
                ),
            ),
            Benign("business_phone", said),
            pick(r, (" all morning", " twice", " and it hung up on me")),
        )
        c.bot(f"I apologize for that, {c.first}. You're in the right place now.")


def schedule(c: Call) -> None:
    r = c.rng
    a, b = date_time(r, smart=True), date_time(r, smart=True)
    c.bot(
        pick(
            r,
            (
                "The earliest I can offer is ",
                "I have openings ",
                "I can set that for ",
                "Someone can call you back ",
            ),
        ),
        a,
        " or ",
        b,
        ". Which works better?",
    )
    if maybe(r, 0.6):
        c.user(
            pick(r, ("the second one ", "um the first one ", "let's do ")),
            date_time(r, smart=not c.raw),
            pick(r, (" is what i wrote down", "", " if that's still open")),
        )
    else:
        c.user(pick(r, ("the second one please", "the first works", "second is better")))


def money(c: Call) -> None:
    r = c.rng
    if maybe(r, 0.5):
        c.bot(
            pick(r, ("I see a balance of ", "The statement shows ", "What's posted right now is ")),
            amount_due(r, smart=True),
            ".",
        )
    else:
        c.bot(
            "I can put a credit of ",
            dollars(r, smart=True),
            pick(r, (" on the account.", " back on your card; it takes three to five days.")),
        )
    c.user(
        pick(
            r,
            (
                "okay but that's not what i was quoted i was told ",
                "hmm last month it was ",
                "i paid ",
            ),
        ),
        dollars(r, smart=not c.raw),
        pick(r, ("", " on the phone", " already")),
    )


def letter(c: Call) -> None:
    r = c.rng
    where, ref = letter_ref(r)
    c.user(
        f"{pick(r, ('okay so ', 'um ', 'yeah '))}{where} ",
        ref,
        pick(r, (", does that help", " if that means anything", "")),
    )
    c.bot(
        pick(
            r,
            (
                "That's our internal document number, it doesn't pull up the account by itself.",
                "Thanks, that helps me find the right notice.",
                "Got it, I see that one in the system.",
            ),
        )
    )


def repeat_id(c: Call) -> None:
    r = c.rng
    if not c.said:
        return ask_id(c)
    cls, noun, value = pick(r, c.said)
    c.user(
        pick(
            r,
            (
                f"and just so it's on the note the {noun} was ",
                f"sorry, the {noun} again is ",
                f"wait did you get the {noun} ",
            ),
        ),
        Benign(cls, id_typed(r, value) if not c.raw else words(value, r)),
    )
    c.bot(
        pick(
            r,
            (
                "Yes, that's the one I'm looking at.",
                "Yep, I have it in front of me.",
                "That matches what I have.",
            ),
        )
    )
    return None


def code(c: Call) -> None:
    r = c.rng
    c.on_record(
        pick(
            r,
            (
                "I just texted a one-time code to the phone on file. Can you read it to me?",
                "You should have a verification code by text now.",
                "A six-digit code just went to your phone. What does it say?",
            ),
        )
    )
    c.user(pick(r, ("okay it says ", "got it, ", "it's ")), short_code(r))


LOOKS: tuple[Callable[[Call], None], ...] = (
    ask_id,
    ask_id,
    lookup,
    third_party,
    third_party,
    own_line,
    schedule,
    money,
    letter,
    repeat_id,
    code,
)
