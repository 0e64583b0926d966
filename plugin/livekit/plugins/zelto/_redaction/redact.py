"""`zelto.redact_pii(...)`: built-in PII redaction for `Forwarder(redact=...)`.

The returned callable maps a payload to a new payload (the input is not changed) in which card
numbers, phone numbers, email addresses, IBANs and US SSNs are replaced by `[card]`,
`[phone]`, ... in every text the payload carries: each turn's content (tool call arguments and
outputs included), the customer block and any other field an `add_fields` callable added. The
identifiers Zelto keys on are left alone: `agent`, `call` (room name, recording URL, ...) and,
by default, `customer.number` (the caller id).

A turn is redacted with the turn before it (any speaker: "what's your card number?") and the
same speaker's turns before and after it (a number or an email split across turns) as context.
Results are cached per (turn, context): the snapshot path redacts the whole history on every
turn, but pays only for the new one. Live snapshots (`Forwarder.attach`) use `.live`, which
also holds back the digits that end each speaker's latest turn (written as `[number]`) until
that speaker's next turn shows whether they begin a split number; the snapshot writer rewrites
a turn whose redaction changed that way.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .find import Span

__all__ = ["KINDS", "PiiRedactor", "redact_pii"]

KINDS = ("card", "phone", "email", "iban", "ssn")
_KEEP_TOP = ("agent", "call")  # identifiers and call facts: never free text
CACHE_TURNS = 4096  # turns remembered per redactor (one worker process; a few calls' worth)

PayloadFn = Callable[[dict[str, Any]], "dict[str, Any] | None"]


@dataclass(frozen=True, kw_only=True)
class PiiOptions:
    kinds: frozenset[str]
    replacement: str
    keep_customer_number: bool
    regions: tuple[str, ...]
    extra: tuple[tuple[str, re.Pattern[str]], ...] = ()


def redact_pii(
    *,
    kinds: Iterable[str] = KINDS,
    replacement: str = "[{kind}]",
    keep_customer_number: bool = True,
    region: str = "US",
    regions: Iterable[str] | None = None,
    extra_kinds: Mapping[str, str | re.Pattern[str]] | None = None,
    then: PayloadFn | None = None,
) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A `redact` callable for `Forwarder(redact=...)` that removes PII before the spool.

    Args:
        kinds: which kinds to find, any of `"card"`, `"phone"`, `"email"`, `"iban"`,
            `"ssn"` (default: all five).
        replacement: what replaces each finding; `{kind}` is filled in (default
            `"[{kind}]"`, giving `[card]`, `[phone]`, ...). Must not be empty.
        keep_customer_number: keep `customer.number`, the caller id Zelto matches calls on
            (default True). False drops the field.
        region: the ISO country whose national format numbers without `+` are read in
            (phonenumbers' region code, default `"US"`); `regions` replaces it.
        regions: several such countries (e.g. `["US", "GB", "DE"]`). Either way the caller's
            own number (`customer.number`) adds its country for that call.
        extra_kinds: your own kinds, `{name: regular expression}`; each match is replaced
            with `replacement` filled with `name` (e.g. `{"member": r"M-\\d{6}"}`).
        then: your own `payload -> payload | None`, run on the redacted payload (returning
            None keeps it as it is).

    Example:
        fw = zelto.Forwarder(agent_id="support-bot", redact=zelto.redact_pii(then=drop_notes))
    """
    chosen = frozenset(kinds)
    unknown = chosen - set(KINDS)
    if unknown or not chosen:
        raise ValueError(f"kinds must be a non-empty subset of {KINDS}; got {sorted(chosen)}")
    try:
        sample = replacement.format(kind="card")
    except (AttributeError, IndexError, KeyError, ValueError):
        sample = ""
    if not sample.strip():
        raise ValueError("replacement must be a non-empty string; {kind} is the only field")
    import phonenumbers  # with the redactor, not with the plugin: its metadata loads lazily

    chosen_regions = tuple(dict.fromkeys([region] if regions is None else regions))
    for code in chosen_regions or ("",):
        if code not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError(f"region {code!r} is not a region phonenumbers knows")
    options = PiiOptions(
        kinds=chosen,
        replacement=replacement,
        keep_customer_number=keep_customer_number,
        regions=chosen_regions,
        extra=_compiled(extra_kinds or {}),
    )
    return PiiRedactor(options, then=then)


