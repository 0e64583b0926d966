"""Finding card numbers, phone numbers, emails, IBANs and US SSNs in speech-to-text output.

Pure functions over one turn's text and its context (the turn before it, the same speaker's
turns before and after it); `redact.py` applies them to payloads. Imported on first use of
`zelto.redact_pii(...)`, not with the plugin.

Numbers are read the way STT writes them (`numbers.py`: digit groups, digits as words,
fillers and misheard digits between groups). A run of digit groups is checked window by window
(aligned to its groups): a card is 12-19 digits with a card network's prefix and a valid Luhn
check digit (python-stdnum), 16 digits tried first so a ZIP said after it stays; a phone
number is valid by libphonenumber's metadata (`phonenumbers`) for one of the regions, or for
its own country after `+`, `00` or `011` (after talk of phones: any 8-15 digits), and spans
its whole run (a phone's digits inside a longer run are some other number). A run the words
before it name as an identifier (`naming.py`: "locker number", "order", asked for in the
turn before, or read back from it) is not a phone number, a card (unless the talk is of
cards) or an SSN.

Beside this module: `spans.py` (what is found, the windows of a run), `again.py` (a number
read back, repeated or corrected), `across.py` (a number said over turns, or its area code
apart), `stream.py` (cards and SSNs read with words between their groups), `spelled.py`
(IBANs), `emails.py`, `naming.py` (what the words before a number call it), `regions.py`
(phone numbers' countries).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from .across import (
    area_code,
    card_in_progress,
    head_run,
    held,
    join_pieces,
    says_back,
    tail_run,
    third_piece,
)
from .again import corrected, read_back, repeated, said_wrong, whole_card
from .cards import is_card
from .emails import MAYBE as _MAYBE_EMAIL
from .emails import find_emails, split_emails, webmail
from .naming import (
    ABOUT_IT,
    ID_WORDS,
    PHONE_WORDS,
    addressed,
    clause,
    fax,
    listeners,
    organisations,
    our_mailbox,
    ours,
)
from .naming import named as _named
from .naming import said as _said
from .naming import subject as _subject
from .numbers import MAYBE_NUMBER, PENDING, Run, runs
from .regions import (
    FALLBACK_REGIONS,
    Regions,
    business_line,
    grouped_phone,
    is_phone,
    regions_named,
    trunk_phone,
)
from .spans import Span, apart, disjoint, group_windows, lead, run_digits
from .spelled import ibans, look_alikes
from .stream import (
    NOT_PAYMENT,
    chunk_sizes,
    pay_talk,
    restarts,
    said_twice,
    ssn_ok,
    stream_cards,
    stream_ssns,
)
from .unicode import back, fold, folded

__all__ = ["Span", "find_spans", "is_card", "topic"]

# also as a JSON key's part ("card_on_file", "cc_number", "cardNumber")
_CARD_CONTEXT = re.compile(
    r"(?<![A-Za-z])(?i:card|visa|master ?card|amex|american express|discover|maestro|credit|"
    r"debit|cc)(?![a-z])"
)
# "social", "SSN", "ss number", "s s n", also as a JSON key's part ("social_security_number",
# "ssn_full", camel case "ssnLast9", "customerSSN"): case matters only to find a word's edge
_SSN_CONTEXT = re.compile(
    r"(?:(?<![A-Za-z])(?:social|ssn|s s n|(?:ss|s s|s\.s\.?|soc(?:[ _.-]?sec)?)[ _-]?"
    r"(?:number|no|num|#)|soc[ _.-]?sec)"
    r"|(?<![A-Z])(?:Social|SOCIAL|Ssn|SSN|S S N|(?:SS|S S|S\.S\.?|Soc|SOC)[ _-]?"
    r"(?:[Nn]umber|NUMBER|[Nn]o|#)))"
    r"(?![a-z])"
)
# a tax form asks for the SSN: a number said in its 3-2-4 groups there is one ("it's 308 40
# 0539 on the W-2"); an EIN is read 2-7
_TAX_TALK = re.compile(
    r"(?<![A-Za-z])(?:w-? ?2s?|1099s?|tax[ _]?(?:form|return|filing|id)s?|irs|taxpayer|tin)"
    r"(?![a-z])",
    re.I,
)
_EIN_WRITTEN = re.compile(r"\d\d[- ]\d{7}")
_EXTENSION = re.compile(r"[\s,.;-]*(?:ask(?:ing)? for |then |and )?(?:extension|ext\b|x ?\d)", re.I)
_CARD_SIZES = (16, 15, 19, 18, 17, 14, 13, 12)  # a card's own length before one with a ZIP


def _card_named(text: str) -> bool:
    return bool(_CARD_CONTEXT.search(NOT_PAYMENT.sub(" ", text)))


@functools.lru_cache(maxsize=4096)  # asked of each turn again for the few turns after it
def topic(text: str) -> str:
    """What `text` talks of that names numbers said a few turns later: "card", "ssn",
    "phone" (asked for). A turn asking for a social talks of cards only when it names one
    ("For the tax form on the contractor payment I need your Social Security number" asks for
    no card)."""
    ssn = bool(_SSN_CONTEXT.search(text))
    card = _card_named(text) if ssn else pay_talk(text)
    # a question asking for a phone ("Which number should the crew call?"): the agent's
    # echo of a piece of the answer ("514... okay, next?") is a piece of that phone
    phone = "?" in text and _asked_for(_last_sentence(text)) == "phone"
    return " ".join(name for name, said in (("card", card), ("ssn", ssn), ("phone", phone)) if said)


def find_spans(
    text: str,
    *,
    kinds: frozenset[str],
    regions: tuple[str, ...],
    previous: str = "",
    previous_same: str = "",
    next_same: str | None = "",
    talk: str = "",
    extra: tuple[tuple[str, re.Pattern[str]], ...] = (),
) -> list[Span]:
    """Spans of `text` to redact, sorted and disjoint.

    `previous` is the turn just before (any speaker; "what is your card number?"),
    `previous_same` the same speaker's previous turn (the first half of a split number),
    `next_same` the same speaker's next turn ("" when there is none; None while the call
    goes on and there may be one: the digits that end the turn are held as `number`);
    `talk` what the few turns before `previous` talked of (`topic`: "card", "ssn");
    `extra` the user's own kinds, `(name, pattern)`. Every rule reads the text folded
    (`unicode.py`: full-width digits, odd spaces, zero-width characters, dashes); the spans
    are the original text's.
    """
    plain, index = fold(text)
    spans = _find(
        plain,
        kinds,
        regions,
        folded(previous),
        folded(previous_same),
        None if next_same is None else folded(next_same),
        talk,
        extra,
    )
    if index is None:
        return spans
    return [Span(*back(index, s.start, s.end), s.kind) for s in spans]


def _find(
    text: str,
    kinds: frozenset[str],
    regions: tuple[str, ...],
    previous: str,
    previous_same: str,
    next_same: str | None,
    talk: str,
    extra: tuple[tuple[str, re.Pattern[str]], ...],
) -> list[Span]:
    spans = [
        Span(m.start(), m.end(), name) for name, pattern in extra for m in pattern.finditer(text)
    ]
    if "email" in kinds and _MAYBE_EMAIL.search(text):
        found = find_emails(text, previous)
        if "agent" in talk.split():  # the agent's "email us at", "our inbox is": the business's
            found = [
                (s, e)
                for s, e in found
                if not (our_mailbox(clause(text[:s])) and not webmail(text[s:e]))
            ]
        spans += [Span(s, e, "email") for s, e in found]
    # the speaker's turns just before and after this one (for an address or an IBAN over two)
    before = previous_same.rsplit("\n", 1)[-1]
    after = None if next_same is None else next_same.removesuffix(PENDING).split("\n", 1)[0]
    if "email" in kinds and (previous_same or next_same != ""):  # an address over two turns
        found = split_emails(text, previous + "\n" + previous_same, before, after)
        spans += [Span(s, e, "email") for s, e in found]
    if "iban" in kinds:
        asked = "iban" in text.lower() or "iban" in previous.lower()
        # an IBAN over three turns: this turn its first or last piece
        far = (
            "\n".join(previous_same.split("\n")[-2:]),
            "\n".join((next_same or "").removesuffix(PENDING).split("\n")[:2]),
        )
        found = ibans(text, before, after or "", asked=asked, far=far)
        spans += apart([Span(s, e, "iban") for s, e in found], spans)
    numeric = kinds & {"card", "phone", "ssn"}
    if numeric and MAYBE_NUMBER.search(text):
        # a reference printed like an IBAN that fails its check: its digits are not a number
        shaped = [Span(s, e, "") for s, e in look_alikes(text)] if "iban" in kinds else []
        taken = spans + shaped
        spans += _numbers_in(
            text, numeric, regions, previous, previous_same, next_same, taken, talk.split()
        )
    return disjoint(spans)


def _numbers_in(
    text: str,
    numeric: frozenset[str],
    regions: tuple[str, ...],
    previous: str,
    previous_same: str,
    next_same: str | None,
    taken_spans: list[Span],
    talk: list[str],
) -> list[Span]:
    found_runs = runs(text)
    pending = next_same is not None and next_same.endswith(PENDING)
    if pending:  # the speaker's turns after this one are still reading a number out
        next_same = next_same[: -len(PENDING)]  # type: ignore[index]
    cards_said = _card_named(text)  # this turn names a card
    ssn_said = bool(_SSN_CONTEXT.search(text))
    cards_here = cards_said or _card_named(previous)
    cards_talked = cards_here or "card" in talk  # a few turns back: "Card number, please."
    agent, heard_agent = "agent" in talk, "heard_agent" in talk  # who speaks, who was heard
    earlier = _named(_said(previous_same)[-12:], asked=True)
    question = _last_sentence(previous)
    previous_words = _said(previous)
    asked = _asked_for(question)
    if asked is None and _THE_NUMBER.search(question):  # "Could you repeat the number?"
        asked = earlier  # the one the speaker gave before, as it was named
    if asked is None and _POINTS_BACK.search(question):  # "I've sent a code. Read it to me?"
        said_before = _said(_last_sentence(previous[: -len(question)]))[-12:]
        asked = "id" if _named(said_before, asked=True) == "id" else None  # its phone: no
    # "Please read me the sixteen digits on the card.": what answers it is no phone number
    # unless its own words say so ("my cell is ..."); "Your card, number or social?" asks
    # for any of three
    card_asked = asked is None and pay_talk(question) and not _OTHER_ASKED.search(question)
    card_asked = card_asked and not ID_WORDS.intersection(previous_words)  # "your policy no.?"
    # "Thanks for confirming your social. Now what's your claim number?" asks for an id
    ssn_asked = _SSN_CONTEXT.search(previous if asked != "id" else question)
    ssn_here = bool(ssn_said or ssn_asked)
    ssn_talked = ssn_here or "ssn" in talk
    ssn_near = ssn_talked or bool(_SSN_CONTEXT.search(previous_same))  # an SSN over two turns
    taxed = bool(_TAX_TALK.search(text) or _TAX_TALK.search(previous))
    quiet = not ID_WORDS.intersection(previous_words[-12:])  # nothing asked names an id
    # groups said with "thousand" ("five thousand eighteen") are a card's after talk of
    # cards, but not where amounts are talked of: "balance four thousand two hundred, ..."
    pay = "card" in talk or any(pay_talk(t) for t in (text, previous, previous_same))
    counted = (pay or cards_talked) and not any(
        _MONEY.search(t) for t in (text, previous, previous_same)
    )
    places = regions_named(text) + regions_named(previous) + regions_named(previous_same)
    regions = tuple(dict.fromkeys(regions + places))
    taken = [(s.start, s.end) for s in taken_spans]
    carry = tail_run(previous_same) if MAYBE_NUMBER.search(previous_same) else None
    following = head_run(next_same) if next_same and MAYBE_NUMBER.search(next_same) else None
    spans: list[Span] = []
    owned: list[Run] = []  # runs their own words give to a business or name an id
    # the other speaker's group said back while a card or an SSN is read out ("4077. Next?")
    echo = None
    if len(found_runs) == 1 and says_back(text, previous, least=2):
        if "card" in numeric and (cards_talked or pay_talk(previous_same)):
            echo = (
                "card" if len(run_digits(found_runs[0], 0, len(found_runs[0].groups))) > 2 else None
            )
        elif "ssn" in numeric and ssn_near:
            echo = "ssn"
        elif "phone" in numeric and ("phone" in (asked, earlier) or "phone" in talk):
            echo = "phone"  # "514... okay, next?" while the caller reads out a phone asked for
    for index, run in enumerate(found_runs):
        if run.skip or any(g.start < e and s < g.end for g in run.groups for s, e in taken):
            continue
        if echo is not None:
            spans.append(Span(lead(run, 0), run.groups[-1].end, echo))
            continue
        if not counted and any(g.counted for g in run.groups):
            continue  # "my bills went ... one thousand and fifty five twenty": money
        words = [w for w in run.words_before if w.isalnum()]  # the words before it, said
        named = own = _named(words[-8:])
        ein = own is None and "e i n" in " ".join(words[-6:]).lower()
        if ein:
            named = own = "id"  # "the e i n is ...": an EIN spelled, an identifier's name
        if own == "id" and _about_a_line(text, run, words):
            named = own = None  # "I'm calling about 954 679 2129, I want to port it out"
        alone = _MARKER_ALONE.search(text, 0, lead(run, 0)) if own == "id" else None
        if alone and alone.group(1).lower() not in ID_WORDS:  # but "my order, number ..."
            named = own = None  # "Name on the card is Omar Reyes, number 6553 ...": no name
        if named is None:  # read back ("So that's ..."), asked, a subject ("the serial ... is")
            named = read_back(run, previous, earlier) or asked or (earlier if run.head else None)
            named = named or _subject(words[-16:])
        if named is None and _EXTENSION.match(text, run.groups[-1].end):
            named = "phone"  # "... double seven seven extension 2813": only phones have one
        kinds = set(numeric)
        tax_form = taxed and chunk_sizes(text, run) == [3, 2, 4]  # an EIN is read 2-7
        # a person's taxpayer number where SSNs are talked of is the SSN: a tool's
        # {"taxpayer_id": "583272999"} after "And your Social Security number?"
        tax_form = tax_form or bool(
            ssn_talked
            and _TAXPAYER.intersection(w.lower() for w in words[-3:])
            and len(run_digits(run, 0, len(run.groups))) == 9
            and chunk_sizes(text, run) != [2, 7]  # an EIN
            and not any(_EIN_TALK.search(t) for t in (text, previous, previous_same))
        )
        # "The e i n you gave is 512 44 7781, but that looks like a social": named an EIN,
        # read as an SSN is, and called a social in the same turn
        tax_form = tax_form or (ein and ssn_said and chunk_sizes(text, run) == [3, 2, 4])
        if _EIN_WRITTEN.fullmatch(text, lead(run, 0), run.groups[-1].end):
            kinds.discard("ssn")  # "81-4455667": an SSN is never written 2-7, an EIN always
        near = clause(text[: lead(run, 0)])  # whose line it is, by the words of its clause
        # "the bank's fraud line"; but the caller's "The office, 404 ..." answering "And a
        # daytime number?" is their own work line
        business = organisations(run.words_before, agent=agent) and (agent or asked != "phone")
        if (
            named == "id"
            or business
            or (
                ours(near, agent=agent)
                and (
                    agent  # the agent's "our billing line is ...", whatever kind of line it is
                    or business_line(  # the caller's "call us back on 1800 200 300"
                        run_digits(run, 0, len(run.groups)),
                        run.plus,
                        regions + FALLBACK_REGIONS,
                        ours=True,
                    )
                )
            )
            # a fax, or the agent's line said back: "Got it, 0800 ..."
            or (fax(near) and not _said_before(run, previous))
            or (heard_agent and own is None and _their_line(run, previous))
            or _volunteered(text, run, near, previous, agent=agent, own=own)
            or (not agent and own is None and addressed(near))
        ):
            kinds.discard("phone")
            owned.append(run)
        if named == "id":
            # only talk in this turn or the one before keeps a number the question names an
            # id a card or an SSN ("What's your member number?" after talk of SSNs is an id)
            if own == "id" or not cards_here:  # "invoice 4532 ...", even paid by card
                kinds.discard("card")
            # a gift card may be a network's prepaid card: a whole valid one is redacted;
            # not a store's own ("our store gift card", "one of our own gift cards")
            gift = [w.lower() for w in run.words_before[-8:]]
            if own == "id" and "gift" in gift and not _STORES.intersection(gift):
                said_digits = run_digits(run, 0, len(run.groups))
                kinds |= {"card"} if "card" in numeric and is_card(said_digits) else set()
            # "not my social, my member id is ..."; but "for the tax form it's 428 88 6891"
            own_id = ID_WORDS.intersection(run.words_before[-8:]) - {"tax", "id"}
            if (own == "id" and (own_id or not tax_form)) or not (ssn_here or tax_form):
                kinds.discard("ssn")
        phoned = named == "phone"
        if own == "phone":  # "use my new cell, ...": not the card or the SSN talked of
            # before, unless this turn names one
            kinds -= {k for k, said in (("card", cards_said), ("ssn", ssn_said)) if not said}
        # a number given in answer to a question for a phone ("What number should the driver
        # call?"), not named so by its own words ("the code I got by text is ..."), may be as
        # short as a small country's (the Falklands' 5 digits): when it is the turn's only
        # digits, not a number's first piece going on in the speaker's next turn
        my_phone = own == "phone" and "my" in [w.lower() for w in run.words_before[-4:]]
        short = phoned and (my_phone or own is None and asked == "phone") and len(found_runs) == 1
        short = short and not (run.tail and following is not None) and _alone(text, run)
        hinted = Regions(regions, FALLBACK_REGIONS if phoned else (), anywhere=phoned, short=short)
        found = _numbers(run, frozenset(kinds), hinted, ssn_talked or tax_form)
        if not found and "phone" in kinds and named is None:
            found = _grouped(text, run, trunk=quiet)
        cards = [(f.start, f.end) for f in found if f.kind == "card"]
        found += [Span(s, e, "card") for s, e in restarts(text, found_runs[:index], run, cards)]
        # where cards are talked of, a run none of whose windows is one may be one said with
        # a group twice ("5425 2334 2334 3010 9903")
        opening = [(run.groups[0].start, run.groups[0].start)] if cards_talked else []
        twice = [Span(s, e, "card") for s, e in said_twice(run, cards or opening)]
        found = apart(found, twice) + twice
        # digits carried on into the speaker's next turn are being dictated: a number
        # joined across two turns may be from any of the fallback regions too
        across = Regions(regions, FALLBACK_REGIONS, anywhere=phoned)
        # (or the first of this turn's after an answer to a yes/no question about the first
        # half: "And is that a mobile?" "yes, it's a cell, 739 2206")
        answered = index == 0 and bool(ABOUT_IT.match(previous))
        before = [carry] if carry is not None and (run.head or answered) else []
        after = [following] if following is not None and run.tail else []
        # a number read over three turns: this turn's whole run is its middle piece
        pieces = [(before + [run] + after, 1)] if before and after else []
        # or its first or last piece, the turn between all of the middle one
        third = third_piece(next_same, ahead=True) if after else None
        pieces += [([run] + after + [third], 0)] if third is not None else []
        third = third_piece(previous_same, ahead=False) if before else None
        pieces += [([third] + before + [run], 2)] if third is not None else []
        pieces += [(before + [run], 1)] if before else []
        pieces += [([run] + after, 0)] if after else []
        joins: list[Span] = []
        whole = (lead(run, 0), run.groups[-1].end)
        if any(f.kind == "card" and (f.start, f.end) == whole for f in found):
            pieces = []  # a whole card said in this turn: what the next turn says is another
        for piece, mine in pieces:
            joins += join_pieces(piece, mine, frozenset(kinds), across)
        # a number carried on across turns is read as the whole, not as what its part looks like
        found = apart(found, joins) + joins
        if run.tail and "card" in kinds and cards_talked:
            found += card_in_progress(run, found)
        if kinds & {"card", "phone"} and named != "id":
            # "so that's the card ending in 5401": a card's digits, never a phone's last four
            of_card = _CARD_WORDS.intersection(w.lower() for w in run.words_before[-4:])
            not_phone = kinds - {"phone"} if of_card else kinds
            again = repeated(run, not_phone, regions, previous, previous_same, ssn_near)
            found = apart(found, again) + again if again and not whole_card(found, run) else found
        if index and "phone" in kinds:  # "area code first, 587, and the number is 885-9679"
            coded = area_code(text, found_runs[index - 1], run, hinted)
            if coded is not None:
                spans, found = apart(spans, [coded]), apart(found, [coded]) + [coded]
        if index and not any(f.start <= run.groups[0].start < f.end for f in found + spans):
            fixed = corrected(text, found_runs[index - 1], run, spans, kinds, hinted, ssn_talked)
            if fixed is not None:
                spans = apart(spans, [fixed])
                found = apart(found, [fixed]) + [fixed]
        # while the call goes on, the last number of the speaker's latest turn, where a
        # number of theirs is asked or talked of, may be a first half whatever follows it in
        # the turn ("It's 4539 1488 0343. Sorry, the dog is going crazy at the door."):
        # held until their next turn shows
        going_on = next_same is None and index == len(found_runs) - 1
        going_on = going_on and (cards_talked or ssn_near or "phone" in (asked, named))
        if (run.tail or going_on) and (next_same is None or pending):
            found += held(run, found)
        # what looked like a phone is the card asked for, or its piece, or it said wrong:
        # redacted as one all the same; but "try her at ...", "he's on ..." give a phone
        if card_asked and own is None and run.words_before[-1:] not in (("at",), ("on",)):
            found = [Span(f.start, f.end, "card") if f.kind == "phone" else f for f in found]
        spans += found
    lines = [t for t in previous_same.split("\n") if MAYBE_NUMBER.search(t)][-3:]
    ahead = [t for t in (next_same or "").split("\n") if MAYBE_NUMBER.search(t)][:3]
    streamed: list[Span] = []
    # the question asked for a phone by name ("And a phone number for the receipt?"), no card
    # or SSN: none is streamed from this turn ("the number on the new card?" asks for a card)
    phone_asked = (
        asked == "phone"
        and bool(PHONE_WORDS.intersection(previous_words))
        and not (_card_named(previous) or _SSN_CONTEXT.search(previous))
    )
    if "ssn" in numeric and ssn_near and (ssn_said or not phone_asked):  # an SSN over runs
        streamed += [Span(s, e, "ssn") for s, e in stream_ssns(text, lines, ahead)]
    # an id asked for with no talk of cards or paying anywhere near: "What's your loyalty
    # number?" ... "4526 0181" ... "5908 3012" is no card read as four fours
    id_asked = "id" in (asked, earlier) and not (pay or cards_talked)
    if "card" in numeric and (cards_said or not (phone_asked or id_asked)):  # a card over runs
        streamed += [
            Span(s, e, "card")
            for s, e in stream_cards(text, lines, ahead, pay or cards_talked, counted=counted)
        ]
    if streamed:
        spans = apart(spans, streamed) + streamed
    if numeric & {"card", "phone"}:
        # (not a line its own words gave a business: "Our main line is 312 648 2200, and I
        # have your cell as 312 648 2299" reads no number twice)
        spans += said_wrong([r for r in found_runs if r not in owned], spans)
    return spans


_MONEY = re.compile(
    r"\b(?:how much|amounts?|balance|paid|pay(?:ing)? off|owe[sd]?|costs?|prices?|limit|"
    r"install?ments?|charges|dollars|euros|pounds|bucks|statement|plan|refund\w*|spent|"
    r"totals?|up front)\b",
    re.I,
)
_OTHER_ASKED = re.compile(r"\b(?:phone|mobile|cell|number you|call|text|or|social|ssn)\b", re.I)
_STORES = frozenset("our own store shop house in-store".split())
_CARD_WORDS = frozenset("card cards visa mastercard amex debit credit".split())
# "number" after punctuation is no compound with the word before it ("Reyes, number", a JSON
# key's parent: '"arguments": {"number": ...'), unless that word names an identifier on its
# own ("my order, number ...")
# (one mark at a time: "(\s*[^\w\s]+\s*)+" backtracked exponentially over a masked card's
# "************", 34 ms for one tool turn)
_MARKER_ALONE = re.compile(r"([^\W_]+)(?:\s*[^\w\s])+\s*(?:the\s+)?(?:number|no|num)\b\W*$", re.I)


# what is said of a phone line after the number a call is about
_LINE_TALK = frozenset(
    "phone line sim port ported porting spam texts text calls voicemail signal cell mobile "
    "handset dial roaming".split()
)


def _about_a_line(text: str, run: Run, words: list[str]) -> bool:
    """The call is "about" this number (`naming`: what the call is about is an identifier),
    and what the turn says after it (`words`: those before it) is of a phone line: "..., I
    lost the phone"."""
    if [w.lower() for w in words[-1:]] not in (["about"], ["regarding"]):  # not "about case 81..."
        return False
    after = re.findall(r"[a-z]+", text[run.groups[-1].end :][:80].lower())
    return bool(_LINE_TALK.intersection(after))


