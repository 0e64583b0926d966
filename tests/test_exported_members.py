"""The public surface of `zelto_spool`, and the plugin's use of it through public names only."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = ROOT / "plugin" / "livekit" / "plugins" / "zelto"


def test_plugin_uses_zelto_spool_through_public_names_only() -> None:
    # a package that imports another's `_private` modules has found a missing public name;
    # reading `spool._x` is the same thing through an object
    private_module = re.compile(r"zelto_spool\._\w+")
    private_attribute = re.compile(r"(?:\b|_)(?:spool|flusher|sender)\._[a-z]\w*")
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(PLUGIN.rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if private_module.search(line) or private_attribute.search(line)
    ]
    assert found == []