def _compiled(
    extra: Mapping[str, str | re.Pattern[str]],
) -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for name, pattern in extra.items():
        if not isinstance(name, str) or not name.isidentifier() or name in (*KINDS, "number"):
            raise ValueError(f"extra_kinds: {name!r} must be a new name (not one of {KINDS})")
        try:
            out.append((name, re.compile(pattern)))
        except (re.error, TypeError) as exc:
            raise ValueError(f"extra_kinds: {name!r} is not a regular expression: {exc}") from exc
    return tuple(out)


Context = tuple[str, str, "str | None", str]
_TALK_TURNS = 4  # turns before the one just before a turn whose talk of cards or SSNs counts


def contexts(turns: list[Any], *, live: bool = False) -> list[Context | None]:
    """Per turn: (the turn before it, the same role's turn before it (after the other
    speaker's turn it answered, if any), the same role's turn after it: "" for none, None for
    none yet while the call goes on, and the talk of cards or SSNs in the few turns before
    those: "Can I get your social?" ... "One moment." ... "It's 512 44 7781"), or None (no
    text). A short aside without digits ("hold
    on") is passed over as the turn after or before. A number read over several turns ("6011"
    ... "0009 9013" ... "9424") is a chain: the same role's turns before and after are up to
    three of its fragments, one a line; while the call goes on and the chain reaches the
    speaker's latest turn, it ends with `PENDING` (the number may still go on)."""
    from .across import says_back
    from .emails import ASKED, OPEN, across
    from .find import topic
    from .naming import ABOUT_IT
    from .numbers import MAYBE_NUMBER, PENDING, is_aside
    from .unicode import folded

    texts: list[str | None] = []
    for turn in turns:
        mapping = isinstance(turn, dict) or isinstance(turn, Mapping)
        content = turn.get("content") if mapping else None
        texts.append(content if isinstance(content, str) else None)
    after: list[str | None] = [None if live else ""] * len(turns)
    before: list[str] = [""] * len(turns)
    last: dict[str, int] = {}
    back: dict[int, int] = {}  # a turn -> the same role's turn before it
    ahead: dict[int, int] = {}  # and after it
    for i, text in enumerate(texts):
        if text is None:
            continue
        role = str(turns[i].get("role", ""))
        j = last.get(role)
        if j is not None and (
            says_back(
                folded(text),
                folded(texts[i - 1] or "") if i and turns[i - 1].get("role") != role else None,
            )
            or _said_back_whole(texts[j], texts[j + 1 : i])
            or _asks(texts[j], texts[j + 1 : i])
            or _other_domain(texts[j], text, texts[j + 1 : i])
        ):
            j = None  # the number ending its turn was said back whole, or a question asked
            # for something else: a new one follows
        if j is not None:
            k = j  # the chain of fragments this turn continues
            while k in back and _fragment(texts[k]) and _fragment(texts[back[k]], end=True):
                if len(_chain(back, k, j)) >= 3:
                    break
                k = back[k]
            # with the question the chain answered: what it asked for names all of it
            asked = texts[k - 1] if k and turns[k - 1].get("role") != role else None
            lines = [t for m in _chain(back, k, j) if (t := texts[m]) is not None]
            before[i] = "\n".join(([asked] if asked else []) + lines)
            # "4252 7601" "hold on" "8955 5978": the number goes on after it (but "gmail dot
            # com" after "john dot smith at" is the rest of an address)
            plain = folded(text)
            # (not a piece of an address: "it's jessica dot" ... "moreno at outlook dot com")
            opened = OPEN.search(plain)
            # ("hiro" answering "Could you give me your email?" is the address's first piece)
            answer = i and turns[i - 1].get("role") != role and ASKED.search(texts[i - 1] or "")
            if (
                is_aside(plain)
                and not opened
                and not answer
                and not across(folded(texts[j] or ""), plain, asked or "")
            ):
                continue
            after[j] = text
            back[i], ahead[j] = j, i
        last[role] = i
    for j, i in ahead.items():
        chain = [i]
        while _fragment(texts[chain[-1]]) and chain[-1] in ahead and len(chain) < 3:
            chain.append(ahead[chain[-1]])
        pending = live and chain[-1] not in ahead and _fragment(texts[chain[-1]])
        # still reading the number out: what is not complete yet stays held
        lines = [t for m in chain if (t := texts[m]) is not None]
        if lines and i and ABOUT_IT.match(texts[i - 1] or ""):
            # "And is that a mobile?" "yes, it's a cell, 739 2206": the rest after the answer
            digits = MAYBE_NUMBER.search(lines[0])
            lines[0] = lines[0][digits.start() :] if digits else lines[0]
        following = "\n".join(lines)
        after[j] = following + PENDING if pending else following
    out: list[Context | None] = []
    previous = ""
    said: list[str] = []  # the turns with text so far
    previous_role: str | None = None
    held: tuple[str, str] | None = None  # (a speaker, the other's turn their asides followed)
    for i, text in enumerate(texts):
        if text is None:
            out.append(None)
            continue
        role = str(turns[i].get("role", ""))
        talk = " ".join(topic(t) for t in said[-1 - _TALK_TURNS : -1])
        # "Do you have the claim number?" "Yeah, one sec." "Number at the top says ...": the
        # question the speaker's asides stood between is what the number answers
        answered = held[1] if held and held[0] == role else previous
        # who says it, and who was heard last: the agent speaks for the business ("call us
        # back on ..."), and a caller saying back what the agent said says back its line
        if i and previous_role != role and says_back(folded(text), folded(previous)):
            talk += " " + topic(before[i - 1])  # what the number said back was asked as
        talk += " agent" if role == "assistant" else ""
        talk += " heard_agent" if i and previous_role == "assistant" else ""
        out.append((answered, before[i], after[i], " ".join(dict.fromkeys(talk.split()))))
        if not is_aside(folded(text)):
            held = None
        elif not (held and held[0] == role):
            held = (role, previous if i and previous_role != role else text)
        previous, previous_role = text, role
        said.append(text)
    return out


