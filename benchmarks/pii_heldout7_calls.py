"""heldout7: the call machinery: a business, its look-alike talk, and the steps where a caller
gives (or an agent reads back, or a tool carries) a phone, card, email, IBAN or SSN."""

from __future__ import annotations

import json
import random
import re

import phonenumbers
import pii_heldout7_gen as G
from phonenumbers import PhoneNumberFormat as PNF
from pii_heldout7_neg import NEG, amount, d, nz

CURRENCY = {"US": "$", "CA": "$", "AU": "$", "MX": "$", "GB": "£", "IN": "₹"}
from pii_heldout7_say import digits_words
from pii_rows import Benign, Pii, Retry, Row, maybe

__all__ = ["Call", "Retry"]


def _tollfree(rng: random.Random, market: str, raw: bool) -> str:
    if market == "GB":
        s = rng.choice(["0800", "0345", "0333", "0808"]) + " " + d(rng, 3) + " " + d(rng, 4)
    elif market == "AU":
        s = rng.choice(["1300 ", "1800 "]) + d(rng, 3) + " " + d(rng, 3)
    elif market == "IN":
        s = "1800 " + d(rng, 3) + " " + d(rng, 4)
    elif market == "IE":
        s = "1800 " + d(rng, 3) + " " + d(rng, 3)
    else:
        s = (
            rng.choice(["1-800-", "1-888-", "1-877-", "(866) ", "855-", "1 (833) "])
            + d(rng, 3)
            + "-"
            + d(rng, 4)
        )
    if not raw:
        return s
    groups = re.findall(r"\d+", s)
    out = []
    for g in groups:
        if g in ("800", "888", "877", "866", "855", "833") or (g == "1800" and rng.random() < 0.6):
            out.append(
                {
                    "800": "eight hundred",
                    "888": "triple eight",
                    "877": "eight seven seven",
                    "866": "eight double six",
                    "855": "eight double five",
                    "833": "eight three three",
                    "1800": "one eight hundred",
                }[g]
            )
        else:
            out.append(digits_words(g, rng, rng.choice(["single", "double", "pairs"])))
    return " ".join(out)


