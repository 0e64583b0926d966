"""Phone numbers and where they are from.

A number is valid by libphonenumber's metadata (`phonenumbers`) after `+` (or the
international prefix `00` / `011`), or said in the groups a country writes its numbers in and
valid there (`grouped_phone`), or in one of the regions a number said without its
country code is read in: `redact_pii(regions=...)`, the caller's own number's region, and the
countries said in the call ("I live in Germany", "my UK mobile", "we moved to Sydney": names,
adjectives and the largest cities of the countries callers most often come from). After talk
of phones, or for a number dictated across two turns, a few common regions are tried too.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import phonenumbers

__all__ = [
    "FALLBACK_REGIONS",
    "PLACE_WORDS",
    "country_words",
    "Regions",
    "business_line",
    "grouped_phone",
    "is_phone",
    "regions_named",
    "trunk_phone",
]

# tried for a number said without a country code, when the talk is of phones
FALLBACK_REGIONS = ("GB", "CA", "AU", "IN", "DE", "FR", "ES", "IT", "MX", "IE", "NL", "BR")


@dataclass(frozen=True)
class Regions:
    """Where a number said without a country code may be from: `named` (the options, the
    caller's number, places said), then `fallback` (only after talk of phones, and only for
    numbers of 9 digits or more)."""

    named: tuple[str, ...]
    fallback: tuple[str, ...] = ()
    anywhere: bool = False  # said after talk of phones: 8-15 digits of any country
    short: bool = False  # answering a question for a phone: 5-7 digits too (small countries)


_PLACES = {
    "GB": "uk britain british england english scotland scottish wales welsh london manchester "
    "birmingham glasgow edinburgh liverpool leeds bristol",
    "IE": "ireland irish dublin cork",
    "US": "usa america american states",
    "CA": "canada canadian toronto montreal vancouver ottawa calgary",
    "MX": "mexico mexican guadalajara monterrey",
    "BR": "brazil brazilian paulo rio",
    "AR": "argentina argentinian argentine buenos",
    "CO": "colombia colombian bogota medellin",
    "CL": "chile chilean santiago",
    "DE": "germany german deutschland berlin munich hamburg frankfurt cologne stuttgart",
    "AT": "austria austrian vienna",
    "CH": "switzerland swiss zurich geneva",
    "FR": "france french paris lyon marseille toulouse",
    "BE": "belgium belgian brussels antwerp",
    "NL": "netherlands dutch holland amsterdam rotterdam",
    "ES": "spain spanish madrid barcelona valencia seville",
    "PT": "portugal portuguese lisbon porto",
    "IT": "italy italian rome milan naples turin",
    "SE": "sweden swedish stockholm gothenburg",
    "NO": "norway norwegian oslo",
    "DK": "denmark danish copenhagen",
    "FI": "finland finnish helsinki",
    "PL": "poland polish warsaw krakow",
    "CZ": "czech prague",
    "GR": "greece greek athens",
    "TR": "turkey turkish istanbul ankara",
    "RU": "russia russian moscow",
    "UA": "ukraine ukrainian kyiv kiev",
    "IN": "india indian delhi mumbai bangalore bengaluru chennai hyderabad kolkata",
    "PK": "pakistan pakistani karachi lahore",
    "PH": "philippines filipino manila",
    "SG": "singapore",
    "JP": "japan japanese tokyo osaka",
    "CN": "china chinese beijing shanghai",
    "KR": "korea korean seoul",
    "AU": "australia australian sydney melbourne brisbane perth adelaide",
    "NZ": "zealand auckland wellington",
    "ZA": "africa johannesburg cape durban",
    "NG": "nigeria nigerian lagos abuja",
    "KE": "kenya kenyan nairobi",
    "EG": "egypt egyptian cairo",
    "AE": "uae emirates dubai",
    "IL": "israel israeli",
}
_BY_WORD = {word: region for region, words in _PLACES.items() for word in words.split()}
PLACE_WORDS = frozenset(_BY_WORD) | {"us", "local", "foreign", "international", "overseas"}


@functools.lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """Every country's English name (libphonenumber's, 245 of them, kept in `countries.py`)
    and the words its people are called by, made the usual ways ("Vietnam": vietnamese,
    "Kenya": kenyan, "Iraq": iraqi, "Philippines": philippine): what a number is named by
    ("my Vietnamese number")."""
    from .countries import NAMES

    out = set(PLACE_WORDS)
    for country in NAMES.values():
        for name in _WORD.findall(country.lower()):
            if len(name) < 4 or name in _NOT_COUNTRY:
                continue
            stem = name[:-1] if name[-1] in "aeiouy" else name
            out |= {name, name + "n", name + "ese", name + "i", name + "ian", name + "an"}
            out |= {stem + "ese", stem + "ian", stem + "an", stem + "ish", name.removesuffix("s")}
    return frozenset(out) - {"part", "man", "ian", "ish"}


# words of countries' names that name no country on their own
_NOT_COUNTRY = frozenset(
    "and the islands island saint republic kingdom united states territory territories "
    "democratic people peoples north south east west central new great british "
    # nor what a number is named by elsewhere: "jersey number", "part number"
    "jersey cook".split()
)
_WORD = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=4096)
def regions_named(text: str) -> tuple[str, ...]:
    """The regions of the places named in `text`, in the order they are named."""
    low = text.lower()
    if not any(ch.isalpha() for ch in low):
        return ()
    found = [_BY_WORD[w] for w in _WORD.findall(low) if w in _BY_WORD]
    return tuple(dict.fromkeys(found))


@functools.lru_cache(maxsize=64)
def _national_lengths(region: str) -> frozenset[int]:
    """How many digits a number of `region` can have, written without "+" (with the country
    code or the national prefix too): windows of other lengths are not parsed."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta is None or meta.general_desc is None:
        return frozenset(range(7, 16))
    national = set(meta.general_desc.possible_length or ()) or set(range(7, 16))
    code = len(str(meta.country_code or ""))
    prefix = len(meta.national_prefix or "")
    return frozenset(national | {n + code for n in national} | {n + prefix for n in national})