_EIN_TALK = re.compile(r"\b(?:ein|e i n|employer|business|company)\b", re.I)
# names of a person's tax number: the SSN, where SSNs are talked of
_TAXPAYER = frozenset("taxpayer tin tax national".split())


def _their_line(run: Run, previous: str) -> bool:
    """The agent's turn before gave these digits as the business's line, a fax number or
    another business's line ("I'd call the dental lab; they're at ...")."""
    if not _said_before(run, previous):
        return False
    digits = _heard(run)
    for other in runs(previous):
        if run_digits(other, 0, len(other.groups)) == digits:
            near = clause(previous[: lead(other, 0)])
            return (
                ours(near, agent=True) or fax(near) or organisations(other.words_before, agent=True)
            )
    return False


_ASKING = re.compile(
    r"\W*(?:is|are|do|does|did|can|could|would|should|will|shall|may|has|have)\b", re.I
)
# an agent's words that tie a number to the caller or their record, or say it back
_RECORD = frozenset(
    "have got see show shows showing file account record records profile system so noted "
    "read back that's thats confirm update updated change changed put add added save saved "
    "set replace".split()
)


def _volunteered(
    text: str, run: Run, near: tuple[str, ...], previous: str, *, agent: bool, own: str | None
) -> bool:
    """The agent gives a number of its own accord ("For anything else it's 801 586 0816,
    weekdays nine to five.", "The supplier picks up on 713 315 1408."): a line of the
    business or of one it sends the caller to. Not when it may say back a number of the
    caller's turn before (`_may_say_back`), the agent asks anything, its words tie the number
    to the caller or their record ("your", "call you", "I have", "on file", "so that's",
    "update it to"), or its own words name what kind it is (`own`); nor a tool call's
    arguments."""
    if not agent or own is not None or "?" in text or _may_say_back(run, previous):
        return False
    if text.lstrip()[:1] in ("{", "["):  # a tool call's arguments: the agent's record
        return False
    sentence = re.split(r"[.!;]\s", text[: run.groups[0].start])[-1]
    if _ASKING.match(sentence):  # "Is 415 555 0134 still the best number": asked, unmarked
        return False
    words = {w.lower() for w in _said(text)}
    return not (listeners(near) or _RECORD.intersection(words))


