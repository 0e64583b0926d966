"""`zelto.redact_pii()`: the PII rules, by layer (nothing here is public but `redact.py`'s).

    redact.py    the redactor: payloads, the live snapshot's held halves, caching
    find.py      one turn in its context: every kind's spans, and which one wins
    over turns and readings
      across.py  a number said in pieces over a speaker's turns (and the other's echo of
                 each piece), or its area code apart
      again.py   read back, repeated, said wrong and said once more
      stream.py  cards and SSNs read with words between their groups
    kinds
      cards.py   network prefixes, lengths, the Luhn check
      regions.py phone numbers' countries (libphonenumber)
      countries.py  their English names, kept (libphonenumber's geocoder data is slow to load)
      spelled.py IBANs, written or spelled
      emails.py  written and spoken addresses
    reading speech-to-text
      naming.py  what the words before a number call it
      numbers.py runs of digit groups, written or spoken; asides and pauses
      letters.py letters as callers spell them
      spans.py   what is found, and the windows of a run
      unicode.py typed Unicode folded to what speech-to-text writes

Imported on first use of `zelto.redact_pii(...)` (phonenumbers and python-stdnum load then),
never with the plugin alone.
"""