_CONFIRM = re.compile(r"\?|\b(?:right|correct|confirm\w*)\b", re.I)
_MORE = re.compile(r"\b(?:go on|next|rest|continue|and then|keep going)\b", re.I)


def _said_back_whole(said: str | None, between: list[str | None]) -> bool:
    """The other speaker said back the 10 or more digits ending `said`, asking if they are
    right ("Let me read that back: 384 131 3447. Is that right?"): a number taken whole, not
    the first half of one ("yes, 3447 at the end" is no more of it). Not 10-12 digits a card
    can begin with in card talk, nor an echo asking for more ("4111 1111 1111, go on")."""
    from .cards import prefix_ok
    from .numbers import MAYBE_NUMBER, runs
    from .stream import pay_talk
    from .unicode import folded

    if said is None or not MAYBE_NUMBER.search(said):
        return False
    own = runs(folded(said))
    tail = "".join(g.digits for g in own[-1].groups) if own else ""
    if len(tail) < 10:
        return False
    for text in between:
        if text is None or not _CONFIRM.search(text) or _MORE.search(text):
            continue
        back = "".join(g.digits for run in runs(folded(text)) for g in run.groups)
        if tail not in back:
            continue
        card_talk = pay_talk(said) or pay_talk(text)
        return len(tail) >= 13 or not (prefix_ok(tail) and card_talk)
    return False


