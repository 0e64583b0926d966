"""Card numbers: a network's prefix and length, and a valid Luhn check digit
(python-stdnum)."""

from __future__ import annotations

from stdnum import luhn

__all__ = ["is_card", "prefix_ok"]


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
    )  # fmt: skip


def prefix_ok(digits: str) -> bool:
    """Some card begins with these digits (a card read in two turns: its first half), at any
    length a network issues (a 15-digit Amex or a 14-digit Diners as well as 16 digits)."""
    for n in range(max(13, len(digits) + 1), 20):
        padded = (digits + "0" * n)[: n - 1]
        if any(is_card(padded + str(d)) for d in range(10)):
            return True
    return False
