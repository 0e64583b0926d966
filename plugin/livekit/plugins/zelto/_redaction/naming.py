"""What the words before a number say it is: a phone number, an identifier, or nothing.

Read backwards from the number (or from the end of the turn that asked for it), the nearest
of these decides:

- a word of phones ("call", "mobile", "reach", "text", ...): a phone number (at most four
  words before it, or anywhere in a question);
- a noun before "number", "ID", "code", "no", "reference" or "digits" ("locker number",
  "member ID", "donor number", "promo code"): an identifier, whatever the noun, unless it is
  a phone's ("home number", "country code", "my Polish number"), a card's or an SSN's;
- a word that names an identifier on its own ("order", "invoice", "IMEI", "tracking"), said
  right before the number (at most two words between), and in a question not as the object
  of a preposition ("which number is on the account?" names nothing); a question asking
  for a phone by a word further back still asks for a phone, and so does a question for "your
  number" or "a number" with no identifier's name in it.

A number said as what a sentence's subject "is" ("the reference on the letter you sent me is
...", "the serial printed under the modem, it says ...") is what the subject's head noun
names, however far back: an identifier when that noun names one on its own.

Words like "the", "your", "good" before "number" name nothing and the reading goes on; another
number read on the way ends it (that number was the one named).
"""

from __future__ import annotations

import re

from .regions import country_words

__all__ = [
    "ABOUT_IT",
    "ID_WORDS",
    "NOT_PAYING",
    "PHONE_WORDS",
    "addressed",
    "clause",
    "fax",
    "listeners",
    "ours",
    "our_mailbox",
    "named",
    "organisations",
    "said",
    "subject",
]

# a yes/no question about the number just said: "And is that a mobile?", "Sorry, is that a
# Texas number?", "Is this for the checking or the savings account?"
ABOUT_IT = re.compile(
    r"\W*(?:(?:and|so|sorry|ok(?:ay)?|right|great|thanks)\W+)*(?:is|was)\W+(?:that|this|it)\b",
    re.I,
)

# an identifier's name on its own: the number right after it is not a phone number, card or SSN
ID_WORDS = frozenset(
    "order tracking confirmation reference ref invoice flight ticket case booking reservation "
    "serial model part sku item policy claim member membership account acct receipt "
    "transaction txn shipment parcel package voucher coupon promo zip postcode pin room gate "
    "seat imei customer user patient student employee routing sort loyalty rewards license "
    "licence passport vin badge application subscriber contract meter incident tax ein "
    "otp verification code passcode id pnr waybill docket batch lot barcode upc ean isbn "
    "asset registration file folio record quote quotation estimate statement request "
    "warranty sticker label po rx prescription mrn npi "
    # what a question asks for that is no phone, card or SSN: a date, an address, a reading
    "date dob birth birthday born address reading".split()
)
# cards that pay for nothing ("library card", "SIM card"): their numbers are identifiers
# ("business card" pays for things on a company's account: only no talk of paying, in
# stream; a gift card may be a network's prepaid card: find redacts a whole valid one)
NOT_PAYING = frozenset(
    "member membership gift sim library loyalty reward rewards id identity insurance health "
    "medicare medicaid key report student access boarding greeting memory sd graphics voter "
    "employee staff club donor benefit benefits discount parking transit oyster residence "
    "green index".split()
)
PHONE_WORDS = frozenset(
    "phone cell mobile call reach text fax landline telephone callback whatsapp ring dial "
    "contact area msisdn".split()
)
# what "number", "ID", ... follow when they name an identifier ("locker number")
_MARKERS = frozenset("number numbers no num id code ref reference digits".split())
# nouns before a marker that make it a phone's number ("home number", "country code")
_PHONE_NOUNS = PHONE_WORDS | frozenset(
    "home work office direct daytime evening emergency personal tel cellphone country "
    "dialling dialing std trunk "
    "alternate alternative backup business line cellular portable registered linked primary "
    "secondary "
    # messaging apps, wallets and carriers a number is known by ("my WhatsApp number")
    "whatsapp signal viber telegram imessage wechat line sms gcash paymaya maya mpesa pesa "
    "paytm phonepe gpay upi opay palmpay momo mtn airtel glo safaricom globe smart jio "
    "vodafone verizon tmobile mobile att sprint o2 ee three vodacom telcel movistar claro "
    "tigo digicel venmo zelle cashapp cash paypal revolut facetime skype voice fi cricket metro "
    "boost mint visible xfinity rogers bell telus optus telstra orange burner".split()
)
# nouns before a marker that make it a card's or an SSN's: named, but not an identifier
_OTHER_NOUNS = frozenset(
    "card visa mastercard amex debit credit maestro discover social security ssn ss iban bank "
    "cc pan ccnum "
    "sixteen fifteen long".split()
)
# words that name a number's kind outright, nearer to it than an identifier's name
_KIND_WORDS = frozenset(("ssn", "social", "iban"))
# words before a marker that name nothing ("the number", "a good number", "what's your ID")
_NOT_NOUNS = frozenset(
    "the a an your my our his her their its this that these those which what whats s is "
    "good best right same other another new old whole full last first correct any some "
    "of to for and or it me us you so oh uh um ok no on in at an by be do go he we up as if "
    "i mine yours hers ours theirs one ones thing here there who own".split()
)
# a number something is sent to is a phone's, whatever is sent ("the code", "the order")
_SENDING = frozenset("send sent text texted sms message whatsapp ping".split())
# what is sent to a phone: where it should go is a phone number
_SENT = frozenset("code codes text texts link message otp pin verification reminder alert".split())
_POSSESSIVES = frozenset("my your his her our their".split())
# who an identifier's name can describe: "account holder", "policy owner", "member name"
_PEOPLE = frozenset("holder holders owner owners name names".split())
_BACK = frozenset("the that this".split())  # before "number": one already talked of
_ABOUT = frozenset("about regarding re concerning".split())  # right before a number: its topic
_PREPOSITIONS = frozenset("on in for to from with about under of at into onto by".split())
_DETERMINERS = frozenset("the a an your my our his her their this that".split())
_SKIPPED = frozenset(
    "uh um umm uhm er erm ah hmm huh mm mhm like so okay ok yeah well you know let see hold "
    "oh is it s was that's please".split()
)
_TOKENS = re.compile(r"[a-z]+|\d+")
_DIGIT_WORDS = frozenset(
    "zero oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred double triple".split()
)


