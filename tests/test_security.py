"""Security: the key never reaches disk, logs or output; TLS on; http refused; lean sidecar."""

from __future__ import annotations

import asyncio
import re
import signal
import ssl
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import SECRET_KEY, cli_env, payload, run_cli
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.delivery.sender import Sender
from zelto_spool.testing.receiver import Receiver


def test_key_never_in_spool_files_logs_or_cli_output(tmp_path: Path) -> None:
    spool_path = tmp_path / "spool" / "spool.db"
    outputs: list[str] = []
    with Receiver(api_key=SECRET_KEY) as receiver:
        spool = Spool(spool_path)
        for i in range(5):
            spool.enqueue(payload(f"room-{i}"))
        good = cli_env(spool_path, receiver.base_url, SECRET_KEY)
        bad = cli_env(spool_path, receiver.base_url, SECRET_KEY + "-rotated")
        receiver.reject("room-4", status=422, reason="bad turn")
        for env, args in [
            (bad, ["drain", "-v"]),  # 401: pause reason, logs
            (bad, ["status"]),
            (bad, ["status", "--json"]),
            (good, ["drain", "-v"]),
            (good, ["list"]),
            (good, ["list", "--json"]),
            (good, ["show", "room-1"]),
            (good, ["show", "room-4", "--json"]),
            (good, ["drain", "--api-key", SECRET_KEY, "--help"]),
        ]:
            result = run_cli(*args, env=env)
            outputs += [result.stdout, result.stderr]
        spool.enqueue(payload("room-9"))
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "zelto_spool",
                "run",
                "--log-format",
                "json",
                "--log-level",
                "DEBUG",
            ],
            env=bad,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert receiver.wait_for(lambda r: any(p.call_id == "room-9" for p in r.posts), 10)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
        outputs += [out, err]
    assert any("401" in o for o in outputs)  # the failure was exercised and reported
    for text in outputs:
        assert SECRET_KEY not in text
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert {p.name for p in written} >= {"spool.db", "spool.db-wal", "spool.db-shm"}
    for path in written:
        assert SECRET_KEY.encode() not in path.read_bytes(), path


def send_once(handler: Any) -> Any:
    """One send with the secret key through an in-process transport; its outcome."""

    async def go() -> Any:
        config = DeliveryConfig(base_url="https://zelto.test", api_key=SECRET_KEY)
        sender = Sender(config, transport=httpx.MockTransport(handler))
        try:
            return await sender.send(b"{}")
        finally:
            await sender.aclose()

    return asyncio.run(go())


def test_key_echoed_by_a_server_is_scrubbed_from_the_reason() -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, text=f"bad header {request.headers['authorization']}")

    outcome = send_once(echo)
    assert outcome.kind == "dead" and SECRET_KEY not in outcome.reason and "***" in outcome.reason


def test_a_key_echoed_across_the_reason_cut_is_scrubbed_first() -> None:
    # the reason is cut to 500 characters: scrubbing after the cut would leave most of the key
    def echo(request: httpx.Request) -> httpx.Response:
        auth = request.headers["authorization"]
        return httpx.Response(400, text="x" * (505 - len(auth)) + auth)  # cut 8 chars short

    outcome = send_once(echo)
    assert outcome.kind == "dead"
    assert SECRET_KEY[:16] not in outcome.reason and "***" in outcome.reason


def test_an_unexpected_error_in_the_http_stack_is_a_scrubbed_retry() -> None:
    def broken(request: httpx.Request) -> httpx.Response:
        raise RuntimeError(f"surprise while sending {request.headers['authorization']!r}")

    outcome = send_once(broken)
    assert outcome.kind == "retry" and "RuntimeError" in outcome.reason
    assert SECRET_KEY not in outcome.reason


def test_plain_http_to_a_remote_host_is_refused(tmp_path: Path) -> None:
    spool_path = tmp_path / "s.db"
    Spool(spool_path).enqueue(payload("room-1"))
    result = run_cli("drain", env=cli_env(spool_path, "http://10.1.2.3:8080", SECRET_KEY))
    assert result.returncode == 1
    assert "refusing plain http:// to 10.1.2.3" in result.stderr
    assert "Traceback" not in result.stderr and SECRET_KEY not in result.stderr


def test_tls_verification_is_on_by_default() -> None:
    from zelto_spool.delivery.sender import _tls_context

    context = _tls_context()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_zelto_spool_never_imports_livekit() -> None:
    code = (
        "import importlib, pkgutil, sys, zelto_spool\n"
        "for m in pkgutil.walk_packages(zelto_spool.__path__, 'zelto_spool.'):\n"
        "    if m.name != 'zelto_spool.__main__':\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n == 'livekit' or n.startswith('livekit.'))\n"
        "print(bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_source_has_no_livekit_agents_import() -> None:
    root = Path(__file__).parent.parent / "spool" / "zelto_spool"
    agents = re.compile(
        r"^\s*(from\s+livekit\.agents|import\s+livekit\.agents|from\s+livekit\s+import\s+.*\bagents\b)",
        re.MULTILINE,
    )
    anything = re.compile(r"^(from|import)\s+livekit\b", re.MULTILINE)  # at module level
    for path in root.rglob("*.py"):
        text = path.read_text()
        assert not agents.search(text), path
        assert not anything.search(text), path  # livekit.api only lazily, for webhooks


def test_the_sidecar_writes_no_core_file_holding_the_key(
    spool_path: Path, zelto_receiver: Any
) -> None:
    """A crash of `zelto-spool run` under `ulimit -c unlimited` dumped the key with the core
    (an outside tester found it five times in one): its soft core limit is 0."""
    import resource

    from tests.test_sidecar_ops import Sidecar

    old = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (old[1], old[1]))  # inherited by the sidecar
    try:
        sidecar = Sidecar(spool_path, zelto_receiver)
    finally:
        resource.setrlimit(resource.RLIMIT_CORE, old)
    try:
        limits = Path(f"/proc/{sidecar.proc.pid}/limits").read_text()
        (line,) = [x for x in limits.splitlines() if x.startswith("Max core file size")]
        assert line.split()[4] == "0", line  # the soft limit
    finally:
        sidecar.proc.terminate()
        sidecar.proc.communicate(timeout=30)