# numbers that reach a business, never a person: toll-free, premium-rate, shared-cost and
# "universal access" lines (1-800, 0800, 0345, 1300, ...), by libphonenumber's metadata
_BUSINESS = frozenset(
    {
        phonenumbers.PhoneNumberType.TOLL_FREE,
        phonenumbers.PhoneNumberType.PREMIUM_RATE,
        phonenumbers.PhoneNumberType.SHARED_COST,
        phonenumbers.PhoneNumberType.UAN,
    }
)


_INVALID, _PERSONAL, _BUSINESS_LINE = 0, 1, 2


@functools.lru_cache(maxsize=4096)  # a number is often said again (read back, tool calls)
def _kind(number: str, region: str | None) -> int:
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return _INVALID
    if not phonenumbers.is_valid_number(parsed):
        return _INVALID
    return _BUSINESS_LINE if phonenumbers.number_type(parsed) in _BUSINESS else _PERSONAL


def _valid(number: str, region: str | None) -> bool:
    """A valid number of `region` (or after "+") that may be a person's: a business's line
    ("Our claims line is 1-800-...") is no personal data and stays."""
    return _kind(number, region) == _PERSONAL


def business_line(digits: str, plus: bool, regions: tuple[str, ...], *, ours: bool = False) -> bool:
    """The whole number is a business's line (toll-free, premium, shared-cost) after "+" or
    in one of `regions` (the caller's own: the options, the caller's number, places said),
    and a person's in none of them: none of its digits is a phone. Not decided on the
    fallback countries: "0901 ..." is a British premium line and a Japanese mobile. With
    `ours` (the words before it say it is the speaker's organisation's: "call us back on
    1800 200 300"), a business's line in any of `regions`, whatever it is elsewhere."""
    if plus:
        return _kind("+" + digits, None) == _BUSINESS_LINE
    kinds = {_kind(digits, region) for region in regions}
    return _BUSINESS_LINE in kinds and (ours or _PERSONAL not in kinds)


def is_phone(digits: str, plus: bool, regions: Regions) -> bool:
    """Valid after "+" (or the international prefix "00" / "011"), or in one of `regions`."""
    if plus:
        return 7 <= len(digits) <= 15 and _valid("+" + digits, None)
    for prefix in ("00", "011"):
        if digits.startswith(prefix) and 9 <= len(digits) - len(prefix) <= 15:
            if _valid("+" + digits[len(prefix) :], None):
                return True
            break  # "011" is also a trunk prefix and an area code: Buenos Aires' "011 15 ..."
    if regions.anywhere and 8 <= len(digits) <= 15:
        # libphonenumber holds nearly every 8-15 digits valid in some of its 240 regions
        # (measured: 30-40 of them for a random 9-10 digits), so checking them all adds
        # cost, not evidence: after talk of phones, the talk is the evidence
        return True
    if regions.short and 5 <= len(digits) <= 7:
        # the same for the 110 regions whose numbers are this short (the Faroes' 6 digits,
        # Micronesia's 7, the Falklands' 5): every random 7 digits is valid in one of them
        return True
    tried = regions.named + (regions.fallback if len(digits) >= 9 else ())
    return any(
        len(digits) in _national_lengths(region) and _valid(digits, region) for region in tried
    )