def said(text: str) -> list[str]:
    """The words of `text` with digits (written or said) as "0", and its last number left out:
    what named that number is what a number read back or continued in the next turn inherits."""
    words = ["0" if w in _DIGIT_WORDS or w.isdigit() else w for w in _TOKENS.findall(text.lower())]
    while words and words[-1] == "0":
        words.pop()
    return words


def named(words: list[str] | tuple[str, ...], *, asked: bool = False) -> str | None:
    """ "id", "phone" or None: what the words before a number (or ending a question, when
    `asked`) say it is."""
    said = [w for w in words if w not in _SKIPPED][-7:]
    sending = _SENDING.intersection(said[:-1])
    if sending and (said[-1] in ("to", "on") or (asked and "where" in said)):
        return "phone"  # "send the tracking link to ...", "where should I text the code?"
    if (
        asked
        and "where" in said
        and said[-1] in ("go", "sent", "arrive")
        and _SENT.intersection(said)
    ):
        return "phone"  # "Where should the verification code go?"
    seen = 0  # words between this one and the number (fillers not counted)
    maybe_id = None
    bare = ids = False  # a question for "your number" with no identifier's name in it
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if any(c.isdigit() for c in word):  # another number or code was named by it
            break
        if word in _ABOUT and not seen and not asked:
            return "id"  # "I'm calling about 0792-428-1242": what the call is about
        if word in _KIND_WORDS:  # "customer ssn 512 ...": named nearer as what it is
            if asked:  # "I'll need the full social to pull up the file.": not the file's
                return None
            break
        if word in ("call", "calls") and _object(words, k):
            pass  # "your ticket number for this call is": the call talked on, not a phone's
        elif word in PHONE_WORDS:
            if words[k + 1 : k + 2] == ["s"] and words[k + 2 : k + 3] and words[k + 2] in ID_WORDS:
                return "id"  # "the phone's IMEI": the phone's identifier
            if _compound(words[k + 1 : k + 3]) and (asked or seen <= 3):
                return "id"  # "my telephone banking PIN", "the mobile account number"
            if words[k + 1 : k + 2] and words[k + 1] in _ABOUT:
                continue  # "I got a text about my order": a message, not whose number
            if asked and _object(words, k) and ID_WORDS.intersection(words[:k]):
                continue  # "What's the IMEI on your phone?": where the number is, not what
            if asked or seen <= 4:  # "I got a call about my ..."
                return "phone"
        noun = words[k - 1] if k else ""
        if word in ("card", "cards") and noun in NOT_PAYING and (asked or seen <= 2):
            return "id"  # "my library card is ...", "What's the number on your SIM card?"
        if word == "number" and noun == "s" and k >= 2:
            return "phone"  # whose: "my wife's number", "the account holder's number"
        # a name written in camel case is read in two ("WhatsApp": "whats", "app")
        joined = words[k - 2] + noun if k >= 2 else ""
        if word in _MARKERS and noun:
            if noun in _PHONE_NOUNS or noun in country_words() or joined in _PHONE_NOUNS:
                return "phone"  # "home number", "Polish number", "WhatsApp number"
            if noun in ("card", "cards") and k >= 2 and words[k - 2] in NOT_PAYING:
                return "id"  # "your library card number"
            if noun == "account" and k >= 2 and words[k - 2] == "primary":
                break  # "primary account number": a card's number (its PAN), no account's
            if noun in _OTHER_NOUNS:
                break
            if _noun(noun):  # "PO number"
                return "id"
            # "your number", "a number": but "read me the number" asks for one talked of
            bare = bare or (word in ("number", "numbers") and noun not in _BACK)
            if word == "number" and noun in _POSSESSIVES and not asked and seen <= 3:
                return "phone"  # "my number is 98765 43210": one's own number is a phone's
        if word in ("file", "record") and words[k - 1 : k] == ["on"] or word == "records":
            break  # "card on file", "our records show": where the number is kept, no id's name
        if words[k + 1 : k + 2] and words[k + 1] in _PEOPLE:
            pass  # "the primary account holder": a person, not an identifier's name
        elif word in _HOLDING and not asked and (held := _held_on(words, k)):
            return held  # "the main number on your account is": a number the account holds
        elif word in ID_WORDS or (word.endswith("s") and word[:-1] in ID_WORDS):
            ids = True
            if seen <= 2 and not (asked and _object(words, k)):
                if not asked:
                    return "id"
                # a question names what it asks for: "the mobile we should text the code to?"
                # asks for a phone number, so a word of phones further back still wins
                maybe_id = maybe_id or "id"
        if word not in _SKIPPED:
            seen += 1
    if asked and bare and not ids:  # "What's your number?" asks for a phone number
        return "phone"
    return maybe_id


