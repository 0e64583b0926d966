"""heldout8: one call being put together (who speaks how) and its opening and closing turns."""

from __future__ import annotations

import random
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberFormat
from pii_heldout8_biz import Biz, slug
from pii_heldout8_kit import (
    NANP,
    REGION_NAMES,
    email,
    email_spoken,
    json_parts,
    person,
    phone,
    phone_spoken,
    phone_text,
    pick,
    region,
)
from pii_heldout8_look import ID_WORDS, draw, say_look
from pii_rows import Benign, Pii, Retry, Row, maybe

Part = str | Pii | Benign
AGENTS = "Dana Marcus Priya Leo Janelle Sam Theo Aaliyah Chris Monique Ravi Kelly Omar Beth".split()


def fill(frame: str, *items: Part) -> list[Part]:
    """'Sure, {} it is.' with items in the `{}` places."""
    bits = frame.split("{}")
    if len(bits) != len(items) + 1:
        raise AssertionError(frame)
    out: list[Part] = [bits[0]]
    for item, bit in zip(items, bits[1:], strict=True):
        out += [item, bit]
    return [p for p in out if p != ""]


class Call:
    """A call at one business: its caller, channel, and the turns said so far."""

    def __init__(self, rng: random.Random, biz: Biz, family: str, channel: str | None = None):
        self.rng = rng
        self.biz = biz
        self.row = Row(family=family)
        self.company = pick(rng, biz.names)
        tld = pick(
            rng, [".com", ".com", ".com", ".org" if biz.key in ("charity", "legal") else ".net"]
        )
        self.domain = slug(self.company) + tld
        self.site = pick(rng, ["www.", "", ""]) + self.domain
        self.mailbox = pick(rng, ["support", "help", "billing", "care", "hello", "service", "info"])
        self.mailbox += "@" + self.domain
        self.channel = channel or rng.choices(["voice", "chat", "sms"], [7.5, 1.5, 1.0])[0]
        self.raw = self.channel == "voice" and maybe(rng, 0.5)
        self.first, self.last = person(rng)
        self.agent_name = pick(rng, AGENTS)
        self.phones: list[tuple[phonenumbers.PhoneNumber, str]] = []
        self.email_addr = email(rng, self.first, self.last)
        self.known: dict[str, str] = {}  # ids already said in the call, by class
        self.tags = self.row.tags
        self.tags.add(f"biz.{biz.key}")
        self.tags.add(f"channel.{self.channel}")
        if self.channel == "voice":
            self.tags.add("stt.raw" if self.raw else "stt.smart")

    # ------------------------------------------------------------ speaking
    def user(self, *parts: Part) -> None:
        self.row.say("user", *parts, smart=not self.raw)

    def agent(self, *parts: Part) -> None:
        self.row.say("assistant", *parts)

    def uf(self, frame: str, *items: Part) -> None:
        self.user(*fill(frame, *items))

    def af(self, frame: str, *items: Part) -> None:
        self.agent(*fill(frame, *items))

    def tool_call(self, name: str, args: dict[str, Any]) -> None:
        self.tags.add("form.tool_json")
        self.row.say("assistant", *json_parts({"name": name, "arguments": args}))

    def tool_result(self, obj: dict[str, Any]) -> None:
        self.tags.add("form.tool_json")
        self.row.say("tool", *json_parts(obj, indent=None if maybe(self.rng, 0.7) else 2))

    @property
    def spoken(self) -> bool:
        return self.raw

    def look(self, cls: str, text: str | None = None, *, by_user: bool = True) -> Benign:
        """A look-alike of `cls`, written as the speaker's channel writes it."""
        value = draw(self.rng, cls) if text is None else text
        if cls in ID_WORDS:
            self.known.setdefault(cls, value)
        return Benign(cls, say_look(self.rng, cls, value, by_user and self.raw))

    def alook(self, cls: str, text: str | None = None) -> Benign:
        return self.look(cls, text, by_user=False)

    def website(self, *, by_user: bool = False) -> Benign:
        site = self.site
        if by_user and self.raw:
            site = site.replace(".", " dot ")
        return Benign("website", site)

    def mail_box(self, *, by_user: bool = False) -> Benign:
        box = self.mailbox
        if by_user and self.raw:
            box = box.replace("@", " at ").replace(".", " dot ")
        return Benign("business_email", box)

    def line(self, *, by_user: bool = False) -> Benign:
        return self.look("business_phone", by_user=by_user)

    # ------------------------------------------------------------ PII texts
    def new_phone(self, reg: str | None = None) -> tuple[phonenumbers.PhoneNumber, str]:
        reg = reg or region(self.rng)
        num = phone(self.rng, reg)
        self.phones.append((num, reg))
        self.tags.add(f"phone.region.{reg}")
        return num, reg

    def phone_said(self, num: phonenumbers.PhoneNumber, reg: str) -> Pii:
        if self.raw:
            self.tags.add("phone.form.spoken")
            return Pii("phone", phone_spoken(self.rng, num, reg))
        self.tags.add("phone.form.typed" if self.channel != "voice" else "phone.form.smart")
        return Pii("phone", phone_text(self.rng, num, reg))

    def phone_read(self, num: phonenumbers.PhoneNumber, reg: str) -> Pii:
        """How an agent (LLM text) reads a number back."""
        nat = phonenumbers.national_significant_number(num)
        r = self.rng.random()
        if reg in NANP and r < 0.3:
            return Pii("phone", f"{' '.join(nat[:3])}, {' '.join(nat[3:6])}, {' '.join(nat[6:])}")
        if r < 0.5:
            return Pii("phone", phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL))
        return Pii("phone", phone_text(self.rng, num, reg))

    def phone_tool(self, num: phonenumbers.PhoneNumber) -> Pii:
        fmt = PhoneNumberFormat.E164 if maybe(self.rng, 0.7) else PhoneNumberFormat.INTERNATIONAL
        return Pii("phone", phonenumbers.format_number(num, fmt))

    def email_said(self, addr: str | None = None) -> Pii:
        addr = addr or self.email_addr
        if self.raw:
            self.tags.add("email.form.spoken")
            return Pii("email", email_spoken(self.rng, addr))
        self.tags.add("email.form.typed")
        if self.channel == "voice" and maybe(self.rng, 0.3):
            # a smart ASR writes the address but keeps 'at'/'dot' words now and then
            local, dom = addr.split("@")
            return Pii("email", f"{local} at {dom}")
        return Pii("email", addr)

    def region_phrase(self, reg: str) -> str:
        return REGION_NAMES[reg]


