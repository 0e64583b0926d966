"""The shipped alerts against a real Prometheus (Debian's package) scraping 4 real sidecars.

Everything listens on 127.0.0.1. Prometheus scrapes and evaluates every second, with the rules
of examples/deploy/alerts.rules.yaml rendered with a 5 s backlog threshold and a 2 s `for` on
the pause (the shipped file keeps 15 minutes and 5 minutes). The local receiver goes down: the
backlog alert fires on every sidecar; it comes back: the backlog drains and the alert resolves.
Then a wrong key (401): the paused alert fires, naming the status; the right key: it resolves.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.alerting import DEPLOY, SidecarProcess, dashboard_exprs, free_port, stable_port
from tests.conftest import API_KEY, payload, wait_until
from zelto_spool import Spool
from zelto_spool.testing.receiver import Receiver

pytestmark = pytest.mark.slow

PODS = 4
BACKLOG_AGE = 5  # seconds, instead of the shipped 900
PAUSE_FOR = "2s"  # instead of the shipped 5m


def render_rules(path: Path) -> Path:
    """The shipped rules with test-sized thresholds; every other rule is left as shipped."""
    doc = yaml.safe_load((DEPLOY / "alerts.rules.yaml").read_text())
    rules = {r["alert"]: r for g in doc["groups"] for r in g["rules"]}
    backlog = rules["ZeltoSpoolBacklogOld"]
    assert backlog["expr"].endswith("> 900")  # the shipped default: 15 minutes
    backlog["expr"] = backlog["expr"].replace("> 900", f"> {BACKLOG_AGE}")
    assert rules["ZeltoSpoolPaused"]["for"] == "5m"
    rules["ZeltoSpoolPaused"]["for"] = PAUSE_FOR
    path.write_text(yaml.safe_dump(doc))
    return path


class Prometheus:
    def __init__(self, workdir: Path, targets: list[str]) -> None:
        binary = shutil.which("prometheus")
        if binary is None:
            pytest.skip(
                "prometheus not found: install Debian's prometheus (.ci/install-prometheus)"
            )
        workdir.mkdir()
        config = {
            "global": {
                "scrape_interval": "1s",
                "scrape_timeout": "1s",
                "evaluation_interval": "1s",
            },
            "rule_files": [str(render_rules(workdir / "rules.yaml"))],
            "scrape_configs": [
                {"job_name": "zelto-spool", "static_configs": [{"targets": targets}]}
            ],
        }
        (workdir / "prometheus.yml").write_text(yaml.safe_dump(config))
        self.url = f"http://127.0.0.1:{free_port()}"
        self.log = workdir / "prometheus.log"
        with self.log.open("w") as log:
            self.proc = subprocess.Popen(
                [
                    binary,
                    f"--config.file={workdir / 'prometheus.yml'}",
                    f"--storage.tsdb.path={workdir / 'data'}",
                    f"--web.listen-address={self.url.removeprefix('http://')}",
                    "--log.level=warn",
                ],
                stdout=log,
                stderr=log,
            )
        try:
            wait_until(self._ready, timeout=60, interval=0.1)
        except AssertionError:
            self.stop()
            raise AssertionError(f"prometheus did not start: {self.log.read_text()}") from None

    def _ready(self) -> bool:
        if self.proc.poll() is not None:
            raise AssertionError(f"prometheus exited: {self.log.read_text()}")
        try:
            return httpx.get(f"{self.url}/-/ready", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def alerts(self, name: str, state: str = "firing") -> dict[str, dict[str, Any]]:
        """Active alerts named `name` in `state`, by instance."""
        body = httpx.get(f"{self.url}/api/v1/alerts", timeout=5).json()
        return {
            a["labels"]["instance"]: a
            for a in body["data"]["alerts"]
            if a["labels"]["alertname"] == name and a["state"] == state
        }

    def query(self, expr: str) -> dict[str, float]:
        """An instant query's value by instance."""
        params = {"query": expr}
        body = httpx.get(f"{self.url}/api/v1/query", params=params, timeout=5).json()
        return {r["metric"]["instance"]: float(r["value"][1]) for r in body["data"]["result"]}

    def query_all(self, expr: str) -> list[dict[str, Any]]:
        """An instant query's result (failing on a query Prometheus refuses)."""
        answer = httpx.get(f"{self.url}/api/v1/query", params={"query": expr}, timeout=5)
        assert answer.status_code == 200, answer.text
        return list(answer.json()["data"]["result"])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Fleet:
    def __init__(self, tmp_path: Path, base_url: str) -> None:
        self.base_url = base_url
        self.spools = [tmp_path / f"pod-{i}" / "spool.db" for i in range(PODS)]
        self.ports = [stable_port() for _ in range(PODS)]  # restarted on the same ports
        self.sidecars: list[SidecarProcess] = []

    @property
    def targets(self) -> list[str]:
        return [f"127.0.0.1:{port}" for port in self.ports]

    def start(self, key: str) -> None:
        for path, port in zip(self.spools, self.ports, strict=True):
            self.sidecars.append(SidecarProcess(path, self.base_url, key, port))

    def stop(self) -> None:
        while self.sidecars:
            self.sidecars.pop().stop()

    def enqueue(self, prefix: str, per_pod: int) -> list[str]:
        ids = []
        for i, path in enumerate(self.spools):
            with Spool(path) as spool:
                for j in range(per_pod):
                    ids.append(f"{prefix}-{i}-{j}")
                    spool.enqueue(payload(ids[-1]))
        return ids


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """The local Zelto receiver on a port it can listen on again after going down."""
    with Receiver(api_key=API_KEY, port=stable_port()) as receiver:
        yield receiver