def _may_say_back(run: Run, previous: str) -> bool:
    """`run` may say back a number of the turn before, however it was said there: they end
    alike (four digits or more), or either holds the other."""
    if not MAYBE_NUMBER.search(previous):
        return False
    mine = _heard(run)
    for other in runs(previous):
        theirs = run_digits(other, 0, len(other.groups))
        if mine[-4:] == theirs[-4:] or (len(theirs) >= 4 and (theirs in mine or mine in theirs)):
            return True
    return False


def _said_before(run: Run, previous: str) -> bool:
    """`run`'s digits (seven or more; a misheard word opening it, "to", left out) were said in
    the turn before: it is named as there."""
    digits = _heard(run)
    return len(digits) >= 7 and digits in re.sub(r"\D", "", previous)


def _heard(run: Run) -> str:
    """`run`'s digits, less the words it may have misheard as digits ("to", "for")."""
    return "".join(g.digits for g in run.groups if not g.guess)


def _is_ssn(run: Run, i: int, j: int, context: bool) -> bool:
    if not ssn_ok(run_digits(run, i, j)):
        return False
    shaped = [len(g.digits) for g in run.groups[i:j]] == [3, 2, 4] and all(
        "-" in g.sep_before for g in run.groups[i + 1 : j]
    )
    if [len(g.digits) for g in run.groups[i:j]] == [5, 4] and "-" in run.groups[i + 1].sep_before:
        return False  # a ZIP+4 ("60614-2231"), written as no SSN is
    whole = (i == 0 or run.groups[i].hard) and (j == len(run.groups) or run.groups[j].hard)
    return (shaped and whole) or context