_PROMPT = re.compile(
    r"\b(?:next|rest|go on|go ahead|carry on|continue|and then|keep going|with you|mhm|"
    r"uh huh|still here|ready|after that|middle|digits|part|piece|bit|group|section|"
    r"repeat|again|(?:last|final|other|remaining) \w+)\b",
    re.I,
)


# the other speaker asks for what follows the "@" of an address begun
_ASKS_DOMAIN = re.compile(
    r"\b(?:after the (?:at|@)|the domain|comes after|which provider|what provider|(?:the )?"
    r"(?:second|other|last) (?:part|half|bit)|the rest)\b|\bat what\b|\bat\s*\?",
    re.I,
)


def _other_domain(said: str | None, text: str, between: list[str | None]) -> bool:
    """`text` is only a domain ("bestbuy dot com") that goes on with no address: the turn
    before did not end with an "@" and nobody asked for what follows one."""
    from .emails import OPEN, domain_only
    from .unicode import folded

    if said is None or OPEN.search(folded(said)) or not domain_only(folded(text)):
        return False
    return not any(t is not None and _ASKS_DOMAIN.search(t) for t in between)


def _asks(said: str | None, between: list[str | None]) -> bool:
    """The other speaker asked a question after the number ending `said` ("And the delivery
    address?", "Is there a number the nurse can reach you on?", or without its question mark
    "I'll just need the member ID to pull that up."): what follows answers it, it
    does not go on with that number. Only a question naming what it asks for (a phone, an
    identifier, a date, an address: `_naming`) is one; a prompt to go on ("what's next?",
    "and the last four?"), one asking to hear it again ("can you repeat the last eight?") or
    any other ("and after 45?") is not: a number left unjoined is a number left in clear."""
    from .find import topic
    from .naming import ABOUT_IT, ID_WORDS, named
    from .naming import said as words_of
    from .numbers import ends_with_number
    from .unicode import folded

    if said is None or not ends_with_number(folded(said)):
        return False
    for text in between:
        if text is None or not ("?" in text or _REQUEST.search(text)):
            continue
        if ABOUT_IT.match(text):
            continue  # "And is that a mobile?": about the number begun, not for another
        if _PROMPT.search(text):
            # "Can you confirm the last four of your Social?" after nine digits or more
            # said whole: no number goes on past them, the answer is another
            if _LAST_FOUR.search(text) and _said_whole(folded(said)):
                return True
            continue
        words = words_of(folded(text))
        if named(words[-12:], asked=True) or ID_WORDS.intersection(words):
            return True
        # "um 733 791 758." ... "To run the credit check, what's your social?": nine
        # digits or more said whole, then a social asked for: the answer is another number
        if "ssn" in topic(text).split() and _said_whole(folded(said)):
            return True
    return False


_LAST_FOUR = re.compile(r"\blast (?:four|4)\b", re.I)
# a request without a question mark: "I'll just need the application number to pull that up."
_REQUEST = re.compile(
    r"\b(?:i(?:'ll| will)? (?:just |also |still )?need|can i (?:get|have)|"
    r"please (?:give|read|tell|confirm)|read me|tell me|give me)\b",
    re.I,
)


def _said_whole(said: str) -> bool:
    """The number ending `said` has nine digits or more (an SSN, a phone said whole)."""
    from .across import tail_run
    from .spans import run_digits

    run = tail_run(said)
    return run is not None and len(run_digits(run, 0, len(run.groups))) >= 9


def _chain(back: dict[int, int], first: int, last: int) -> list[int]:
    out = [last]
    while out[-1] != first:
        out.append(back[out[-1]])
    return out[::-1]


def _fragment(text: str | None, *, end: bool = False) -> bool:
    """A turn that is a piece of a number read out: digits open and end it (`end`: end it)."""
    from .numbers import ends_with_number, opens_with_number
    from .unicode import folded

    if text is None:
        return False
    plain = folded(text)
    return (end or opens_with_number(plain)) and ends_with_number(plain)


