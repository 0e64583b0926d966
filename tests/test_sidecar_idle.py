"""What an idle sidecar holds: heavy modules load only when something needs them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# runs `run_sidecar` with `--listen` and LiveKit credentials, prints what is imported once it
# has started, then stops
IDLE = """
import asyncio, json, sys
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.sidecar.run import Listen, run_sidecar

async def main() -> None:
    stop = asyncio.Event()

    def started(_flusher: object) -> None:
        print(json.dumps(sorted(sys.modules)))
        stop.set()

    listen = Listen(host="127.0.0.1", port=0, livekit_api_key="devkey",
                    livekit_api_secret="s" * 32)
    config = DeliveryConfig(base_url="http://127.0.0.1:9", api_key="k" * 20)
    await run_sidecar(Spool(sys.argv[1]), config, listen=listen, stop=stop, on_started=started)

asyncio.run(main())
"""


@pytest.fixture(scope="module")
def idle_modules(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    spool = tmp_path_factory.mktemp("idle") / "spool.db"
    done = subprocess.run(
        [sys.executable, "-c", IDLE, str(spool)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


@pytest.mark.parametrize(
    "module",
    [
        "livekit.api",  # ~5 MB with protobuf: loaded by the first webhook
        "prometheus_client",  # ~1 MB for three counters and a histogram
        "aiohttp",  # ~11 MB for four routes: h11 (loaded for httpx) serves them
    ],
)
def test_an_idle_sidecar_with_listen_and_webhooks_has_not_imported(
    idle_modules: set[str], module: str
) -> None:
    assert "zelto_spool.sidecar.webhooks" in idle_modules  # webhooks are on
    assert module not in idle_modules