# ---------------------------------------------------------------- openings

GREET = (
    "Thank you for calling {co}, this is {ag}. How can I help you today?",
    "{co}, {ag} speaking. What can I do for you?",
    "Hi, you've reached {co}. My name's {ag} — how can I help?",
    "Good morning, {co}, this is {ag}. Who do I have the pleasure of speaking with?",
    "Thanks for holding, this is {ag} with {co}. What's going on today?",
    "Hello and welcome to {co}. I'm {ag}, the virtual assistant. How can I help?",
    "{co} customer care, {ag} here. How can I help you this afternoon?",
)
CHAT_GREET = (
    "Hi! You're chatting with {ag} from {co}. What can I help with?",
    "Hello, thanks for messaging {co}. How can I help today?",
    "Hi there 👋 This is {co}'s assistant. What do you need help with?",
)
PRE = ("", "", "Hi, ", "Yeah hi, ", "Um, hi. ", "Hello? Yes, ", "Hi, good morning. ", "Okay, so ")


def greet(c: Call) -> None:
    frames = GREET if c.channel == "voice" else CHAT_GREET
    c.agent(pick(c.rng, frames).format(co=c.company, ag=c.agent_name))


def reason(c: Call) -> None:
    frame, classes = c.biz.reasons[c.rng.randrange(len(c.biz.reasons))]
    items = [c.look(cls) for cls in classes]
    if frame.startswith(("Hi", "Hello", "Hey", "Yeah")) and maybe(c.rng, 0.3):
        frame = frame.split(" ", 1)[1]
        pre = pick(c.rng, PRE)
        if frame.startswith(("I ", "I'")):
            frame = pre + frame
        elif pre:
            frame = pre + frame[0].lower() + frame[1:]
        else:
            frame = frame[0].upper() + frame[1:]
    if c.channel == "sms":
        frame = frame.replace("Hi, ", "").replace("Hello, ", "")
    c.uf(frame, *items)


ASK_ID = (
    "I can help with that. Can I get your {w} to start?",
    "Sure thing. Do you have the {w} from your paperwork?",
    "No problem — would you have your {w} handy, by any chance?",
    "Let me pull that up on my side. What's your {w}, please?",
    "Okay. To find your file, I'll need the {w} first.",
)
ASK_PHONE_ON_FILE = (
    "I can look you up by phone. Which number did you give us when you signed up?",
    "Let me find your account. What phone number would it be listed under?",
    "Sure — which number do you think we'd have on file for you?",
    "Can you give me the phone number you registered with, the one on your profile?",
)
GIVE_ID = (
    "Yeah it's {}.",
    "It's {}.",
    "Um, {}.",
    "I have it here, {}.",
    "{}",
    "Okay it's, uh, {}.",
    "Should be {}.",
)
GIVE_PHONE = (
    "It's {}.",
    "Sure, {}.",
    "Yeah, it's under {}.",
    "Uh, try {}.",
    "My cell, {}.",
    "{}",
    "It should be {}, that's my mobile.",
    "It's not a local number, I'm in {} — {}.",
)


