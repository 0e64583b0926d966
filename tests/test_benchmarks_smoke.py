"""The benchmark harness runs end to end (`benchmarks/run.py --smoke`) and prints every section.

No timing assertions: machines are noisy, and the numbers are read by people, not tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
SECTIONS = [
    "1. Enqueue",
    "2. End of call",
    "3. Drain",
    "4. Contention",
    "5. Import cost",
    "6. Live snapshots",
    "7. Redaction",
    "Goals",
]


def test_smoke_mode_prints_every_section(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZELTO_")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke", "--dir", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for title in SECTIONS:
        assert title in result.stdout, f"{title!r} missing from:\n{result.stdout}"
    assert "| goal | measured | verdict |" in result.stdout
    assert list(tmp_path.iterdir()) == []  # the harness removed its spool files
