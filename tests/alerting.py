"""Helpers for the alert tests: the shipped rules, and real `zelto-spool run --listen` processes."""

from __future__ import annotations

import json
import random
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx
import yaml
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import cli_env

DEPLOY = Path(__file__).parent.parent / "examples" / "deploy"
DASHBOARD = DEPLOY / "grafana-dashboard.json"


def alert_rules() -> list[dict[str, Any]]:
    groups = yaml.safe_load((DEPLOY / "alerts.rules.yaml").read_text())["groups"]
    return [rule for group in groups for rule in group["rules"]]


def dashboard_exprs() -> list[str]:
    """The PromQL of every dashboard panel (with Grafana's `$instance`, `$__rate_interval`)."""
    board = json.loads(DASHBOARD.read_text())
    return [t["expr"] for p in board["panels"] for t in p.get("targets", [])]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stable_port() -> int:
    """A free port below Linux's ephemeral range (32768-60999), for a server that stops and
    listens again on the same port: a port of that range, once released, can be taken meanwhile
    by any process's outgoing connection or `bind(0)` (seen on a busy CI machine)."""
    rng = random.Random()
    for _ in range(100):
        port = rng.randrange(20000, 32000)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise AssertionError("no free port in 20000-32000")


class SidecarProcess:
    """`zelto-spool run --listen 127.0.0.1:PORT` in its own process, logging to a file.

    Probes every second while paused, so a fixed key shows within a test's patience.
    """

    def __init__(self, spool_path: Path, base_url: str, key: str, port: int) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log = spool_path.with_suffix(f".{port}.log")
        command = [sys.executable, "-m", "zelto_spool", "run", "--listen", f"127.0.0.1:{port}"]
        command += ["--probe-interval", "1s", "--poll-interval", "1s"]
        with self.log.open("a") as log:
            self.proc = subprocess.Popen(
                command, env=cli_env(spool_path, base_url, key), stdout=log, stderr=log
            )
        deadline = time.monotonic() + 30
        while not self._live():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise AssertionError(f"sidecar did not start: {self.log.read_text()}")
            time.sleep(0.05)

    def _live(self) -> bool:
        try:
            return httpx.get(self.url + "/livez", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def scrape(self) -> dict[str, float]:
        """Sample name -> value (labels dropped: the last sample of a name wins)."""
        text = httpx.get(self.url + "/metrics", timeout=10).text
        return {
            s.name: s.value
            for family in text_string_to_metric_families(text)
            for s in family.samples
        }

    def sample(self, name: str) -> float | None:
        return self.scrape().get(name)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self) -> SidecarProcess:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