def _whole(run: Run, used: list[bool], i: int, j: int) -> bool:
    """Window [i, j) is a number of its own: nothing but other findings or a word between
    it and the rest of its run (a misheard-digit word opening or ending the run counts as a
    word)."""
    left = i == 0 or run.groups[i].hard or (used[i - 1] and all(used[:i]))
    left = left or (i == 1 and run.groups[0].guess)  # "to 415 867 5309": "to" may be a word
    right = j == len(run.groups) or run.groups[j].hard or (used[j] and all(used[j:]))
    right = right or (j == len(run.groups) - 1 and run.groups[-1].guess)  # "... 5309 to"
    return left and right


def _numbers(run: Run, kinds: frozenset[str], regions: Regions, ssn: bool) -> list[Span]:
    """Cards, then SSNs, then phone numbers, each the first fitting window from the left."""
    used = [False] * len(run.groups)
    spans: list[Span] = []
    checks: list[tuple[str, list[tuple[int, int]], Callable[[int, int], bool]]] = []
    if "card" in kinds:
        whole = (
            [(0, len(run.groups))] if 12 <= len(run_digits(run, 0, len(run.groups))) <= 19 else []
        )
        checks.append(
            (
                "card",
                whole + group_windows(run, 12, 19, _CARD_SIZES),  # a whole run first: 19 digits
                lambda i, j: not (run.plus and i == 0) and is_card(run_digits(run, i, j)),
            )
        )
    if "ssn" in kinds:
        checks.append(("ssn", group_windows(run, 9, 9), lambda i, j: _is_ssn(run, i, j, ssn)))
    if "phone" in kinds and not business_line(
        run_digits(run, 0, len(run.groups)), run.plus, regions.named
    ):
        plus = run.plus
        valid = Regions(regions.named, regions.fallback)

        def phone(i: int, j: int, regions: Regions = valid) -> bool:
            digits = run_digits(run, i, j)
            return _whole(run, used, i, j) and is_phone(digits, plus and i == 0, regions)

        # a misheard-digit word opening the run ("to 415 ...") is tried as a word first, one
        # ending it as a digit first when it ends the turn ("... four one five to"), else
        # as a word ("... 5309 to discuss")
        first, last, n = run.groups[0].guess, run.groups[-1].guess, len(run.groups)

        def guessed(window: tuple[int, int]) -> bool:
            return (first and window[0] == 0) or (last and (window[1] == n) != run.tail)

        checks.append(("phone", sorted(group_windows(run, 7, 18), key=guessed), phone))
        if regions.anywhere:  # a valid number first, then any 8-15 digits after talk of phones
            windows = sorted(group_windows(run, 8, 15), key=guessed)
            if regions.short and 5 <= len(run_digits(run, 0, n)) <= 7:
                windows.append((0, n))  # or a whole run of 5-7 in answer to a question for one
            checks.append(("phone", windows, lambda i, j: phone(i, j, regions)))
    for kind, windows, check in checks:
        for i, j in windows:
            if any(used[i:j]) or not check(i, j):
                continue
            used[i:j] = [True] * (j - i)
            spans.append(Span(lead(run, i), run.groups[j - 1].end, kind))
    return spans


