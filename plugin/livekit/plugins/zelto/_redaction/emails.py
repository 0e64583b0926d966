"""Email addresses, written (`a.b@c.com`) or spoken (`john smith at g mail dot com`).

A spoken address is read around each "at": to its right a domain (labels of one to three
words joined by "dot", ending in a known top-level domain, or a webmail provider's name said
without its ending, "at gmail"); to its left a local part (words joined by "dot",
"underscore", "dash", or spaced letters, or up to three plain words). What sits before "at" in
ordinary speech ("find us online at ...", "located at ...", "the status at ...") and domains
that start with "www" are websites, not addresses. A local part of plain words only counts
when the talk is of email, the domain is a webmail provider, or the address begins the turn.
An address read in two turns of one speaker ("john dot smith at" ... "gmail dot com") is read
with both joined (`split_emails`).
"""

from __future__ import annotations

import functools
import re

from phonenumbers import SUPPORTED_REGIONS

from .letters import LETTER_NAMES, NATO, named_letter
from .letters import letter as _letter

__all__ = ["OPEN", "across", "continues", "domain_only", "find_emails", "split_emails"]

WRITTEN = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}@[A-Za-z0-9-]{1,64}(?:\.[A-Za-z0-9-]{1,64}){0,5}\.[A-Za-z]{2,}\b"
)
# "@" as callers say it, also in Spanish, French, Italian, Dutch and German
_AT_SAID_AS = ("at", "arroba", "arobase", "chiocciola", "apenstaartje", "klammeraffe")
_AT = frozenset(("@", *_AT_SAID_AS))
# "at" as speech-to-text mishears it ("nina patel and yahoo dot com"): only after talk of
# email and before a domain with its ending said
_AT_HEARD = frozenset(("and", "add", "had", "hat"))
_MAYBE_AT = r"@|\b(?:" + "|".join(_AT_SAID_AS) + r")\b"
MAYBE_AT = re.compile(_MAYBE_AT, re.I)
# what callers say for "." (Spanish, Portuguese, Italian, German) and as speech-to-text
# mishears "dot" ("dart", "daught"): words that say an address is being read on their own...
_DOTS_SAID = ("dot", "punto", "ponto", "punkt", "dart", "daught", "dought")
# ...and words that are also plain English ("the point", "a punt"), one only before an ending
_DOTS_WORDS = ("period", "point", "punt")
_DOTS = frozenset((*_DOTS_SAID, *_DOTS_WORDS))
_HYPHENS = ("dash", "hyphen", "minus")
MAYBE = re.compile(
    _MAYBE_AT + r"|\b(?:" + "|".join(_DOTS_SAID) + r")\b|"
    r"\b(?:" + "|".join(_DOTS_WORDS) + r")\s+(?:com|net|org|co|edu)\b|[a-z]\.(?:com|net|org)\b",
    re.I,
)
_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?|@")
# generic endings, and every country's: its ISO code, as phonenumbers lists them (.uk for GB)
TLDS = frozenset(
    "com net org edu gov mil int io co info biz me ai app dev email online site tech xyz eu "
    "uk asia mobi name pro shop store cloud live blog news club design studio agency digital "
    "media solutions consulting health law legal finance travel space world group company "
    "services systems network global life family works tools team social art photography "
    "academy school education care clinic dental energy green eco farm coffee fitness "
    # ".com" as speech-to-text mishears it
    "calm".split()
) | frozenset(region.lower() for region in SUPPORTED_REGIONS)
# webmail providers: said without their ending ("at gmail"), they still end an address
PROVIDERS = frozenset(
    "gmail googlemail yahoo ymail rocketmail hotmail outlook live msn icloud me mac aol "
    "protonmail proton pm tutanota tuta fastmail hey zoho gmx web mail yandex rambler seznam "
    "wp onet interia o2 libero virgilio tiscali orange free laposte sfr wanadoo btinternet sky "
    "virginmedia talktalk shaw rogers telus bigpond optusnet xtra naver daum hanmail qq "
    "rediffmail comcast verizon att sbcglobal bellsouth cox charter earthlink juno "
    "posteo mailbox hushmail".split()
)


