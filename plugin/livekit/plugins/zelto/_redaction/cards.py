"""Card numbers: a network's prefix and length, and a valid Luhn check digit
(python-stdnum)."""

from __future__ import annotations

from stdnum import luhn

__all__ = ["is_card", "near", "prefix_ok"]


def is_card(digits: str) -> bool:
    """12-19 digits, a card network's prefix and one of its lengths (a 15-digit "4..." is an
    IMEI or a serial, not a Visa), a valid Luhn check digit."""
    n = len(digits)
    if not 12 <= n <= 19 or not luhn.is_valid(digits):
        return False
    two, three, four = int(digits[:2]), int(digits[:3]), int(digits[:4])
    if two in {50, 56, 57, 58, 63, 67}:  # Maestro
        return True
    if n == 12:
        return False
    long = 16 <= n <= 19
    return (
        (digits[0] == "4" and n in (13, 16, 19))  # Visa
        or ((51 <= two <= 55 or 2221 <= four <= 2720) and n == 16)  # Mastercard
        or (two in {34, 37} and n == 15)  # American Express
        or ((two in {36, 38, 39} or 300 <= three <= 305) and n >= 14)  # Diners
        or ((four == 6011 or two == 65 or 644 <= three <= 649) and long)  # Discover
        or (two in {35, 62} and long)  # JCB, UnionPay
        or (2200 <= four <= 2204 and long)  # Mir
    )  # fmt: skip


def prefix_ok(digits: str) -> bool:
    """Some card begins with these digits (a card read in two turns: its first half), at any
    length a network issues (a 15-digit Amex or a 14-digit Diners as well as 16 digits)."""
    for n in range(max(13, len(digits) + 1), 20):
        padded = (digits + "0" * n)[: n - 1]
        if any(is_card(padded + str(d)) for d in range(10)):
            return True
    return False


def near(said: str, card: str, least: int = 12) -> bool:
    """`said` is `card` (or another number of `least` digits or more) said wrong: at most two
    slips from it (a digit changed, left out, added, or two swapped; optimal string alignment
    distance). A caller who reads a number again reads it nearly the same; two other cards
    or phone numbers differ in 80-90 % of their digits."""
    if not least <= len(said) <= 19 or said == card or abs(len(said) - len(card)) > 2:
        return False
    row2: list[int] = []
    row1 = list(range(len(card) + 1))
    for i in range(1, len(said) + 1):
        row = [i] + [0] * len(card)
        for j in range(1, len(card) + 1):
            cost = said[i - 1] != card[j - 1]
            row[j] = min(row1[j] + 1, row[j - 1] + 1, row1[j - 1] + cost)
            swapped = i > 1 and j > 1 and said[i - 1] == card[j - 2] and said[i - 2] == card[j - 1]
            if swapped:
                row[j] = min(row[j], row2[j - 2] + 1)
        if min(row) > 2:
            return False
        row2, row1 = row1, row
    return row1[-1] <= 2