_GROUPS = re.compile(r"\d+")
_MOST_TRIED = 8  # countries whose formats fit a grouping, validated at most


@functools.lru_cache(maxsize=4096)
def grouped_phone(digits: str, sizes: tuple[int, ...]) -> bool:
    """Valid in one of the countries callers most often come from (those `regions_named`
    knows) and said in the groups that country writes its numbers in: "21 236 7502" is
    Portugal's grouping of a valid Portuguese number. A number read that way is a phone
    number even when no country and no phone was mentioned."""
    if sizes == (3, 3, 4) and digits[0] not in "01":
        return False  # North America's grouping (its regions are options), and ids' too;
        # no North American number starts with 0 or 1, many others' trunk prefix is 0
    tried = 0
    for region in _PLACES:
        if len(digits) not in _national_lengths(region):
            continue
        if not any(_fits(sizes, chunks) for chunks in _groupings(region)):
            continue  # cheap: no national format of the region has these groups
        tried += 1
        if tried > _MOST_TRIED:
            return False  # a grouping many countries use says little, and costs much
        if not _valid(digits, region):
            continue
        number = phonenumbers.parse(digits, region)
        written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        if tuple(len(g) for g in _GROUPS.findall(written)) == sizes:
            return True
    return False


_PIECE = re.compile(r"(?:\\d|\[[^\]]*\])(?:\{(\d+)(?:,(\d+))?\})?")


def _fits(sizes: tuple[int, ...], chunks: tuple[tuple[int, int], ...]) -> bool:
    if len(sizes) != len(chunks):
        return False
    return all(lo <= n <= hi for n, (lo, hi) in zip(sizes, chunks, strict=True))


@functools.lru_cache(maxsize=64)
def _groupings(region: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """The digit groups of each national format of `region` (from libphonenumber's
    metadata: its patterns, formats and national prefix), as (fewest, most) digits each."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta is None:
        return ()
    out = []
    for fmt in meta.number_format:
        groups = []
        for content in re.findall(r"\(([^()]*)\)", fmt.pattern or ""):
            lo = hi = 0
            for low, high in _PIECE.findall(content):
                lo += int(low or 1)
                hi += int(high or low or 1)
            groups.append((lo, hi))
        chunks = []
        for chunk in re.findall(r"(?:\\\d)+|\d+", fmt.format or ""):
            if chunk[0] != "\\":  # digits the format writes itself: Argentina's mobile "15"
                chunks.append((len(chunk), len(chunk)))
                continue
            members = [
                groups[int(n) - 1] for n in re.findall(r"\d", chunk) if int(n) <= len(groups)
            ]
            chunks.append((sum(m[0] for m in members), sum(m[1] for m in members)))
        rule = fmt.national_prefix_formatting_rule or ""
        prefix = sum(c.isdigit() for c in rule.split("\\")[0])  # "0\\1", "(0\\1)"
        if chunks and prefix:
            chunks[0] = (chunks[0][0] + prefix, chunks[0][1] + prefix)
        out.append(tuple(chunks))
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def trunk_phone(digits: str) -> bool:
    """10-13 digits that begin with a trunk prefix ("0", not "00") and are a valid national
    number of one of the countries callers most often come from (those `regions_named`
    knows): "zero seven one one two six four one double six" (South Africa), "oh one one one
    five ..." (Buenos Aires). No North American number starts with 0; an identifier that does
    is named as one ("the parcel number is 0212345678") and never reaches here."""
    if not 10 <= len(digits) <= 13 or digits[0] != "0" or digits[1] == "0":
        return False
    for region in _PLACES:
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
        if meta is None or meta.national_prefix != "0":
            continue
        if len(digits) in _national_lengths(region) and _valid(digits, region):
            return True
    return False