def webmail(address: str) -> bool:
    """`address` (written or said) is at a webmail provider's: a person's, whoever gives it
    ("email us from dana dot wu at gmail dot com" is the caller's)."""
    labels = _domain_labels(address)
    ended = len(labels) > 1 and labels[-1] in TLDS  # "at gmail": no ending said
    return _provider(labels[:-1] if ended else labels)


# words just before an address that give it as an example of how to write one
_LIKE = re.compile(r"\b(?:like|such as|e\.?g\.?|example|instance|format|formatted)\W*$", re.I)


def _example(text: str, start: int, end: int) -> bool:
    """An address at a domain reserved for examples, given as one ("Type it like
    name@example.com", "in the format you@example.org"): nobody's. One given as someone's
    ("my email is dana@example.com", as tests write them) is redacted."""
    return _reserved(text[start:end]) and bool(_LIKE.search(text[max(0, start - 40) : start]))


def _reserved(address: str) -> bool:
    """At a domain reserved for examples (RFC 2606, 6761: example.com, .test, .invalid, ...)."""
    labels = _domain_labels(address)
    if labels[-1:] and labels[-1] in ("example", "test", "invalid", "localhost"):
        return True
    return len(labels) >= 2 and labels[-2] == "example" and labels[-1] in ("com", "net", "org")


def _domain_labels(address: str) -> list[str]:
    """The labels of an address's domain, written or said: "dana@mail.acme.co" and "dana at
    mail dot acme dot co" both give mail, acme, co."""
    domain = re.split(r"@|\bat\b", address.lower())[-1]
    return [w for w in re.findall(r"[a-z0-9]+", domain) if w not in _DOTS]


def _provider(labels: list[str]) -> bool:
    """The labels before a domain's ending are a webmail provider's name ("gmail", "yahoo
    co"), not a business's mail host ("mail driftclear": mail.driftclear.co is no mail.com)."""
    return (
        bool(labels)
        and labels[0] in PROVIDERS
        and all(label in _SECOND_LEVEL for label in labels[1:])
    )