# what holds a person's numbers: "the number on your account" is one of them, not its id
_HOLDING = frozenset("account accounts acct profile".split())
_HELD_BY = frozenset("on for under in with".split())
_CONTACT = frozenset("main best contact good callback".split())


def _held_on(words: list[str] | tuple[str, ...], k: int) -> str | None:
    """What "<...> number on your account" (word k the account) names: a phone's number
    when nothing but a phone's noun or a determiner is before "number" ("the main number on
    your account is"), an identifier when an identifier's name is ("the reference number
    on the account"); None when no "number" heads the phrase."""
    j = k - 1
    while j >= 0 and words[j] in _DETERMINERS:
        j -= 1
    if j < 1 or words[j] not in _HELD_BY or words[j - 1] not in ("number", "numbers", "phone"):
        return None
    noun = words[j - 2] if j >= 2 else ""
    if words[j - 1] == "phone" or not _noun(noun) or noun in _PHONE_NOUNS | _CONTACT:
        return "phone"
    return "id"


def _compound(after: list[str] | tuple[str, ...]) -> bool:
    """The words after a word of phones make it part of an identifier's name ("banking PIN",
    "order number"), not the object of a verb ("text the code": "the" is no noun)."""
    if not after:
        return False
    return after[0] in ID_WORDS or (len(after) > 1 and _noun(after[0]) and after[1] in ID_WORDS)


def _digit(word: str) -> bool:
    return any(c.isdigit() for c in word) or word in _DIGIT_WORDS


def _noun(word: str) -> bool:
    return word.isalpha() and len(word) > 1 and word not in _NOT_NOUNS


def _object(words: list[str] | tuple[str, ...], k: int) -> bool:
    """Word k follows a preposition ("on the account"): it is where, not what is asked."""
    j = k - 1
    while j >= 0 and words[j] in _DETERMINERS:
        j -= 1
    return j >= 0 and words[j] in _PREPOSITIONS


