"""Peak memory of one recording upload: a 40 MiB file (about an hour of a loud call) handed to
a spool and uploaded to moto's S3 server by `Uploader.upload_due`, in a child process that
reports its resident memory once the spool is open and everything is imported, and its peak
(`VmHWM`, reset just before) over the upload. Linux only (`/proc/self/clear_refs`).

    python benchmarks/bench_upload_memory.py [MiB]

Run it against another checkout of `zelto_spool` with `PYTHONPATH=that/spool`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD = """
import json, sys
from zelto_spool import Spool
from zelto_spool.config import RecordingSettings
from zelto_spool.delivery.upload import Uploader
spool = Spool(sys.argv[1])
settings = RecordingSettings.from_env()
up = Uploader(spool, settings)
spool.recordings.due()

def kib(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1])

with open("/proc/self/clear_refs", "w") as f:
    f.write("5")  # the peak (VmHWM) starts again from what is resident now
before = kib("VmRSS")
report = up.upload_due()
after = kib("VmHWM")
print(json.dumps({"uploaded": report.uploaded, "errors": report.errors,
                  "baseline_kib": before, "peak_kib": after}))
"""


def main() -> None:
    from tests.conftest import payload
    from tests.s3server import S3Server  # moto's server, as the tests start it

    from zelto_spool import Spool

    mib = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    with tempfile.TemporaryDirectory() as tmp:
        spool_path = Path(tmp) / "state" / "spool.db"
        source = Path(tmp) / "audio.ogg"
        source.write_bytes(b"OggS" + os.urandom(mib * 1024 * 1024))
        with Spool(spool_path) as spool:
            spool.enqueue(payload("bench-1"))
            spool.hand_off_recording("bench-1", source)
        s3 = S3Server(Path(tmp) / "moto.log").start()
        try:
            env = {**os.environ, **s3.env()}
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(spool_path)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
        finally:
            s3.stop()
    result = json.loads(out.stdout.strip().splitlines()[-1])
    grew = (result["peak_kib"] - result["baseline_kib"]) / 1024
    print(
        f"{mib} MiB file: uploaded {result['uploaded']} {result['errors'] or ''}; peak RSS "
        f"{result['peak_kib'] / 1024:.1f} MiB, {grew:+.1f} MiB over the "
        f"{result['baseline_kib'] / 1024:.1f} MiB before the upload"
    )


if __name__ == "__main__":
    main()