class PiiRedactor:
    """The callable `redact_pii` returns (thread-safe; one per Forwarder is enough)."""

    def __init__(self, options: PiiOptions, *, then: PayloadFn | None = None) -> None:
        from . import find  # phonenumbers and stdnum load with the first redactor

        self.options = options
        self._then = then
        self._find = find.find_spans
        # by the turn and its whole context, then by the part of it that can matter: a turn
        # whose next turn of the same speaker arrived is looked up again, not redacted again
        self.turn = functools.lru_cache(maxsize=CACHE_TURNS)(self._turn)
        self.turn_once = functools.lru_cache(maxsize=CACHE_TURNS)(self._redacted_turn)

    def __repr__(self) -> str:
        kinds = ",".join(k for k in KINDS if k in self.options.kinds)
        return f"redact_pii(kinds={kinds}, regions={','.join(self.options.regions)})"

    def __call__(self, payload: dict[str, Any]) -> dict[str, Any]:
        """The payload redacted as a finished call: every turn with all its context."""
        return self._payload(payload, live=False)

    def live(self, payload: dict[str, Any]) -> dict[str, Any]:
        """The payload redacted as a call still going on (`attach`'s snapshots): the digits
        ending each speaker's latest turn are held back as `[number]` until the next one."""
        return self._payload(payload, live=True)

    def _payload(self, payload: dict[str, Any], *, live: bool) -> dict[str, Any]:
        hint = self._hint(payload.get("customer"))
        out: dict[str, Any] = {}
        for key, value in payload.items():
            if key in _KEEP_TOP:
                out[key] = value
            elif key == "transcript" and isinstance(value, Mapping):
                out[key] = {
                    k: self.turns(v, hint=hint, live=live) if k == "turns" else self.text(v)
                    for k, v in value.items()
                }
            elif key == "customer" and isinstance(value, Mapping):
                customer = {k: self._customer_field(k, v) for k, v in value.items()}
                customer = {k: v for k, v in customer.items() if v is not None}
                if customer:
                    out[key] = customer
            else:
                out[key] = self.text(value)
        if self._then is not None:
            result = self._then(out)
            return out if result is None else result
        return out

    def turns(self, turns: Any, *, hint: str = "", live: bool = False) -> Any:
        """Each turn's content redacted with its context; roles and order unchanged."""
        if not isinstance(turns, list):
            return self.text(turns)
        out = []
        for turn, context in zip(turns, contexts(turns, live=live), strict=True):
            if context is None:
                out.append(self.text(turn))
            else:
                out.append({**turn, "content": self.turn(turn["content"], *context, hint=hint)})
        return out

    def find(self, turns: list[dict[str, Any]], *, customer_number: str = "") -> list[list[Span]]:
        """What would be redacted in each turn of a finished call (for measuring; see
        docs/redaction.md)."""
        hint = self._hint({"number": customer_number})
        return [
            [] if context is None else self._spans(turn["content"], *context, hint=hint)
            for turn, context in zip(turns, contexts(turns), strict=True)
        ]

    def text(self, value: Any, name: str = "") -> Any:
        """Every string inside `value` (dicts with their keys, lists, tuples: the JSON
        encoder writes a tuple as a list) redacted; a value is read after the key it is
        under, as an answer after its question (`{"ssn": "512447781"}`, `{"phone": ...}`)."""
        if isinstance(value, str):
            return self.turn(value, name, "")
        if isinstance(value, Mapping):
            out: dict[Any, Any] = {}
            for k, v in value.items():
                key = self.text(k) if isinstance(k, str) else k
                while key in out:  # two keys redacted alike: both kept
                    key = f"{key} "
                out[key] = self.text(v, _key_words(k) if isinstance(k, str) else "")
            return out
        if isinstance(value, (list, tuple)):
            return [self.text(v, name) for v in value]
        return value

    def _customer_field(self, key: str, value: Any) -> Any:
        if key == "number":
            return value if self.options.keep_customer_number else None
        return self.text(value, _key_words(key) if isinstance(key, str) else "")

    def _hint(self, customer: Any) -> str:
        """The region of the caller's own number when it is not one of the options' regions."""
        number = customer.get("number") if isinstance(customer, Mapping) else None
        if not isinstance(number, str) or not number.strip():
            return ""
        region = _region_of(number.strip())
        return "" if region in self.options.regions else region

    def _spans(
        self,
        content: str,
        previous: str,
        previous_same: str,
        next_same: str | None = "",
        talk: str = "",
        hint: str = "",
    ) -> list[Span]:
        opts = self.options
        return self._find(
            content,
            kinds=opts.kinds,
            regions=opts.regions + (hint,) if hint else opts.regions,
            previous=previous,
            previous_same=previous_same,
            next_same=next_same,
            talk=talk,
            extra=opts.extra,
        )

    def _turn(
        self,
        content: str,
        previous: str,
        previous_same: str,
        next_same: str | None = "",
        talk: str = "",
        hint: str = "",
    ) -> str:
        relevant = _relevant(content, previous, previous_same, next_same, talk)
        return self.turn_once(content, *relevant, hint)

    def _redacted_turn(
        self,
        content: str,
        previous: str,
        previous_same: str,
        next_same: str | None,
        talk: str,
        hint: str,
    ) -> str:
        spans = self._spans(content, previous, previous_same, next_same, talk, hint)
        for span in reversed(spans):
            word = self.options.replacement.format(kind=span.kind)
            content = content[: span.start] + word + content[span.end :]
        return content


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _key_words(key: str) -> str:
    """A key read as the words that name its value: "account_id", "accountId", "member-no"."""
    return _CAMEL.sub(" ", key).replace("_", " ").replace("-", " ")