def _grouped(text: str, run: Run, *, trunk: bool) -> list[Span]:
    """A whole run said in the groups a country writes its phone numbers in ("21 236 7502",
    "one one, nine six one two one, six nine two three"), valid there, or with a trunk prefix
    "0" and valid in one of those countries (`trunk`: unless the question named an id)."""
    sizes: list[int] = []
    if any(group.hard for group in run.groups[1:]):
        return []  # words between its groups: not one number read out in its groups
    for k, group in enumerate(run.groups):
        spoken = not text[group.start : group.start + 1].isdigit()
        pause = k == 0 or not spoken or group.sep_before.strip(" ") != ""
        if pause or not sizes:
            sizes.append(len(group.digits))
        else:
            sizes[-1] += len(group.digits)
    digits = run_digits(run, 0, len(run.groups))
    if run.plus or not (
        (trunk and trunk_phone(digits))  # or with a country's trunk prefix, however grouped
        or (len(sizes) >= 2 and 8 <= len(digits) <= 13 and grouped_phone(digits, tuple(sizes)))
    ):
        return []
    return [Span(lead(run, 0), run.groups[-1].end, "phone")]


# a question whose object is a pronoun asks for what the sentence before it named
_POINTS_BACK = re.compile(r"\b(?:it|that|them|those)\b(?![^?]*\bnumber\b)", re.I)