class Call:
    """One call being built: the row, the business, the surface (smart or raw)."""

    def __init__(self, rng: random.Random, family: str, biz: dict, raw: bool | None = None):
        self.rng = rng
        self.row = Row(family=family)
        self.biz = biz
        self.name = rng.choice(biz["names"])
        self.market = rng.choice(biz.get("markets", ["US"]))
        self.raw = (rng.random() < 0.5) if raw is None else raw
        self.row.tags.add("stt.raw" if self.raw else "stt.smart")
        self.row.tags.add("biz." + biz["key"])
        slug = re.sub(r"[^a-z]", "", self.name.lower())
        if len(slug) > 18:
            slug = re.sub(
                r"[^a-z]", "", self.name.lower().split()[0] + self.name.lower().split()[1]
            )
        self.domain = slug + rng.choice(
            [".com", ".com", ".co", ".net", ".org"]
            if self.market in ("US", "CA")
            else [".com", ".co.uk" if self.market == "GB" else ".com", ".eu"]
        )
        self.caller_region = None

    # ------------------------------------------------------------ helpers
    def turn_raw(self) -> bool:
        # a few turns in a row flip surface (the agent's TTS text is usually formatted)
        return self.raw if self.rng.random() > 0.12 else not self.raw

    def biz_piece(self, key: str, raw: bool) -> Benign:
        rng = self.rng
        if key == "biz_phone":
            return Benign("business_phone", _tollfree(rng, self.market, raw))
        if key == "biz_email":
            box = rng.choice(self.biz.get("boxes", ["support", "help", "care", "billing"]))
            if raw:
                return Benign("business_email", f"{box} at {self.domain.replace('.', ' dot ')}")
            return Benign("business_email", f"{box}@{self.domain}")
        if key == "website":
            path = rng.choice(["", "/help", "/pay", "/returns", "/account", "/claims"])
            if raw:
                return Benign(
                    "website",
                    self.domain.replace(".", " dot ") + (" slash " + path[1:] if path else ""),
                )
            return Benign("website", rng.choice(["www.", "", "https://"]) + self.domain + path)
        if key == "handle":
            h = re.sub(r"[^a-z]", "", self.name.lower())[:10] + rng.choice(
                ["help", "_care", "support", ""]
            )
            return Benign(
                "social_handle", ("at " + h.replace("_", " underscore ")) if raw else "@" + h
            )
        raise KeyError(key)

    def say(
        self, role: str, template: str, raw: bool | None = None, **pii: Pii | Benign | str
    ) -> None:
        """A turn from a template: {cls} draws a look-alike, {name} the business, {x} kwargs."""
        if raw is None:
            raw = self.turn_raw() if role == "user" else (self.raw and self.rng.random() < 0.8)
        parts: list = []
        pos = 0
        for m in re.finditer(r"\{(\w+)\}", template):
            if m.start() > pos:
                parts.append(self._plain(template[pos : m.start()], raw))
            key = m.group(1)
            if key in pii:
                parts.append(pii[key])
            elif key == "name":
                parts.append(self.name)
            elif key in ("biz_phone", "biz_email", "website", "handle"):
                parts.append(self.biz_piece(key, raw))
            else:
                cls = key if key in NEG else key.rstrip("0123456789")
                if cls == "amount":
                    parts.append(Benign(cls, amount(self.rng, raw, CURRENCY.get(self.market, "€"))))
                else:
                    parts.append(Benign(cls, NEG[cls](self.rng, raw)))
            pos = m.end()
        if pos < len(template):
            parts.append(self._plain(template[pos:], raw))
        self.row.say(role, *parts, smart=not raw)

    @staticmethod
    def _plain(text: str, raw: bool) -> str:
        return text.replace(";", "").replace(":", "") if raw else text

    def tool(self, role: str, obj: dict, pieces: dict[str, Pii | Benign]) -> None:
        """A JSON tool turn; string values "@key" are replaced by the labelled piece."""
        text = json.dumps(obj, ensure_ascii=False)
        parts: list = []
        pos = 0
        for m in re.finditer(r'"@(\w+)"', text):
            parts.append(text[pos : m.start() + 1])
            parts.append(pieces[m.group(1)])
            pos = m.end() - 1
        parts.append(text[pos:])
        self.row.say(role, *parts, smart=True)

    def neg(self, n: int = 1) -> None:
        used = self.__dict__.setdefault("used", [])
        pool = [t for t in self.biz["talk"] if t not in used]
        for t in self.rng.sample(pool, min(n, len(pool))):
            used.append(t)
            role, template = t
            self.say(role, template)

    def opening(self) -> None:
        self.say("assistant", self.rng.choice(self.biz["open"]))

    def closing(self) -> None:
        rng = self.rng
        if maybe(rng, 0.5):
            self.say(
                "user",
                rng.choice(
                    [
                        "Okay, thank you so much.",
                        "Great, that was everything I needed.",
                        "Perfect. Thanks.",
                        "Alright cheers.",
                        "No that's everything, thanks.",
                    ]
                ),
            )
        if maybe(rng, 0.6):
            self.say("assistant", rng.choice(CLOSINGS))

    # ------------------------------------------------------------ phone
    def phone_piece(
        self,
        num,
        raw: bool,
        written: bool | None = None,
        intl: bool | None = None,
        split: bool = False,
        filler: float = 0.0,
        restart: bool = False,
    ) -> tuple[str, Pii]:
        rng = self.rng
        region = phonenumbers.region_code_for_number(num)
        self.row.tags.add("phone.region." + region)
        if intl is None:
            intl = rng.random() < (0.15 if region in ("US", "CA") else 0.5)
        if intl:
            self.row.tags.add("phone.intl")
        if written is None:
            written = (not raw) and rng.random() < 0.7
        if written and not raw:
            self.row.tags.add("phone.written")
            return "", Pii("phone", G.phone_written(rng, num, intl), split)
        self.row.tags.add("phone.spoken")
        if restart:
            self.row.tags.add("restart")
        if filler:
            self.row.tags.add("filler")
        before, text = G.phone_spoken(rng, num, intl, raw, filler, restart)
        if raw and written is not False and rng.random() < 0.25 and not restart:
            # raw engines that still emit digit runs
            w = G.phone_written(rng, num, intl)
            text = re.sub(r"[^\d ]", " ", w).strip()
            text = re.sub(r"\s+", " ", text)
            before = "plus " if w.startswith("+") and rng.random() < 0.5 else ""
        return before, Pii("phone", text, split)

    def new_phone(self, region: str | None = None):
        region = region or (
            self.rng.choice([self.market, G.pick_region(self.rng)])
            if self.rng.random() < 0.3
            else G.pick_region(self.rng)
        )
        return G.new_phone(self.rng, region)

    def phone_step(self) -> None:
        rng = self.rng
        row = self.row
        how = rng.random()
        num = self.new_phone(
            rng.choice(
                [
                    "US",
                    "US",
                    "US",
                    "CA",
                    "GB",
                    "AU",
                    "IN",
                    "DE",
                    "FR",
                    "IE",
                    "ZA",
                    "NG",
                    "PH",
                    "KE",
                    "NL",
                ]
            )
            if how < 0.14
            else None
        )
        self.say("assistant", rng.choice(ASK_PHONE))
        raw = self.turn_raw()
        if how < 0.14:
            # split over two caller turns
            region = phonenumbers.region_code_for_number(num)
            nsn = phonenumbers.national_significant_number(num)
            row.tags.add("phone.region." + region)
            cut = 3 if region in ("US", "CA") else max(2, len(nsn) // 2 - 1)
            if raw:
                a = G.digits_words(
                    nsn[:cut]
                    if region in ("US", "CA")
                    else ("0" + nsn[:cut] if G.NATIONAL_PREFIX.get(region) else nsn[:cut]),
                    rng,
                    None,
                    0.1,
                )
                b = G.say_groups(G.regroup(nsn[cut:], [3, 4, 4]), rng, True, None, 0.0, 0.1)
            else:
                a = (
                    nsn[:cut]
                    if region in ("US", "CA")
                    else (G.NATIONAL_PREFIX.get(region, "") + nsn[:cut])
                )
                b = " ".join(G.regroup(nsn[cut:], [3, 4, 4])) if rng.random() < 0.6 else nsn[cut:]
                if region in ("US", "CA") and rng.random() < 0.5:
                    a = "(" + a + ")"
            self.say(
                "user",
                rng.choice(["It's {a}", "Yeah, area code {a}", "Okay so it's {a}...", "{a}"]),
                raw=raw,
                a=Pii("phone", a, True),
            )
            self.say(
                "assistant",
                rng.choice(["Mm-hmm.", "Go ahead.", "Okay, and the rest of it?", "Yes?"]),
            )
            self.say(
                "user",
                rng.choice(["{b}.", "Then {b}.", "{b}, that's the mobile."]),
                raw=raw,
                b=Pii("phone", b, True),
            )
        elif how < 0.24:
            # said, misheard back, corrected
            before, p = self.phone_piece(num, raw, filler=0.0)
            self.say("user", before + "{p}", raw=raw, p=p) if not before else self.say(
                "user", "It's " + before + "{p}.", raw=raw, p=p
            )
            wrong = list(phonenumbers.national_significant_number(num))
            j = rng.randrange(len(wrong) - 4, len(wrong))
            wrong[j] = str((int(wrong[j]) + rng.randint(1, 8)) % 10)
            region = phonenumbers.region_code_for_number(num)
            wnum = phonenumbers.parse("+" + str(num.country_code) + "".join(wrong))
            if (
                not phonenumbers.is_valid_number(wnum)
                or phonenumbers.region_code_for_number(wnum) != region
            ):
                raise Retry("wrong")
            r2 = self.raw and rng.random() < 0.7
            _, pw = self.phone_piece(wnum, r2, written=not r2, intl=False)
            self.say(
                "assistant",
                rng.choice(
                    ["Let me read that back: {w}?", "I have {w}, is that right?", "So that's {w}."]
                ),
                raw=r2,
                w=pw,
            )
            row.tags.add("correction")
            _, pc = self.phone_piece(num, raw, intl=False)
            self.say(
                "user",
                rng.choice(
                    ["No, the end is different. It's {c}.", "Not quite, {c}.", "Sorry no, {c}."]
                ),
                raw=raw,
                c=pc,
            )
            self.say(
                "assistant",
                rng.choice(
                    ["Got it, ending in {phone_last4}. Thank you.", "Thanks, I've updated it."]
                ),
                phone_last4=Benign(
                    "phone_last4",
                    G.digits_words(
                        phonenumbers.national_significant_number(num)[-4:], rng, "single"
                    )
                    if self.raw
                    else phonenumbers.national_significant_number(num)[-4:],
                ),
            )
        elif how < 0.34:
            # number with an extension, or two numbers
            before, p = self.phone_piece(num, raw, intl=False)
            if maybe(rng, 0.5):
                self.say(
                    "user",
                    rng.choice(
                        [
                            "My work line is " + before + "{p}, {extension}.",
                            "Call me at the office, " + before + "{p} {extension}.",
                        ]
                    ),
                    raw=raw,
                    p=p,
                )
                row.tags.add("phone.extension")
            else:
                num2 = self.new_phone(phonenumbers.region_code_for_number(num))
                b2, p2 = self.phone_piece(num2, raw)
                self.say(
                    "user",
                    rng.choice(
                        [
                            "Cell is " + before + "{p}, or my husband's, " + b2 + "{q}.",
                            before + "{p} is best, and if not, try " + b2 + "{q}, that's home.",
                        ]
                    ),
                    raw=raw,
                    p=p,
                    q=p2,
                )
                row.tags.add("phone.two")
        elif how < 0.44:
            # caller mentions the business line first
            before, p = self.phone_piece(num, raw)
            self.say(
                "user",
                rng.choice(
                    [
                        "I already called {biz_phone} twice. Just use my cell, " + before + "{p}.",
                        "The number on your site, {biz_phone}, kept dropping me. Mine is "
                        + before
                        + "{p}.",
                    ]
                ),
                raw=raw,
                p=p,
            )
            row.tags.add("phone.beside_business_line")
        else:
            filler = 0.4 if maybe(rng, 0.25) else 0.0
            restart = maybe(rng, 0.1)
            before, p = self.phone_piece(num, raw, filler=filler, restart=restart)
            self.say("user", rng.choice(PHONE_GIVE).replace("{B}", before), raw=raw, p=p)
        # afterwards: read back, masked confirm, or tool
        after = rng.random()
        nsn = phonenumbers.national_significant_number(num)
        if after < 0.25 and how >= 0.24:
            r2 = self.raw and rng.random() < 0.7
            b, pb = self.phone_piece(num, r2, written=not r2)
            self.say(
                "assistant",
                rng.choice(
                    [
                        "Thank you. Just to confirm, that's " + b + "{p}?",
                        "I have " + b + "{p}. Correct?",
                        "Okay, " + b + "{p}, got it.",
                    ]
                ),
                raw=r2,
                p=pb,
            )
            row.tags.add("readback")
            if maybe(rng, 0.6):
                self.say("user", rng.choice(["Yes.", "Yep that's it.", "Correct.", "Uh huh."]))
        elif after < 0.45:
            last = G.digits_words(nsn[-4:], rng, "single") if self.raw else nsn[-4:]
            self.say(
                "assistant",
                rng.choice(
                    [
                        "Okay, I've saved the number ending in {l}.",
                        "Great, the mobile ending {l} is now on file.",
                    ]
                ),
                l=Benign("phone_last4", last),
            )
        elif after < 0.7:
            e164 = phonenumbers.format_number(num, PNF.E164)
            key = rng.choice(
                ["phone", "mobile", "phone_number", "callback_number", "contact_phone"]
            )
            obj = {
                "tool": rng.choice(
                    ["update_contact", "set_callback", "lookup_customer", "send_sms_link"]
                ),
                "arguments": {key: "@p"},
            }
            if maybe(rng, 0.5):
                obj["arguments"]["account_ref"] = "@acct"
            self.tool(
                "assistant",
                obj,
                {
                    "p": Pii(
                        "phone",
                        e164
                        if rng.random() < 0.7
                        else phonenumbers.format_number(num, PNF.INTERNATIONAL),
                    ),
                    "acct": Benign("customer_number", NEG["customer_number"](rng, False)),
                },
            )
            self.tool(
                "tool",
                {"status": "ok", "ticket": "@t", "sms_sent": True}
                if maybe(rng, 0.5)
                else {"ok": True, "updated_at": "@t"},
                {
                    "t": Benign("ticket_number", NEG["ticket_number"](rng, False))
                    if maybe(rng, 0.5)
                    else Benign(
                        "date",
                        f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z",
                    )
                },
            )
            row.tags.add("tool_json")

    # ------------------------------------------------------------ card
    def card_step(self) -> None:
        rng = self.rng
        row = self.row
        network, number = G.new_card(rng)
        row.tags.add("card.network." + network)
        self.say("assistant", rng.choice(ASK_CARD))
        raw = self.turn_raw()
        written = (not raw) and rng.random() < 0.55
        how = rng.random()
        net = G.NETWORK_NAME[network]
        if how < 0.15:
            groups = G.card_groups(rng, number)
            k = rng.randint(1, len(groups) - 1)
            if written:
                a, b = " ".join(groups[:k]), " ".join(groups[k:])
            else:
                a = G.say_groups(groups[:k], rng, raw, None, 0.0, 0.1 if raw else 0)
                b = G.say_groups(groups[k:], rng, raw, None, 0.0, 0.1 if raw else 0)
            self.say(
                "user",
                rng.choice(["Okay it's {a}", "Yeah so {a}...", "It's a " + net + ", {a}"]),
                raw=raw,
                a=Pii("card", a, True),
            )
            self.say("assistant", rng.choice(["Okay.", "Mm-hmm, go on.", "Yes, and then?"]))
            self.say(
                "user",
                rng.choice(["{b}.", "And then {b}.", "{b}, that's it."]),
                raw=raw,
                b=Pii("card", b, True),
            )
        else:
            if written:
                text = G.card_written(rng, number)
                row.tags.add("card.written")
            else:
                filler = 0.35 if maybe(rng, 0.3) else 0.0
                restart = maybe(rng, 0.12)
                text = G.card_spoken(rng, number, raw, filler, restart)
                row.tags.add("card.spoken")
                if restart:
                    row.tags.add("restart")
                if filler:
                    row.tags.add("filler")
            tmpl = rng.choice(CARD_GIVE).replace("{NET}", net)
            if "{card_expiry}" in tmpl:
                row.tags.add("card.beside_expiry")
            self.say("user", tmpl, raw=raw, c=Pii("card", text))
        after = rng.random()
        if after < 0.45:
            self.say(
                "assistant",
                rng.choice(["And the expiration date?", "What's the expiry on the card?"]),
            )
            self.say(
                "user",
                rng.choice(
                    [
                        "Um, {card_expiry} I believe.",
                        "It's {card_expiry}.",
                        "Expiration is {card_expiry}.",
                    ]
                ),
            )
            self.say(
                "assistant",
                rng.choice(["And the security code on the back?", "The three digit code, please?"]),
            )
            self.say(
                "user",
                rng.choice(["{cvv}", "It's {cvv}.", "{cvv}, and billing zip is {zip_code}."]),
            )
        if after < 0.2 or 0.6 < after < 0.8:
            pieces = {
                "c": Pii("card", number if rng.random() < 0.7 else G.card_written(rng, number)),
                "e": Benign("card_expiry", NEG["card_expiry"](rng, False)),
                "v": Benign("cvv", NEG["cvv"](rng, False)),
                "a": Benign("amount", f"{rng.randint(5, 900)}.{rng.randint(0, 99):02d}"),
            }
            self.tool(
                "assistant",
                {
                    "tool": rng.choice(
                        ["process_payment", "charge_card", "add_payment_method", "authorize_card"]
                    ),
                    "arguments": {
                        "card_number": "@c",
                        "exp": "@e",
                        "cvc": "@v",
                        "amount": "@a",
                        "currency": "USD",
                    },
                },
                pieces,
            )
            self.tool(
                "tool",
                {
                    "status": rng.choice(["approved", "declined", "pending"]),
                    "auth_code": "@au",
                    "card": "@m",
                },
                {
                    "au": Benign("auth_code", d(rng, 6)),
                    "m": Benign("card_masked", "*" * (len(number) - 4) + number[-4:]),
                },
            )
            row.tags.add("tool_json")
        if rng.random() < 0.3:
            r2 = self.raw and rng.random() < 0.7
            text = G.card_spoken(rng, number, True) if r2 else G.card_written(rng, number)
            self.say(
                "assistant",
                rng.choice(["Let me repeat it back: {c}. Is that right?", "I have {c}. Correct?"]),
                raw=r2,
                c=Pii("card", text),
            )
            row.tags.add("readback")
            self.say("user", rng.choice(["Yes.", "That's right.", "Yep."]))
        else:
            last = G.digits_words(number[-4:], rng, "single") if self.raw else number[-4:]
            self.say(
                "assistant",
                rng.choice(
                    [
                        "Thanks. The " + net + " ending in {l} is approved.",
                        "Okay, I've charged the card ending {l}, amount {amount}.",
                        "Perfect, card ending in {l} is saved for autopay.",
                    ]
                ),
                l=Benign("card_last4", last),
            )

    # ------------------------------------------------------------ email
    def email_piece(self, raw: bool, written: bool | None = None, local=None, dom=None, style=None):
        rng = self.rng
        if local is None:
            local, dom = G.new_email(rng)
        if written is None:
            written = (not raw) and rng.random() < 0.55
        if written:
            self.row.tags.add("email.written")
            return Pii("email", G.email_written(rng, local, dom)), local, dom
        text = G.email_spoken(rng, local, dom, raw, style)
        self.row.tags.add("email.spoken")
        return Pii("email", text), local, dom

    def email_step(self) -> None:
        rng = self.rng
        row = self.row
        self.say("assistant", rng.choice(ASK_EMAIL))
        raw = self.turn_raw()
        how = rng.random()
        p, local, dom = self.email_piece(raw)
        if how < 0.1:
            # split: local part first, domain later
            head = G.email_spoken(rng, local, dom, raw, "words")
            at = head.rfind(" at ")
            if at < 0:
                raise Retry("split")
            a, b = head[:at], head[at + 1 :]
            self.say("user", "{a}", raw=raw, a=Pii("email", a, True))
            self.say("assistant", rng.choice(["Okay, and the domain?", "At what?", "Mm-hmm."]))
            self.say("user", rng.choice(["{b}", "Um, {b}."]), raw=raw, b=Pii("email", b, True))
        elif how < 0.22:
            p2, _, _ = self.email_piece(raw)
            self.say(
                "user",
                rng.choice(
                    [
                        "It's {p}. Oh wait, no, that's my old one. Use {q}.",
                        "{p}, actually sorry, better {q}.",
                    ]
                ),
                raw=raw,
                p=p,
                q=p2,
            )
            row.tags.add("correction")
        else:
            self.say("user", rng.choice(EMAIL_GIVE), raw=raw, p=p)
        after = rng.random()
        if after < 0.3:
            r2 = self.raw and rng.random() < 0.7
            pb, _, _ = self.email_piece(r2, written=not r2, local=local, dom=dom, style="words")
            self.say(
                "assistant",
                rng.choice(
                    ["So that's {p}, correct?", "I'll read that back: {p}.", "Got it, {p}."]
                ),
                raw=r2,
                p=pb,
            )
            row.tags.add("readback")
        elif after < 0.55:
            self.tool(
                "assistant",
                {
                    "tool": rng.choice(
                        ["update_email", "send_receipt", "send_reset_link", "create_ticket"]
                    ),
                    "arguments": {"email": "@e", "case": "@c"},
                },
                {
                    "e": Pii("email", "".join(t for _, t in local) + "@" + dom),
                    "c": Benign("case_number", NEG["case_number"](rng, False)),
                },
            )
            self.tool(
                "tool",
                {"sent": True, "from": "@f", "message_id": "@m"},
                {
                    "f": Benign(
                        "business_email",
                        rng.choice(["no-reply@", "receipts@", "notifications@"]) + self.domain,
                    ),
                    "m": Benign("message_id", f"<{d(rng, 10)}.{nz(rng, 4)}@mail.{self.domain}>"),
                },
            )
            row.tags.add("tool_json")
        else:
            self.say(
                "assistant",
                rng.choice(
                    [
                        "Thanks. You'll get a confirmation from {biz_email} in a few minutes.",
                        "Great. If it doesn't arrive, check spam for mail from {biz_email}.",
                        "Done. You can also manage this at {website}.",
                    ]
                ),
            )

    # ------------------------------------------------------------ IBAN
    def iban_step(self) -> None:
        rng = self.rng
        row = self.row
        compact = G.new_iban(
            rng,
            self.biz.get("iban_cc")
            and rng.random() < 0.3
            and rng.choice(self.biz["iban_cc"])
            or None,
        )
        row.tags.add("iban.country." + compact[:2])
        self.say("assistant", rng.choice(ASK_IBAN))
        raw = self.turn_raw()
        written = (not raw) and rng.random() < 0.6
        text = G.iban_written(rng, compact) if written else G.iban_spoken(rng, compact, raw)
        row.tags.add("iban.written" if written else "iban.spoken")
        if rng.random() < 0.15:
            groups = G.regroup(compact, [4] * 9)
            k = rng.randint(2, len(groups) - 2)
            a = " ".join(groups[:k]) if written else G.iban_spoken(rng, "".join(groups[:k]), raw)
            b = (
                " ".join(groups[k:])
                if written
                else G.say_groups(groups[k:], rng, raw, "single")
                if "".join(groups[k:]).isdigit()
                else G.iban_spoken(rng, "".join(groups[k:]), raw)
            )
            self.say(
                "user", rng.choice(["Okay, {a}", "It starts {a}"]), raw=raw, a=Pii("iban", a, True)
            )
            self.say("assistant", rng.choice(["Yes, go on.", "Okay.", "Mm-hmm."]))
            self.say("user", rng.choice(["{b}.", "Then {b}."]), raw=raw, b=Pii("iban", b, True))
        else:
            self.say("user", rng.choice(IBAN_GIVE), raw=raw, i=Pii("iban", text))
        after = rng.random()
        if after < 0.35:
            self.say(
                "assistant",
                rng.choice(["And the BIC or SWIFT code?", "Do you have the bank's SWIFT code?"]),
            )
            self.say("user", rng.choice(["{bic}", "It's {bic}."]))
        if after < 0.25 or after > 0.8:
            self.tool(
                "assistant",
                {
                    "tool": rng.choice(
                        ["create_payout", "set_direct_debit", "verify_iban", "issue_refund"]
                    ),
                    "arguments": {"iban": "@i", "amount": "@a", "reference": "@r"},
                },
                {
                    "i": Pii("iban", compact),
                    "a": Benign("amount", f"{rng.randint(10, 4000)}.{rng.randint(0, 99):02d}"),
                    "r": Benign("payment_reference", f"{letters2(rng)}-{nz(rng, 6)}"),
                },
            )
            self.tool(
                "tool",
                {"valid": True, "bank": "@b", "masked": "@m"},
                {
                    "b": Benign("bic", NEG["bic"](rng, False)),
                    "m": Benign("account_masked", compact[:4] + " **** **** " + compact[-4:]),
                },
            )
            row.tags.add("tool_json")
        else:
            last = (
                G.digits_words(compact[-4:], rng, "single")
                if self.raw and compact[-4:].isdigit()
                else compact[-4:]
            )
            self.say(
                "assistant",
                rng.choice(
                    [
                        "Thank you, the account ending {l} is set up. First collection is {date}.",
                        "Okay, refund of {amount} goes to the account ending {l} within {duration}.",
                    ]
                ),
                l=Benign("account_masked", last),
            )

    # ------------------------------------------------------------ SSN
    def ssn_step(self) -> None:
        rng = self.rng
        row = self.row
        s = G.new_ssn(rng)
        raw = self.turn_raw()
        written = (not raw) and rng.random() < 0.6
        text = (
            G.ssn_written(rng, s)
            if written
            else G.ssn_spoken(rng, s, raw, 0.3 if maybe(rng, 0.2) else 0.0)
        )
        row.tags.add("ssn.written" if written else "ssn.spoken")
        how = rng.random()
        if how < 0.3:
            self.say(
                "assistant",
                rng.choice(
                    [
                        "For verification, the last four of your social?",
                        "Can you confirm the last four digits of your SSN?",
                    ]
                ),
            )
            self.say("user", rng.choice(["{ssn_last4}.", "It's {ssn_last4}."]))
            self.say(
                "assistant",
                rng.choice(
                    [
                        "Thanks. For this change I actually need the full number.",
                        "Okay, that matches. To open the new account I need the full social.",
                    ]
                ),
            )
        else:
            self.say("assistant", rng.choice(ASK_SSN))
        other = rng.choice(
            self.biz.get("nine", ["routing_number", "member_id", "ein", "case_number"])
        )
        tmpl = rng.choice(SSN_GIVE)
        if "{other}" in tmpl:
            row.tags.add("ssn.beside_nine_digit")
            self.say(
                "user", tmpl.replace("{other}", "{" + other + "}"), raw=raw, s=Pii("ssn", text)
            )
        else:
            self.say("user", tmpl, raw=raw, s=Pii("ssn", text))
        after = rng.random()
        if after < 0.3:
            self.tool(
                "assistant",
                {
                    "tool": rng.choice(
                        ["verify_identity", "credit_check", "update_tax_info", "lookup_member"]
                    ),
                    "arguments": {"ssn": "@s", "dob": "@d", "ref": "@r"},
                },
                {
                    "s": Pii("ssn", rng.choice([s, f"{s[:3]}-{s[3:5]}-{s[5:]}"])),
                    "d": Benign(
                        "date",
                        f"19{rng.randint(50, 99)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    ),
                    "r": Benign(other, NEG[other](rng, False)),
                },
            )
            self.tool(
                "tool",
                {"match": True, "ssn_masked": "@m", "score": "@sc"},
                {
                    "m": Benign("ssn_masked", "***-**-" + s[-4:]),
                    "sc": Benign("score", str(rng.randint(580, 840))),
                },
            )
            row.tags.add("tool_json")
        elif after < 0.45:
            r2 = self.raw and rng.random() < 0.7
            t2 = G.ssn_spoken(rng, s, True) if r2 else f"{s[:3]}-{s[3:5]}-{s[5:]}"
            self.say(
                "assistant",
                rng.choice(["I have {s}. Is that correct?", "Confirming {s}."]),
                raw=r2,
                s=Pii("ssn", t2),
            )
            row.tags.add("readback")
        else:
            last = G.digits_words(s[-4:], rng, "single") if self.raw else s[-4:]
            self.say(
                "assistant",
                rng.choice(
                    [
                        "Thank you, the social ending in {l} is verified.",
                        "Okay, verified. I'll only show the last four, {l}, from now on.",
                    ]
                ),
                l=Benign("ssn_last4", last),
            )

    def done(self) -> Row:
        if len(self.row.turns) > 14:
            raise Retry("long")
        return self.row


def letters2(rng: random.Random) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))