@pytest.fixture
def fleet(tmp_path: Path, receiver: Receiver) -> Iterator[Fleet]:
    fleet = Fleet(tmp_path, receiver.base_url)
    for path in fleet.spools:
        path.parent.mkdir()
    yield fleet
    fleet.stop()


@pytest.fixture
def prometheus(tmp_path: Path, fleet: Fleet) -> Iterator[Prometheus]:
    server = Prometheus(tmp_path / "prometheus", fleet.targets)
    yield server
    server.stop()


def timed(
    started: float, what: str, check: Callable[[], Any], timings: dict[str, float], timeout: float
) -> Any:
    value = wait_until(check, timeout=timeout, interval=0.2)
    timings[what] = round(time.monotonic() - started, 1)
    return value


def test_backlog_and_pause_alerts_fire_and_resolve_on_a_fleet(
    fleet: Fleet, prometheus: Prometheus, receiver: Receiver
) -> None:
    timings: dict[str, float] = {}
    fleet.start(API_KEY)
    everywhere = lambda value: dict.fromkeys(fleet.targets, value)  # noqa: E731
    wait_until(lambda: prometheus.query("up") == everywhere(1.0), timeout=30, interval=0.2)

    # Zelto goes down while calls are spooled: the backlog alert fires on every sidecar
    receiver.set_fault("down")
    started = time.monotonic()
    ids = fleet.enqueue("outage", per_pod=2)
    backlog = "ZeltoSpoolBacklogOld"
    firing = timed(
        started,
        "backlog alert firing on all 4",
        lambda: len(a := prometheus.alerts(backlog)) == PODS and a,
        timings,
        timeout=45,
    )
    assert set(firing) == set(fleet.targets)
    assert all(float(a["value"]) > BACKLOG_AGE for a in firing.values())
    assert all("old" in a["annotations"]["description"] for a in firing.values())

    # Zelto comes back: the backlog drains and the alert resolves, the sidecars staying up
    receiver.set_fault(None)
    back = time.monotonic()
    delivered = lambda: set(ids) <= set(receiver.calls)  # noqa: E731
    timed(back, "drained after recovery", delivered, timings, 60)
    drained = lambda: prometheus.query("zelto_spool_oldest_pending_age_seconds") == everywhere(0.0)  # noqa: E731
    timed(
        back,
        "backlog alert resolved",
        lambda: drained() and not prometheus.alerts(backlog),
        timings,
        30,
    )
    assert not prometheus.alerts(backlog, "pending")
    assert prometheus.query("up") == everywhere(1.0)

    # A rotated key: 401, sending pauses; the paused alert fires and names the status
    fleet.stop()
    fleet.start("rotated-away-key")
    started = time.monotonic()
    ids = fleet.enqueue("rotated", per_pod=1)
    paused = timed(
        started,
        "paused alert firing on all 4",
        lambda: len(a := prometheus.alerts("ZeltoSpoolPaused")) == PODS and a,
        timings,
        timeout=45,
    )
    for alert in paused.values():
        assert "paused by HTTP 401" in alert["annotations"]["description"]
        assert alert["annotations"]["runbook_url"].endswith("#zeltospoolpaused")

    # The runbook's fix: the right key and a restart; the pause lifts and the alert resolves
    # (checked against values scraped from the new sidecars, not series gone stale)
    back = time.monotonic()
    fleet.stop()
    fleet.start(API_KEY)
    timed(back, "delivered after the key fix", delivered, timings, 60)
    unpaused = lambda: prometheus.query("zelto_spool_paused") == everywhere(0.0)  # noqa: E731
    quiet = lambda: unpaused() and not prometheus.alerts("ZeltoSpoolPaused")  # noqa: E731
    timed(back, "paused alert resolved", quiet, timings, 30)

    assert not prometheus.alerts("ZeltoSpoolDown") and not prometheus.alerts("ZeltoSpoolNotScraped")
    # every dashboard query runs on this Prometheus and finds the fleet's series
    for panel_expr in dashboard_exprs():
        expr = panel_expr.replace("$instance", ".*").replace("$__rate_interval", "1m")
        assert prometheus.query_all(expr), expr
    print(f"\nfleet alert timings (s): {timings}")
