"""The country names redaction reads numbers by ("my Vietnamese number") are libphonenumber's,
kept in `_redaction/countries.py` so that no job process imports the geocoder's data. An
adopter saw LiveKit log the job's event loop blocked 0.6-1.9 s at each call's end, in the first
redaction (that import, on the loop by design at `attach`'s close capture); without compiled
bytecode it takes 8 s (the lowest-floor CI venv), a call's whole delivery budget."""

from __future__ import annotations

import subprocess
import sys

import phonenumbers

from livekit.plugins.zelto._redaction.countries import NAMES


def test_the_kept_names_are_the_installed_librarys() -> None:
    from phonenumbers.geocoder import _region_display_name

    assert set(NAMES) == set(phonenumbers.SUPPORTED_REGIONS)
    assert {r: _region_display_name(r, "en") for r in NAMES} == NAMES


def test_redacting_a_call_never_imports_the_geocoders_data() -> None:
    code = (
        "import sys\n"
        "from livekit.plugins import zelto\n"
        "r = zelto.redact_pii()\n"
        "r({'transcript': {'turns': [{'role': 'user', 'content': 'my Polish number is "
        "512 345 678, card 4111 1111 1111 1111'}]}})\n"
        "print(sorted(m for m in sys.modules if m.startswith('phonenumbers.geo')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