ASK_PHONE = [
    "What's the best number to get hold of you on?",
    "Can I get a callback number in case we get disconnected?",
    "And a mobile number for the text updates?",
    "What phone number should we have on file?",
    "Could you give me a good contact number, please?",
    "Which number can the driver call?",
    "What's your cell number?",
]
PHONE_GIVE = [
    "Sure, it's {B}{p}.",
    "{B}{p}",
    "Yeah it's {B}{p}",
    "My cell is {B}{p}.",
    "Um, {B}{p}.",
    "You can use {B}{p}, that's my mobile.",
    "It's {B}{p}, call after five if you can.",
    "Okay so, {B}{p}",
    "The number is {B}{p}, that's a WhatsApp number too.",
]
ASK_CARD = [
    "Which card would you like to pay with?",
    "Okay, I can take that payment now. What's the card number?",
    "Go ahead and read me the long number on the front of the card.",
    "Please read me the card number when you're ready.",
    "What card should I put on file?",
]
CARD_GIVE = [
    "It's {c}.",
    "{c}",
    "Okay, it's a {NET}, {c}.",
    "Sure, {c}, expiry {card_expiry}.",
    "Ready? {c}",
    "Card number {c}, and it expires {card_expiry}.",
    "Um okay {c}",
    "It's the {NET}... {c}.",
]
ASK_EMAIL = [
    "What email should I send the confirmation to?",
    "Can I get your email address?",
    "What's the email address on the account?",
    "And where should we email the documents?",
    "Could you spell your email for me?",
]
EMAIL_GIVE = [
    "It's {p}.",
    "{p}",
    "Sure, {p}",
    "Yeah it's {p}, all lowercase.",
    "My email is {p}.",
    "Send it to {p} please.",
    "Um, {p}, that's the personal one.",
    "It's {p}, all one word before the at.",
]
ASK_IBAN = [
    "For the refund I'll need your IBAN.",
    "What's the IBAN for the direct debit?",
    "Which account should the payout go to? I need the full IBAN.",
    "Could you read me the IBAN from your bank statement?",
]
IBAN_GIVE = ["It's {i}.", "{i}", "Okay, {i}", "Sure, the IBAN is {i}.", "Let me read it: {i}."]
ASK_SSN = [
    "To verify you, I'll need your Social Security number.",
    "Can you give me your full SSN?",
    "I need the social security number for the form.",
    "What's the employee's social security number?",
]
SSN_GIVE = [
    "It's {s}.",
    "{s}",
    "Sure, {s}.",
    "My social is {s}.",
    "Okay, {s}. The letter also has this number on it, {other}, if that helps.",
    "The number on my card is {s}, not the {other} that's printed at the top.",
    "Um, {s}",
]
CLOSINGS = [
    "Thank you for calling {name}. Have a great day!",
    "You're all set. Anything else I can help with?",
    "Thanks for your patience. Goodbye!",
    "Your reference is {case_number}. Take care.",
    "If you need us again, call {biz_phone}. Bye now.",
    "You'll get a survey from {biz_email}. Thanks!",
    "Thanks for calling, and have a good evening.",
]