# those whose name is also a word ("at home", "at sky"): an address only with its ending
_BARE_PROVIDERS = PROVIDERS - frozenset(
    "me mac web free sky hey pm wp o2 orange charter cox juno tuta mailbox".split()
)
# what may follow "at" and still be "@": "at the rate" (Indian English), "at sign"
_AT_SAID = (("the", "rate", "of"), ("the", "rate"), ("sign",), ("symbol",))
_JOINERS = {
    **dict.fromkeys(_DOTS, "."),
    **dict.fromkeys(_HYPHENS, "-"),
    "underscore": "_",
    "plus": "+",
}
# words before "at <site> dot com" that make it a place or a website, not an address
_NOT_LOCAL = frozenset(
    "me us you him her them it is site website page online look here there be available live "
    "based located work works home store shop checkout login signup portal app find visit go "
    "found reach email mail address anytime out up faq i i'm we we're they they're am are was "
    "were in on status details info page pages portal form shop order buy sign log us open "
    "looked signed logged bought booked listed posted stayed staying meet met arrive".split()
) - {"info"}
# words that end a spoken local part when read leftwards from "at"
_SPELLS = frozenset(("that's", "thats", "spelled", "spelt"))  # unless a spelling follows
_STOP = _SPELLS | frozenset(
    "is it's its me my email e-mail mail address to the at and sure yes yeah ok okay it that "
    "send please um uh so was be your our his her their a an this of for with on in from "
    "use using try just put write erm er hmm yep say said did you noted got confirm confirming or "
    "no wait sorry scratch mean actually "
    # the same in the languages whose words for "." are read ("mi correo es ...")
    "es ist est c'est mi meu minha mon ma mein meine correo adresse endereco".split()
)
# a business's mailboxes (RFC 2142's and their like): not a person's address, not redacted
ROLES = frozenset(
    "info sales support help billing orders order returns accounts hello contact admin office "
    "enquiries inquiries service bookings reservations careers jobs hr team press media "
    "noreply abuse postmaster webmaster hostmaster security marketing feedback complaints "
    "claims refunds refund payments invoices accounting finance reception frontdesk events "
    "partners legal privacy dispatch shipping warranty appointments membership members "
    "donations tickets concierge care customercare customerservice helpdesk notifications "
    "alerts news newsletter subscriptions docs documents receipts admissions records forms "
    "statements applications registrar enrollment enrolment payroll benefits no-reply "
    "donotreply do-not-reply reply updates hiring recruiting "
    # what a business's desks are called: scheduling, the workshop, the lab's results
    "scheduling schedule repairs repair workshop studio shop store rentals "
    "rental leasing maintenance estimates quotes quote results lab labs imaging radiology "
    "pharmacy refills prescriptions referrals intake patients triage nurses clinic charters "
    "tours lessons classes training registration league club boxoffice groups "
    "weddings catering wholesale parts permits licensing filings clerk court library "
    "frontoffice desk mail email inbox".split()
)
# before a local part of plain words: the words before it are where, not whose
_SUFFIXES = frozenset(("home", "work"))  # places, and the ends of addresses
_PLACE_PREPOSITIONS = frozenset("from in on with by near".split())
_DOMAIN_STOP = frozenset(
    "and or please thanks thank is the for to if but so then that okay ok yes right at".split()
)
_SAID_DIGITS = frozenset(
    "zero oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand double triple".split()
)
_DETERMINERS = frozenset("the our your this that a an his her their".split())
_OWNERS = _DETERMINERS - {"this", "that"}  # "the manager at ...", but "is that jsmith at ..."
_CONTEXT = re.compile(r"\b(e-?mail|mail|address|inbox|receipt|send|contact)\b", re.I)


class _Tok:
    """A word of the turn, or several read as one ("under score", "b as in bravo")."""

    __slots__ = ("_end", "_start", "word")

    def __init__(self, start: int, end: int, word: str) -> None:
        self._start, self._end, self.word = start, end, word

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


_MERGED = {("under", "score"): "underscore", ("full", "stop"): "dot"}