_COPULAS = frozenset("is s was says said reads shows read".split())


def subject(words: list[str] | tuple[str, ...]) -> str | None:
    """ "id" when the number follows "<determiner> <identifier's name> ... is" (or "says",
    "reads", "shows"): the head of the subject, the first noun after a determiner. Only the
    words since the number before count: "the code is 459 and the number is ..." names the
    second by "the number"."""
    words = words[next((i + 1 for i in range(len(words) - 1, -1, -1) if _digit(words[i])), 0) :]
    k = len(words)
    while k and words[k - 1] in _SKIPPED and words[k - 1] not in _COPULAS:
        k -= 1
    if not k or words[k - 1] not in _COPULAS:
        return None
    for j in range(max(0, k - 14), k - 2):
        if words[j] in _DETERMINERS:  # the first noun after it: "the best number for the ..."
            head = next((w for w in words[j + 1 : k - 1] if _noun(w)), "")
            return "id" if head in ID_WORDS and head not in PHONE_WORDS else None
    return None


# where an organisation's own number is found or what it is called: a number said as one of
# these is the organisation's, not the speaker's ("I tried your helpline, ...", "the letter
# said to ring ...", "is the number on your website still ...?")
_ORGANISATION = frozenset(
    "helpline hotline switchboard website webpage site letter leaflet brochure flyer advert "
    "poster branch store shop depot pharmacy clinic surgery restaurant hotel".split()
)
# other businesses one is sent to ("I'd call the dental lab; they're at"): only as "the ..."
# ("Office: (469) 880-6755" heading a caller's signature is theirs)
_BUSINESSES = frozenset(
    "lab laboratory center centre office facility contractor manufacturer hospital practice "
    "firm agency department company dealer dealership garage vendor insurer warehouse".split()
)
_ORGANISATION_PAIRS = frozenset(
    {
        ("fraud", "line"), ("support", "line"), ("help", "line"), ("customer", "service"),
        ("customer", "services"), ("front", "desk"),
    }
)  # fmt: skip
_FIRST_PERSON = frozenset("my me mine i'm myself".split())


def organisations(words: tuple[str, ...], *, agent: bool = False) -> bool:
    """The words before a number (its last ten) say it is an organisation's line, and none
    says it is the speaker's ("my number is on the letter" is theirs) or, said by the `agent`,
    the caller's ("the lab will call you at", "the office has your number as"; the caller's
    "your helpline" is the business's)."""
    near = [w.lower().removesuffix("'s") for w in words[-10:]]  # "our store's number"
    if _FIRST_PERSON.intersection(near) or (agent and listeners(near)):
        return False
    # "the dental lab", "Dr. Kim's office": another business, by "the" or its owner's name
    owned = [w.lower().endswith("'s") for w in words[-10:]]
    return (
        bool(_ORGANISATION.intersection(near))
        or any(pair in _ORGANISATION_PAIRS for pair in zip(near, near[1:], strict=False))
        or any(
            w in _BUSINESSES and ("the" in near[max(0, i - 3) : i] or (i and owned[i - 1]))
            for i, w in enumerate(near)
        )
    )


# "call us on ...", "reach our billing team at ...": the speaker's organisation's line
_US_VERBS = frozenset("call reach contact ring text phone message".split())
_OUR_PLACES = frozenset(
    "team line office department desk helpline hotline number store branch clinic centre center "
    "service services support billing claims switchboard callback".split()
)


# what an agent calls the business's lines without "our": "the main office number is ..."
_LINE_PAIRS = frozenset(
    {("main", "office"), ("main", "line"), ("direct", "line"), ("desk", "line")}
    | {("front", "desk"), ("head", "office"), ("the", "switchboard"), ("the", "reception")}
)
_YOURS = frozenset("your yours".split())
_DESKS = {("line",), ("desk",), ("hotline",), ("helpline",)}
_PERSONAL = frozenset("home cell mobile personal private house landline work".split())


def clause(before: str, most: int = 8) -> tuple[str, ...]:
    """The last `most` words of `before` (the text before a number) from the start of its
    clause, lower case: a sentence's end, or a comma with three words or more after it ("If
    you need us, the direct line is": "the direct line is"; but "call us back on, um,")."""
    text = before.lower()
    cut = max(text.rfind(mark) for mark in ".;!?")
    words = re.findall(r"[a-z]+", text[cut + 1 :])
    comma = text.rfind(",")
    if comma > cut and len(re.findall(r"[a-z]+", text[comma + 1 :])) >= 3:
        words = re.findall(r"[a-z]+", text[comma + 1 :])
    return tuple(words[-most:])