def _relevant(
    content: str, previous: str, previous_same: str, next_same: str | None, talk: str = ""
) -> Context:
    """The context with the same speaker's turns blanked where they cannot matter (no number
    ends this turn, or begins the next one): a turn is redacted again only when its result
    can change."""
    from .emails import ASKED, OPEN, continues, domain_only
    from .numbers import MAYBE_NUMBER, ends_with_number, opens_with_number
    from .spelled import iban_begun
    from .unicode import folded

    content, after = folded(content), next_same and folded(next_same)
    # an address read across two turns ("john dot smith at" ... "gmail dot com"); `read_on`:
    # this turn's end may go on in the next (an address, an IBAN's first piece)
    last = previous_same.rsplit("\n", 1)[-1]
    email_before = bool(OPEN.search(last)) or continues(content) or domain_only(content)
    read_on = bool(OPEN.search(content)) or bool(after and (continues(after) or domain_only(after)))
    # the answer to "What's your email?" while the call goes on: its domain may come next
    read_on = read_on or (next_same is None and bool(ASKED.search(previous)))
    if previous_same and not opens_with_number(content) and not MAYBE_NUMBER.search(content):
        previous_same = previous_same if email_before else ""
    # (while the call goes on, a number anywhere in the speaker's latest turn may be held:
    # `find` says whether)
    going_on = next_same is None and bool(MAYBE_NUMBER.search(content))
    # an IBAN's first piece ending in its bank's letters: "NL91 ABNA" ... "0417 1643 00"
    read_on = read_on or iban_begun(content)
    if not read_on and (
        (next_same != "" and not going_on and not ends_with_number(content))
        or (after and not opens_with_number(after))
    ):
        next_same = ""
    if not MAYBE_NUMBER.search(content):  # what was talked of names numbers only; who
        talk = " ".join(w for w in talk.split() if w == "agent")  # speaks, addresses too
    return previous, previous_same, next_same, talk


@functools.lru_cache(maxsize=256)
def _region_of(number: str) -> str:
    import phonenumbers

    try:
        parsed = phonenumbers.parse(number if number.startswith("+") else "+" + number, None)
    except phonenumbers.NumberParseException:
        return ""
    region = phonenumbers.region_code_for_country_code(parsed.country_code or 0)
    return "" if region == phonenumbers.UNKNOWN_REGION else region