def identify(c: Call, *, allow_phone: bool = True) -> str | None:
    """Agent asks who the caller is; by phone (PII) or by an id (a look-alike). The id class."""
    rng = c.rng
    if allow_phone and maybe(rng, 0.45):
        num, reg = c.new_phone()
        c.agent(pick(rng, ASK_PHONE_ON_FILE))
        frame = pick(rng, GIVE_PHONE)
        if "I'm in {}" in frame:
            c.uf(frame, c.region_phrase(reg), c.phone_said(num, reg))
        else:
            c.uf(frame, c.phone_said(num, reg))
        c.tool_call("lookup_customer", {"phone": c.phone_tool(num)})
        return None
    said = [k for k in c.biz.ids if k in c.known]
    if said:  # the caller already gave it: the agent reads it back and looks it up
        cls = said[0]
        value = c.known[cls]
        word = ID_WORDS.get(cls, cls.replace("_", " "))
        c.af(
            pick(
                rng,
                (
                    "Thanks, let me pull up {} {}.",
                    "Okay, one sec — {} {}.",
                    "Sure, checking {} {} now.",
                ),
            ),
            word,
            c.alook(cls, value),
        )
        c.tool_call("lookup_" + cls.split("_")[0], {cls: Benign(cls, value)})
        return cls
    cls = pick(rng, c.biz.ids)
    word = ID_WORDS.get(cls, cls.replace("_", " "))
    c.agent(pick(rng, ASK_ID).format(w=word))
    value = draw(rng, cls)
    c.uf(pick(rng, GIVE_ID), c.look(cls, value))
    c.tool_call("lookup_" + cls.split("_")[0], {cls: Benign(cls, value)})
    return cls


def record(c: Call, *, with_phone: bool = True, with_email: bool = True) -> None:
    """The tool's record of the caller: many fields, PII and look-alikes together."""
    rng = c.rng
    rec: dict[str, Any] = {"name": f"{c.first.title()} {c.last.title()}"}
    for cls in sorted(set(c.biz.ids)):
        rec[cls] = Benign(cls, c.known.get(cls) or draw(rng, cls))
    if with_phone:
        if not c.phones:
            c.new_phone()
        rec["phone"] = c.phone_tool(c.phones[0][0])
    if with_email:
        rec["email"] = Pii("email", c.email_addr)
    extra = list(c.biz.extra)
    rng.shuffle(extra)
    for cls in extra[: rng.randint(2, 4)]:
        key = FIELD.get(cls, cls)
        if key in rec or cls in rec:
            continue
        rec[key] = Benign(cls, draw(rng, cls))
    if maybe(rng, 0.5):
        rec["card_on_file"] = Benign("masked_card", draw(rng, "masked_card"))
    if maybe(rng, 0.3):
        rec["callback_hours"] = "9-17"
    rec["status"] = pick(rng, ["active", "active", "past_due", "pending", "open"])
    c.tool_result({"ok": True, "record": rec})


FIELD = {
    "business_phone": "store_phone",
    "amount": "balance",
    "date": "last_visit",
    "time": "slot",
    "address": "service_address",
    "quantity": "items",
    "percentage": "rate",
    "weight": "weight",
    "speed": "plan_speed",
    "odometer": "mileage",
    "version": "app_version",
    "extension": "adjuster_line",
}

CLOSE = (
    "You're all set. Your reference number is {}. Anything else I can help with?",
    "Done — I've noted it under reference {}. Is there anything else?",
    "That's updated. If you need us again, mention {}.",
    "Perfect. I've logged this as {}, you'll get a confirmation shortly.",
)
BYE = (
    "No, I think that covers everything, thanks.",
    "Nope, that was the whole list. Thank you!",
    "That's all for today, thanks so much for sorting it.",
    "Great, thank you, you've been really helpful. Bye.",
    "ok thx",
)
INFO = (
    "If anything changes you can call us at {} or write to {}.",
    "You can also manage this online at {}, or call {}.",
    "For anything else, our line is {} — we're open until {}.",
    "The team's email is {} if you'd rather send documents, and the direct line is {}.",
    "Our main number is {}, and the website is {}.",
)


def info(c: Call) -> None:
    rng = c.rng
    frame = pick(rng, INFO)
    if frame.startswith("If anything"):
        c.af(frame, c.line(), c.mail_box())
    elif frame.startswith("You can also"):
        c.af(frame, c.website(), c.line())
    elif frame.startswith("For anything"):
        c.af(frame, c.line(), c.alook("time", pick(rng, ["6:00 PM", "8:00 PM", "5:30 PM", "9 PM"])))
    elif frame.startswith("The team"):
        c.af(frame, c.mail_box(), c.line())
    else:
        c.af(frame, c.line(), c.website())


def close(c: Call) -> None:
    c.af(pick(c.rng, CLOSE), c.alook("reference_number"))
    if maybe(c.rng, 0.6):
        c.user(pick(c.rng, BYE))


def check_length(c: Call) -> Row:
    if not 2 <= len(c.row.turns) <= 14:
        raise Retry("length")
    return c.row
