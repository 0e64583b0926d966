"""The deploy recipes parse and hold together: shared volume, same path, probes, same user."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from zelto_spool import __version__

DEPLOY = Path(__file__).parent.parent / "examples" / "deploy"
SPOOL_DIR = "/var/lib/zelto"


def env_of(container: dict[str, Any]) -> dict[str, str]:
    return {e["name"]: e.get("value", "") for e in container.get("env", [])}


def test_kubernetes_statefulset_shares_a_pvc_between_worker_and_sidecar() -> None:
    docs = [d for d in yaml.safe_load_all((DEPLOY / "kubernetes.yaml").read_text()) if d]
    kinds = {d["kind"]: d for d in docs}
    assert set(kinds) >= {"StatefulSet", "Service", "Secret"}
    sts = kinds["StatefulSet"]
    pod = sts["spec"]["template"]["spec"]
    (claim,) = sts["spec"]["volumeClaimTemplates"]
    assert "emptyDir" not in str(pod.get("volumes", []))
    (sidecar,) = [c for c in pod["initContainers"] if c["name"] == "zelto-spool"]
    (worker,) = pod["containers"]
    assert sidecar["restartPolicy"] == "Always"  # native sidecar: stopped after the worker
    assert sidecar["command"][:2] == ["zelto-spool", "run"] and "--listen" in sidecar["command"]
    for container in (sidecar, worker):
        (mount,) = container["volumeMounts"]
        assert (mount["name"], mount["mountPath"]) == (claim["metadata"]["name"], SPOOL_DIR)
        assert env_of(container)["ZELTO_SPOOL_PATH"] == f"{SPOOL_DIR}/spool.db"
        assert container["envFrom"][0]["secretRef"]["name"] == kinds["Secret"]["metadata"]["name"]
    assert sidecar["readinessProbe"]["httpGet"]["path"] == "/healthz"
    assert sidecar["livenessProbe"]["httpGet"]["path"] == "/livez"
    port = int(sidecar["command"][sidecar["command"].index("--listen") + 1].rsplit(":", 1)[1])
    assert sidecar["readinessProbe"]["httpGet"]["port"] == port
    assert pod["securityContext"]["runAsUser"] == pod["securityContext"]["fsGroup"]
    assert sts["spec"]["serviceName"] == kinds["Service"]["metadata"]["name"]


def test_compose_shares_a_named_volume() -> None:
    compose = yaml.safe_load((DEPLOY / "docker-compose.yaml").read_text())
    worker, sidecar = compose["services"]["worker"], compose["services"]["sidecar"]
    assert sidecar["command"][:2] == ["zelto-spool", "run"]
    for service in (worker, sidecar):
        assert service["volumes"] == [f"zelto-spool:{SPOOL_DIR}"]
        assert service["environment"]["ZELTO_SPOOL_PATH"] == f"{SPOOL_DIR}/spool.db"
        assert (DEPLOY / service["build"]["context"] / service["build"]["dockerfile"]).exists()
    assert "zelto-spool" in compose["volumes"]
    assert sidecar["healthcheck"]["test"][1:] == ["zelto-spool", "status", "--check"]


SYSTEMD_KEYS = {
    "Unit": {"Description", "Documentation", "After", "Wants", "Requires", "Before"},
    "Service": {
        "Type",
        "User",
        "Group",
        "StateDirectory",
        "StateDirectoryMode",
        "Environment",
        "EnvironmentFile",
        "ExecStart",
        "Restart",
        "RestartSec",
        "KillSignal",
        "TimeoutStopSec",
        "NoNewPrivileges",
        "ProtectSystem",
        "ProtectHome",
        "PrivateTmp",
    },
    "Install": {"WantedBy"},
}


def parse_unit(text: str) -> dict[str, list[tuple[str, str]]]:
    """systemd's format: [Section] headers, Key=Value lines (keys may repeat), # comments."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        key, sep, value = line.partition("=")
        assert current is not None and sep and key.strip() == key and key, raw
        current.append((key, value))
    return sections


def test_systemd_unit_keys_are_valid() -> None:
    unit = parse_unit((DEPLOY / "zelto-spool.service").read_text())
    assert set(unit) == set(SYSTEMD_KEYS)
    for section, allowed in SYSTEMD_KEYS.items():
        assert {key for key, _ in unit[section]} <= allowed, section
    service: dict[str, list[str]] = {}
    for key, value in unit["Service"]:
        service.setdefault(key, []).append(value)
    command = service["ExecStart"][0].split()
    assert command[0].endswith("/zelto-spool") and command[1] == "run"
    assert service["KillSignal"] == ["SIGTERM"] and service["Restart"] == ["always"]
    assert service["StateDirectory"] == ["zelto"] and service["StateDirectoryMode"] == ["0700"]
    assert f"ZELTO_SPOOL_PATH={SPOOL_DIR}/spool.db" in service["Environment"]


def dockerfile_stages() -> dict[str, list[str]]:
    """The Dockerfile's instructions per stage (`FROM image AS name`), comments dropped."""
    stages: dict[str, list[str]] = {}
    current: list[str] = stages.setdefault("", [])
    for line in (DEPLOY / "Dockerfile").read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("FROM "):
            current = stages.setdefault(line.split()[-1], [])
        current.append(line)
    return stages


def test_dockerfile_builds_the_sidecar_from_the_lean_package_only() -> None:
    stages = dockerfile_stages()
    assert stages[""] == [f"ARG ZELTO_VERSION={__version__}"]
    assert stages["base"][0].startswith("FROM python:3.")
    sidecar, worker = "\n".join(stages["sidecar"]), "\n".join(stages["worker"])
    assert '"zelto-spool[fast]==${ZELTO_VERSION}"' in sidecar
    assert "livekit-plugins-zelto" not in sidecar and "livekit-agents" not in sidecar
    assert '"livekit-plugins-zelto[fast]==${ZELTO_VERSION}"' in worker
    assert list(stages)[-1] == "worker"  # a plain `docker build` still gives the worker
    for stage in ("sidecar", "worker"):
        assert stages[stage][0] == "FROM base AS " + stage
        assert "ARG ZELTO_VERSION" in stages[stage]
        assert any(line.startswith("USER ") for line in stages[stage])
    compose = yaml.safe_load((DEPLOY / "docker-compose.yaml").read_text())
    for service in ("worker", "sidecar"):
        assert compose["services"][service]["build"]["target"] == service
        assert compose["services"][service]["build"]["dockerfile"] == "deploy/Dockerfile"
    docs = [d for d in yaml.safe_load_all((DEPLOY / "kubernetes.yaml").read_text()) if d]
    (sts,) = [d for d in docs if d["kind"] == "StatefulSet"]
    pod = sts["spec"]["template"]["spec"]
    (sidecar_container,) = pod["initContainers"]
    assert sidecar_container["image"].split("/")[-1] == f"zelto-spool:{__version__}"