# the caller reaching the business: "I tried ringing you on", "I called you at"
_CALLING = frozenset("call called calling ring rang ringing phoned phoning reach reached".split())
_SOMEONE = frozenset("my me his her their he she they mine".split())


def addressed(near: tuple[str, ...]) -> bool:
    """The caller's words give a number to the business they are speaking to: "the number on
    your van", "I tried ringing you on". Not a person's: "my", "his", "her", "me"."""
    if _SOMEONE.intersection(near):
        return False
    pairs = zip(near, near[1:], strict=False)
    return _yours(near) or any(a in _CALLING and b == "you" for a, b in pairs)


def ours(near: tuple[str, ...], *, agent: bool = False) -> bool:
    """A number's `clause` says it is the speaker's organisation's: "you can call us back
    on", "our claims team is on"; said by the `agent` (who speaks for the business), also
    "the main office number is", "the direct line is". Not one named as the listener's:
    "our callback number for you is", "your direct line"."""
    if listeners(near) if agent else _yours(near):
        return False
    pairs = set(zip(near, near[1:], strict=False))
    if any(a in _US_VERBS and b == "us" for a, b in pairs):
        return True
    if any(
        w == "our" and _OUR_PLACES.intersection(near[i + 1 : i + 4]) for i, w in enumerate(near)
    ):
        return True
    if not agent:
        return False
    # "the main office number is", "the nurse line is", "the front desk is at", "and ours is"
    # (but "the home line", "the cell line": a person's)
    return (
        bool(pairs & _LINE_PAIRS)
        or "ours" in near
        or any(
            w == "the" and near[i + 2 : i + 3] in _DESKS and near[i + 1] not in _PERSONAL
            for i, w in enumerate(near[:-2])
        )
    )


_MAILING = frozenset("email mail write message contact reach".split())
_MAILBOXES = frozenset("email mail address inbox mailbox e".split())


def our_mailbox(near: tuple[str, ...]) -> bool:
    """An address's `clause` says it is the speaker's organisation's: "email us at", "you can
    write to us at", "our email is", "our billing inbox is". Not one named as the listener's:
    "your email", "the address we have for you"."""
    if _yours(near):
        return False
    pairs = set(zip(near, near[1:], strict=False))
    if any(a in _MAILING and b in ("us", "to") for a, b in pairs) and "us" in near:
        return True
    return any(
        w == "our" and _MAILBOXES.intersection(near[i + 1 : i + 4]) for i, w in enumerate(near)
    )


_FAX = frozenset("fax faxed faxing faxes".split())
# what reaches the listener: "call you", "text you back", "try you at"
_TO_YOU = frozenset("call text reach ring contact message phone try email ping".split())
_YOU_GAVE = frozenset("gave left provided listed shared".split())  # "the line you gave us"


def _yours(near: list[str] | tuple[str, ...]) -> bool:
    """The words name what follows as the listener's: "your cell", "the number for you"."""
    return bool(_YOURS.intersection(near)) or ("for", "you") in zip(near, near[1:], strict=False)


def listeners(near: list[str] | tuple[str, ...]) -> bool:
    """The words say a number is the listener's: "your cell", "for you", "call you at", "the
    line you gave us", or the one a business "will call"."""
    if len(near) >= 2 and near[-2] in ("will", "ll") and near[-1] in _TO_YOU:
        return True  # "the clinic will call 404 ...": the number it dials, not its own
    return _yours(near) or any(
        (a in _TO_YOU and b == "you") or (a == "you" and b in _YOU_GAVE)
        for a, b in zip(near, near[1:], strict=False)
    )


_OWNED = frozenset("my your his her their home house".split())


def fax(near: tuple[str, ...]) -> bool:
    """A number's `clause` says it is one to fax to ("Please fax the signed page to", "Their
    fax is", a tool's "fax_copy_to"): a machine's line, an office's; not one said as a
    person's ("my fax is", "your home fax at")."""
    near = near[-6:]
    return bool(_FAX.intersection(near)) and not _OWNED.intersection(near)
