"""The shipped alert rules and dashboard: promtool checks and unit tests, the same rules in both
files, runbook anchors that exist, and only metric names a running sidecar really exports.

promtool comes from Debian's `prometheus` package (`.ci/install-prometheus`); without it the
promtool tests skip and say so. The fleet check against a real Prometheus is test_alerts_fleet.py.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from tests.alerting import (
    DASHBOARD,
    DEPLOY,
    SidecarProcess,
    alert_rules,
    dashboard_exprs,
    free_port,
)
from tests.conftest import payload, wait_until
from zelto_spool import Spool
from zelto_spool.delivery.claim import Leases
from zelto_spool.sidecar.metrics import SidecarMetrics

ROOT = Path(__file__).parent.parent
PROMTOOL_TESTS = Path(__file__).parent / "prometheus" / "alerts_test.yaml"
METRIC = re.compile(r"\bzelto_(?:spool|plugin)_[a-z_]+")


def promtool() -> str:
    path = shutil.which("promtool")
    if path is None:
        pytest.skip("promtool not found: install Debian's prometheus (.ci/install-prometheus)")
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)


def test_promtool_check_rules() -> None:
    result = run(promtool(), "check", "rules", str(DEPLOY / "alerts.rules.yaml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(alert_rules())} rules found" in result.stdout


def test_promtool_unit_tests_of_every_alert() -> None:
    result = run(promtool(), "test", "rules", str(PROMTOOL_TESTS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_each_alert_has_a_test_that_fires_it_and_one_that_does_not() -> None:
    cases = [
        case
        for group in yaml.safe_load(PROMTOOL_TESTS.read_text())["tests"]
        for case in group["alert_rule_test"]
    ]
    for rule in alert_rules():
        mine = [c for c in cases if c["alertname"] == rule["alert"]]
        assert any(c["exp_alerts"] for c in mine), f"{rule['alert']} never fires in a test"
        assert any(not c["exp_alerts"] for c in mine), f"{rule['alert']} has no quiet test"


def test_the_prometheusrule_holds_the_same_rules() -> None:
    plain = yaml.safe_load((DEPLOY / "alerts.rules.yaml").read_text())
    crd = yaml.safe_load((DEPLOY / "prometheusrule.yaml").read_text())
    assert crd["kind"] == "PrometheusRule"
    assert crd["apiVersion"] == "monitoring.coreos.com/v1"
    assert crd["spec"]["groups"] == plain["groups"]


def github_anchor(heading: str) -> str:
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def test_every_alert_links_a_runbook_section_of_operations_md() -> None:
    docs = (ROOT / "docs" / "operations.md").read_text()
    anchors = {github_anchor(h) for h in re.findall(r"^#+ (.+)$", docs, flags=re.MULTILINE)}
    base = "https://github.com/zelto-ai/livekit-plugins-zelto/blob/main/docs/operations.md#"
    for rule in alert_rules():
        url = rule["annotations"]["runbook_url"]
        assert url.startswith(base), url
        assert url.removeprefix(base) in anchors, f"{rule['alert']}: no heading for {url}"
        assert set(rule["annotations"]) == {"summary", "description", "runbook_url"}
        assert rule["labels"]["severity"] in ("critical", "warning")


def test_the_dashboard_covers_what_the_issue_asks() -> None:
    board = json.loads(DASHBOARD.read_text())
    titles = " | ".join(p["title"].lower() for p in board["panels"])
    for words in ("backlog by state", "oldest pending", "outcomes", "latency", "cap", "reaped"):
        assert words in titles, words
    assert [v["name"] for v in board["templating"]["list"]] == ["instance"]
    for panel in board["panels"]:
        for target in panel.get("targets", []):
            if "zelto_spool" in target["expr"] and "fleet" not in target.get("legendFormat", ""):
                assert 'instance=~"$instance"' in target["expr"], (panel["title"], target)
    fleet = [
        p["title"]
        for p in board["panels"]
        if any("fleet" in t.get("legendFormat", "") for t in p.get("targets", []))
    ]
    assert len(fleet) >= 5, fleet


def test_metrics_for_the_alerts_come_from_the_spool(spool_path: Path) -> None:
    spool = Spool(spool_path, max_bytes=123_456_789)
    leases = Leases(spool)
    metrics = SidecarMetrics(spool)
    leases.pause("HTTP 401 from Zelto (check ZELTO_API_KEY): bad key", status=401, probe_at=0.0)
    (spool_path.parent / f"{spool_path.name}.corrupt-20260101T000000-42").write_bytes(b"x")
    samples = {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(metrics.render().decode())
        for s in family.samples
    }
    assert samples[("zelto_spool_max_bytes", ())] == 123_456_789
    assert samples[("zelto_spool_paused", ())] == 1
    assert samples[("zelto_spool_pause_status", (("status", "401"),))] == 1
    assert samples[("zelto_spool_set_aside_files", ())] == 1
    rejected = ("zelto_spool_webhooks_total", (("event", "unknown"), ("result", "rejected")))
    assert samples[rejected] == 0  # present before the first forgery, so increase() sees it
    leases.resume()
    after = metrics.render().decode()
    assert "zelto_spool_pause_status{" not in after and "zelto_spool_paused 0.0" in after
    leases.pause("ZELTO_API_KEY is not set", status=None, probe_at=0.0)
    assert 'zelto_spool_pause_status{status="none"} 1.0' in metrics.render().decode()
    spool.close()


def test_rules_and_dashboard_name_only_metrics_a_live_sidecar_exports(
    spool_path: Path, zelto_receiver: Any
) -> None:
    """Scrape a real sidecar (paused, one call pending, so every series exists) for the names."""
    Spool(spool_path).enqueue(payload("room-1"))
    with SidecarProcess(spool_path, zelto_receiver.base_url, "wrong-key", free_port()) as sidecar:
        wait_until(lambda: sidecar.sample("zelto_spool_paused") == 1)
        exported = set(sidecar.scrape())
    named = set()
    rules = [rule["expr"] + str(rule["annotations"]) for rule in alert_rules()]
    board = json.loads(DASHBOARD.read_text())
    variables = [v["query"]["query"] for v in board["templating"]["list"] if v["type"] == "query"]
    for text in rules + dashboard_exprs() + variables:
        named |= set(METRIC.findall(text))
    assert named, "no zelto metric found in the rules and dashboard"
    missing = sorted(named - exported)
    assert not missing, f"named by rules/dashboard but not exported: {missing}"