_THE_NUMBER = re.compile(r"\bthe number\b(?! (?:on|of|for|from|at|in)\b)", re.I)
_THOUSANDS = re.compile(r"\d,\d{3}(?!\d)")
_WORD_AFTER = re.compile(r"\s*([A-Za-z']+)")
# words that may follow a number given alone ("581 2345, thanks", "51194 that's my mobile")
_AFTER_ALONE = frozenset(
    "thanks thank cheers please that's thats it's its is and or but if my ok okay yeah yes "
    "i'm im i".split()
)


def _alone(text: str, run: Run) -> bool:
    """The run is given as a number on its own: not written with a thousands comma
    ("12,500"), not "the 10452 check", not followed by what it counts ("15000 units",
    "12050 ridge road")."""
    start, end = lead(run, 0), run.groups[-1].end
    if _THOUSANDS.search(text[start:end]):
        return False
    if run.words_before and run.words_before[-1].lower() in ("the", "a", "an", "this"):
        return False
    after = _WORD_AFTER.match(text, end)
    return after is None or after.group(1).lower() in _AFTER_ALONE


def _asked_for(question: str) -> str | None:
    """What a question's last words name as asked for ("phone", "id", ...; None: nothing)."""
    return _named(_said(question)[-12:], asked=True)


def _last_sentence(text: str) -> str:
    """What a turn asked last: "I see you called from your mobile. What's your account?" asks
    for an account (the sentence before it names no number asked for); its last question
    when a remark follows it ("What's your loyalty number? Points go toward your card.")."""
    parts = [p for p in re.split(r"(?<=[.!?])\s+", text.strip()) if p]
    if not parts:
        return text
    if not parts[-1].endswith("?"):
        asked = [p for p in parts[:-1] if p.endswith("?")]
        return asked[-1] if asked else parts[-1]
    return parts[-1]