def _tokens(text: str) -> list[_Tok]:
    """The turn's words, with what is said in several read as one: "under score" as
    "underscore", "full stop" as "dot", a letter named by a word ("m for mike", "b as in
    bravo") as the letter, and NATO words two or more in a row ("papa alpha") as letters."""
    raw = [_Tok(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    said = [t.word for t in raw]
    out: list[_Tok] = []
    i = 0
    while i < len(raw):
        tok = raw[i]
        pair = (tok.word, raw[i + 1].word) if i + 1 < len(raw) else ()
        if pair in _MERGED:
            out.append(_Tok(tok.start(), raw[i + 1].end(), _MERGED[pair]))
            i += 2
            continue
        named = named_letter(said, i)
        if named:
            out.append(_Tok(tok.start(), raw[i + named].end(), tok.word))
            i += named + 1
            continue
        out.append(tok)
        i += 1
    for k, tok in enumerate(out):
        near = [out[j].word for j in (k - 1, k + 1) if 0 <= j < len(out)]
        if tok.word in NATO and any(w in NATO or _letter(w) for w in near):
            out[k] = _Tok(tok.start(), tok.end(), NATO[tok.word])
    return out


def find_emails(text: str, previous: str = "") -> list[tuple[int, int]]:
    """(start, end) of each email address in `text`; `previous` is the turn before it."""
    spans = [
        (m.start(), m.end())
        for m in WRITTEN.finditer(text)
        if not (_role(text, m) or _role_said_back(m.group(), previous))
    ]
    words: list[_Tok] = _tokens(text)
    lowered = [w.word for w in words]
    context: bool | None = None
    for k, word in enumerate(lowered):
        if k == 0 or any(s <= words[k].start() < e for s, e in spans):
            continue
        if word in _AT:
            said_at = next(
                (len(t) for t in _AT_SAID if tuple(lowered[k + 1 : k + 1 + len(t)]) == t), 0
            )
            if (
                lowered[k + 1 : k + 2] == ["the"]
                and k + 2 < len(lowered)
                and lowered[k + 2] in PROVIDERS
            ):
                said_at = 1  # "priya at the gmail dot com"
            domain = _domain(text, words, lowered, k + 1 + said_at)
        elif word in _AT_HEARD or (word in _BARE_PROVIDERS and lowered[k - 1] not in _AT):
            # "at" misheard, or not heard at all ("jane doe gmail dot com"): after talk of
            # email, and only before a domain whose ending was said
            if context is None:
                context = _talk(text, previous)
            at = k + 1 if word in _AT_HEARD else k
            domain = _domain(text, words, lowered, at) if context and at < len(words) else None
            if domain is None or domain[0] <= words[at].end() or not domain[1]:
                continue  # a webmail provider's only: "bed bath and beyond dot com" is a shop
            given = _local(text, words, lowered, k - 1)
            start = given[0] if given else k - 1
            if _PRONOUNS.intersection(lowered[start:k]) or not (
                start == 0 or lowered[start - 1] in _GIVING
            ):
                continue  # "so i had hotmail dot com", "please add yahoo dot com": no answer
        else:
            continue
        if domain is None:
            continue
        end, provider = domain
        local = _local(text, words, lowered, k - 1)
        if local is None:
            continue
        first, plain, count = local
        before = lowered[k - 2] if k - 2 >= first else ""
        spelled = len(lowered[k - 1]) == 1 and (len(before) == 1 or before in _JOINERS)
        # "I work at ..." is a place; "maeve harlow work at ..." is an address's last word
        suffix = lowered[k - 1] in _SUFFIXES and before.isalpha() and _name_like(before)
        # "the manager at acme dot com" is a person at a place; but "my email is the garcias
        # at yahoo dot com": a household's address at a webmail provider, where email is talked of
        owned = count == 1 and plain and first > 0 and lowered[first - 1] in _OWNERS
        if (lowered[k - 1] in _NOT_LOCAL and not spelled and not suffix) or (
            owned and not (provider and _talk(text, previous))
        ):
            continue
        if first > 0 and lowered[first - 1] == "at" and "," in _gap(text, words, k):
            continue  # "I shop at costco, at target dot com": places, one after another
        said = [w for w in lowered[first:k] if w not in _JOINERS]
        if said and all(w in _SAID_DIGITS for w in said) and not _talk(text, previous):
            continue  # "rated it four point eight at yelp dot com": a number, not a name
        if not provider and plain and lowered[k - 1] in ROLES:
            # "I cc'd orders at acme dot com": a business's mailbox, not the speaker's; and
            # one said back from the turn before ("billing at acme dot com?")
            # (the whole address, its domain too: "accounts at what?" asks for the rest)
            address = " ".join(text[words[k - 1].start() : end].lower().split())
            said_before = " ".join(previous.lower().split())
            if not _offered(lowered, k - 1) or f"{lowered[k - 1]}@" in said_before:
                continue
            if address in said_before:
                continue
        if plain and any(len(w) > 1 and w in _NOT_LOCAL for w in lowered[first : k - suffix]):
            continue  # "we're open at ...", "I looked at ..."
        if plain and not provider:
            if context is None:
                context = bool(_CONTEXT.search(text) or _CONTEXT.search(previous))
            opening = first == 0 or (
                lowered[first - 1] in _STOP and lowered[first - 1] not in _PLACE_PREPOSITIONS
            )
            # "d silva at ...", "ana lee at ..."; four words only at the start, after email talk
            if not ((context or count <= 3) and opening) and not (context and count <= 3):
                continue
        first = _named_first(lowered, first, k)
        spans.append((words[_corrected_first(lowered, first, k)].start(), end))
    return sorted((s, e) for s, e in spans if not _example(text, s, e))


# words of a speaker taking back what they began to say ("jessic, scratch that, jessica ...")
_TAKING_BACK = frozenset("no sorry wait scratch mean actually".split())
_TAKING_BACK_FILL = _TAKING_BACK | frozenset("that i oh".split())


def _corrected_first(lowered: list[str], first: int, k: int) -> int:
    """Where the address starts when the speaker began it, took that back and said it whole
    ("liruss no wait li russo at ..."): at the word begun, when it begins the address."""
    j = first - 1
    while j >= 0 and lowered[j] in _TAKING_BACK_FILL:
        j -= 1
    if j < 0 or j == first - 1 or not _TAKING_BACK.intersection(lowered[j + 1 : first]):
        return first
    said = "".join(w for w in lowered[first:k] if w not in _JOINERS)
    begun = lowered[j]
    return j if len(begun) >= 3 and said.startswith(begun) and begun != said else first


def _named_first(lowered: list[str], first: int, k: int) -> int:
    """Where the address starts: at `first`, or at the word before it that the letters from
    `first` spell ("rajesh, r a j e s h, at ...": the name said, then spelled)."""
    letters = lowered[first:k]
    if first and len(letters) > 2 and all(map(_letter, letters)):
        if lowered[first - 1] == "".join(letters):
            return first - 1
    return first


def _talk(text: str, previous: str) -> bool:
    return bool(_CONTEXT.search(text) or _CONTEXT.search(previous))


def _name_like(word: str) -> bool:
    return len(word) > 1 and word not in _STOP and word not in _NOT_LOCAL


def _offered(lowered: list[str], first: int) -> bool:
    """The address is given as the speaker's own to use ("the email is ...", "use ...", or
    the whole answer), not one they wrote to or pass on, nor a desk's or a team's ("The
    results desk is results@...", "Their claims team is orders@...")."""
    if first and lowered[first - 1] in ("is", "s"):
        subject = lowered[max(0, first - 6) : first - 1]
        if _UNITS.intersection(subject) and not _OWNERS_PERSONAL.intersection(subject):
            return False
    return first == 0 or lowered[first - 1] in ("is", "s", "it's", "use", "try")


# what names a business's desk or team, and whose address a person's is
_UNITS = frozenset(
    "team desk office department dept counter reception helpline hotline support service "
    "services billing claims clinic lab laboratory branch store shop".split()
)
_OWNERS_PERSONAL = frozenset("my your his her me i".split())


def _role(text: str, found: re.Match[str]) -> bool:
    """A written address of a business's mailbox ("returns@shop.io") not offered as the
    speaker's own: kept, as said ones are."""
    if found.group().split("@", 1)[0].lower() not in ROLES:
        return False
    before = _WORD.findall(text[: found.start()].lower())
    return not _offered(before + ["@"], len(before))


def _role_said_back(address: str, previous: str) -> bool:
    """A business's mailbox written in the turn before, written back ("docs@acme.com, got
    it"): kept as it was there."""
    return address.split("@", 1)[0].lower() in ROLES and address.lower() in previous.lower()


def _gap(text: str, words: list[_Tok], k: int) -> str:
    """The text between word k-1 and word k."""
    return text[words[k - 1].end() : words[k].start()]


def _domain(text: str, words: list[_Tok], lowered: list[str], k: int) -> tuple[int, bool] | None:
    """(end, is a provider) of the domain that starts at word k, or None.

    Labels of one to four words ("blue harbor dental", "quill and ink", "stone dash ridge")
    joined by "dot" / "period" (or a written "."), ending in a known ending; or, with no
    ending said, a webmail provider's name in one or two words ("g mail", "out look"). A
    comma ends it; "slash" after the ending makes it a website's page."""
    labels: list[str] = []
    label: list[str] = []
    best: tuple[int, bool] | None = None
    i = k
    while i < len(words) and i < k + 20:
        word = lowered[i]
        gap = _gap(text, words, i) if i > k else ""
        if "," in gap or "?" in gap or "!" in gap:
            break
        if i > k and "." in gap and label:
            labels.append("".join(label))
            label = []
        if word in _DOTS and label:
            labels.append("".join(label))
            label = []
        elif word in _HYPHENS and label:
            label.append("-")
        elif word == "slash" and best is not None and best[0] == words[i - 1].end():
            return None  # "greenleaf dot com slash deals": a web page
        elif (
            word in _DOTS
            or word == "@"
            or sum(len(w) > 1 for w in label) >= 4  # spelled letters: any number
            or (word in _DOMAIN_STOP and not (word == "and" and label and not labels))
        ):
            break
        else:
            label.append(word)
            if labels and (word in TLDS and len(label) == 1 or _spelled_ending(label)):
                best = (words[i].end(), _provider(labels))
            elif labels and label[0] in _SECOND_LEVEL and _country(label[1:]):
                best = (words[i].end(), _provider(labels))  # "co nz": its dot unsaid
        i += 1
    if (labels[:1] or label[:1]) == ["www"]:
        return None
    if best is None:  # no ending said: a webmail provider's name alone ("at g mail")
        first = labels[0] if labels else None
        for said in (2, 1):
            name = first if first is not None and said == 1 else "".join(label[:said])
            if first is None and len(label) < said:
                continue
            if name in _BARE_PROVIDERS:
                return words[k + (said if first is None else 1) - 1].end(), True
    return best


# endings a country's code follows ("co dot uk"), and codes that are also words
_SECOND_LEVEL = frozenset("co com org net edu ac gov gob or ne ltd plc".split())
_WORD_CODES = frozenset("in it is me my no to be am at an as by do go he hi if of on so us".split())


def _country(words: list[str]) -> bool:
    """`words` are a country's code: one word ("nz") or its letters ("a u")."""
    if len(words) == 1:
        return words[0] not in _WORD_CODES and words[0].upper() in SUPPORTED_REGIONS
    return len(words) == 2 and all(map(_letter, words)) and "".join(words) in TLDS


def _spelled_ending(label: list[str]) -> bool:
    """The label is an ending said letter by letter ("c a", "eye oh")."""
    if len(label) < 2 or not all(_letter(w) or w in LETTER_NAMES for w in label):
        return False
    return "".join(LETTER_NAMES.get(w, w) for w in label) in TLDS


def _local(
    text: str, words: list[_Tok], lowered: list[str], k: int
) -> tuple[int, bool, int] | None:
    """(first word, only plain words, how many) of the local part that ends at word k."""
    first = None
    plain = True
    plain_words = 0
    letters = 0
    i = k
    while i >= 0:
        word = lowered[i]
        if i < k and len(word) > 1 and word not in _JOINERS and "," in _gap(text, words, i + 1):
            break  # a word before a comma is not in the address ("my name, sam lee at ...")
        joined = i < k and (
            lowered[i + 1] in _JOINERS or _gap(text, words, i + 1).strip() in (".", "_", "-", "+")
        )
        before = lowered[i - 1] if i > 0 else ""
        if (
            word in _JOINERS
            and first is not None
            and before
            and (before not in _STOP or _letter(before))
        ):
            plain = False
            i -= 1
            continue
        if word == "and" and i < k and before in _SAID_DIGITS and lowered[i + 1] in _SAID_DIGITS:
            i -= 1  # "two thousand and three"
            continue
        spelled = _letter(word) and (letters > 0 or joined or _spelling(lowered, i))
        if word in _SPELLS and i < k and _letter(lowered[i + 1]):
            i -= 1  # "mbeki that's m b e k i": the name, then how it is spelled
            continue
        if (
            text[words[i].start() : words[i].end()].lower() == "a"  # not "alpha" read as a
            and first is not None
            and not letters
            and plain_words <= 2
            and (i == 0 or lowered[i - 1] in _GIVING)
            and not _letter(lowered[i + 1])
        ):
            first = i  # "my email is a patel at ...": the initial a, not the article
            break
        if (word in _STOP and not spelled) or word == "@":
            break
        if word in _SAID_DIGITS:  # "lopez six five at ...": digits, not words
            plain = False
        elif len(word) == 1 and word.isalpha():
            letters += 1
            if letters > 1:
                plain = False
        elif not joined:
            if plain_words >= 4:
                break
            plain_words += 1
        if any(c.isdigit() for c in word) or joined:
            plain = False
        first = i
        if letters > 40:
            break
        i -= 1
    if first is None:
        return None
    return first, plain, plain_words + (letters > 0)


_GIVING = frozenset("is it's its s email".split())  # words before an address given
_PRONOUNS = frozenset("i we you they he she it".split())


def _spelling(lowered: list[str], i: int) -> bool:
    """Word i is a letter among spelled letters ("s a r a h"), not the word "a" or "i"."""
    near = lowered[max(0, i - 1) : i] + lowered[i + 1 : i + 2]
    return any(len(w) == 1 and w.isalpha() for w in near)


# a turn ending with "@" / "at" (and its spoken forms): a local part waiting for its domain;
# or with a word joining the local part's pieces ("it's jessica dot" ... "moreno at ...")
_JOINS_SAID = r"\b(?:" + "|".join((*_DOTS_SAID, "underscore", "dash", "hyphen")) + r")"
_ATS_SAID = r"\b(?:" + "|".join(_AT_SAID_AS) + r")(?: the rate(?: of)?| sign| symbol)?"
OPEN = re.compile(r"(?:@|" + _ATS_SAID + "|" + _JOINS_SAID + r")[\s.,]*$", re.I)
_JOINER_END = re.compile(_JOINS_SAID + r"[\s.,]*$", re.I)
_JOIN_OPENS = re.compile(_JOINS_SAID + r"\b", re.I)
# what may open the turn that goes on with the domain ("um, protonmail dot com")
_FILLERS = re.compile(
    r"(?:\s*\b(?:um+|uh+|erm?|hmm+|so|and|it's|its|then|okay|ok|yeah|the\s+rest(?:\s+is)?)\b"
    r"[\s,.]*)*\s*",
    re.I,
)
_AT_OPENS = re.compile(r"at\b", re.I)  # a turn going on with the domain: "at gmx dot de"
_PLACEHOLDER = "example.com"  # a domain to read a pending local part against
ASKED = re.compile(r"\be-?mail\b[^.!?]*\?", re.I)  # a question for an email address


def split_emails(text: str, context: str, before: str, after: str | None) -> list[tuple[int, int]]:
    """This turn's part of an address read across two turns of one speaker: `before` is the
    turn before it, `after` the one after it ("" for none, None while the call goes on) and
    `context` the talk around them. A turn ending with a local part and "@" or "at" ("john dot
    smith at" ... "gmail dot com") is read joined with the turn after it (fillers opening that
    one left out); with none yet, as if a domain followed, so the local part is held back (a
    spoken "at" only after talk of email): the snapshot writer rewrites the turn once the
    speaker goes on."""
    spans: list[tuple[int, int]] = []
    if before:
        skip, cut = len(before) + _opening(text), len(before)
        spans += [(max(s, skip) - cut, e - cut) for s, e in across(before, text, context)]
    if after is None:
        written = text.rstrip(" .,").endswith("@")
        if OPEN.search(text) and (written or _CONTEXT.search(text) or _CONTEXT.search(context)):
            # the rest may be more of the local part: read as if it and a domain followed
            after = "x at example dot com" if _JOINER_END.search(text) else _PLACEHOLDER
        elif ASKED.search(context.split("\n", 1)[0]) and not MAYBE_AT.search(text):
            # "it's priyanka" answering "What's your email?": a local part, its "at" and
            # domain maybe in the speaker's next turn (held like a number's first half)
            after = "at " + _PLACEHOLDER
    if after:
        cut = len(text.rstrip(" .,"))
        spans += [(s, min(e, cut)) for s, e in across(text, after, context) if s < cut]
    return [(s, e) for s, e in spans if s < e]


def across(first: str, second: str, context: str = "") -> list[tuple[int, int]]:
    """Addresses that begin in `first` and end in `second`, as spans of `first + second`
    (a local part ending `first` with "@" / "at", or `second` opening with "@" / "at")."""
    opens = second[_opening(second) :].startswith("@")  # "the rest is @yahoo.co.uk"
    skip = _opening(second)
    sep = " "
    if _JOINER_END.search(first) and (
        len(first.split()) - _opening_words(first) > 4
        or first[_opening(first) :].lower().startswith(("the ", "a ", "my ", "our ", "this "))
    ):
        return []  # "i bought the polka dot" ... : a local part's piece is said on its own
    # "it's jessica" ... "dot moreno at outlook dot com": a local part split before its joiner
    joined = bool(_JOIN_OPENS.match(second, skip)) and _talk(first, context)
    joined = joined and _piece_words(first[_opening(first) :]) <= 4
    if not (opens or joined or OPEN.search(first) or _AT_OPENS.match(second, skip)):
        # "the first bit is jenny moretti" ... "And after the at?" ... "yahoo dot com": a
        # turn that is a domain and nothing more goes on from the turn before, after email talk
        if not (domain_only(second) and _talk(first, context)):
            return []
        sep = " at "
    head = first.rstrip(" .,")
    sep = "" if head.endswith("@") or opens else sep
    cut = len(head) + len(sep)  # where `second`'s text (after its fillers) begins
    out = []
    for start, end in find_emails(head + sep + second[skip:], context):
        if start < len(head) and cut < end:
            out.append((start, end - cut + skip + len(first)))
    return out


_DOTTED = re.compile(r"\b(?:" + "|".join(sorted(_DOTS)) + r")\b|\w\.\w", re.I)
_AFTER_DOMAIN = frozenset("thanks thank you please all one word no spaces lower case".split())


@functools.lru_cache(maxsize=8192)  # asked of a turn both when turns are linked and redacted
def domain_only(text: str) -> bool:
    """`text` (after the fillers opening it) is a domain with its ending said and nothing
    more ("protonmail dot com.", "um, web dot de, thanks")."""
    if MAYBE_AT.search(text) or not _DOTTED.search(text):
        return False
    words = _tokens(text)
    lowered = [w.word for w in words]
    first = next((i for i, w in enumerate(words) if w.start() >= _opening(text)), len(words))
    if first >= len(words) - 1:
        return False
    found = _domain(text, words, lowered, first)
    if found is None or found[0] <= words[first].end():
        return False
    return all(w.word in _AFTER_DOMAIN for w in words if w.start() >= found[0])


def continues(text: str) -> bool:
    """`text` opens with "@" or "at", or a word joining a local part's pieces ("dot moreno at
    ..."), after fillers: the rest of an address begun before."""
    skip = _opening(text)
    return text[skip:].startswith("@") or bool(
        _AT_OPENS.match(text, skip) or _JOIN_OPENS.match(text, skip)
    )


def _piece_words(text: str) -> int:
    """How many words `text` is, letters spelled one by one counted as one ("m a r i a")."""
    words = re.sub(r"\b(\w)\b(?:[\s,]+\b\w\b)+", "x", text).split()
    return len(words)


def _opening_words(text: str) -> int:
    """How many words the fillers opening `text` are ("so it's jessica dot": 2)."""
    return len(text[: _opening(text)].split())


def _opening(text: str) -> int:
    """Where `text` begins after the fillers that open it."""
    found = _FILLERS.match(text)
    return found.end() if found else 0
