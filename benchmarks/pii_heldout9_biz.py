"""heldout9's businesses: what each one is called, its own lines, mailboxes and website, the
ids it keeps, and the lines its agents and callers say. The businesses themselves are in
pii_heldout9_biz_a.py, _biz_b.py and _biz_c.py.

In a line, `{slot}` is a look-alike drawn by pii_heldout9_look.py (`{id:<class>}` one of the
business's own ids), `{key}` the id the agent looks the caller up by. "A:" and "C:" say who
speaks a `talk` line: the agent or the caller.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Ident:
    cls: str  # its look-alike class
    noun: str  # what callers call it
    shape: str  # '#' a digit, '9' a digit 1-9, '@' a letter, anything else as it is
    key: str  # its key in the business's tool JSON


@dataclass(frozen=True)
class Biz:
    key: str
    name: str
    line: str  # the business's own number, as written
    fax: str
    site: str
    mailboxes: tuple[str, ...]  # role mailboxes (bookings@, accounts@)
    other: str  # a third party the calls name (a vet, a mover, a lender)
    other_line: str
    price: tuple[int, int]  # what its amounts run between
    ids: tuple[Ident, ...]  # the first is what a caller is looked up by
    greets: tuple[str, ...]
    asks: tuple[str, ...]  # the caller's reason, with {key}
    tool: str  # the lookup tool's name
    talk: tuple[str, ...]  # "A:" or "C:" lines with slots
    pay: tuple[str, ...]  # the agent, before the card
    refund: tuple[str, ...]  # the agent asking for an IBAN ("" none)
    ssn: tuple[str, ...]  # the agent asking for an SSN (none: never)
    bye: tuple[str, ...]
    cur: str = "$"
    cur_word: str = "dollars"

    def ident(self, cls: str) -> Ident:
        for spec in self.ids:
            if spec.cls == cls:
                return spec
        raise KeyError(cls)


def all_businesses() -> list[Biz]:
    from pii_heldout9_biz_a import BUSINESSES as A
    from pii_heldout9_biz_b import BUSINESSES as B
    from pii_heldout9_biz_c import BUSINESSES as C

    return [*A, *B, *C]
