"""The local Zelto receiver: a real loopback server that checks the contract and fakes faults."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from zelto_spool.cli.send import serve_forever
from zelto_spool.testing.pytest_plugin import TEST_API_KEY
from zelto_spool.testing.receiver import Post, Receiver, format_post, parse_fault

KEY = "zk_live_sekrit_0123456789"
HEADERS = {"Authorization": f"Bearer {KEY}", "X-Zelto-Provider": "livekit"}


def payload(call_id: str = "room-1", role: str = "user", content: str = "hi") -> dict[str, Any]:
    return {
        "agent": {"externalId": "support-bot"},
        "call": {"externalId": call_id, "durationSeconds": 12.5},
        "transcript": {"turns": [{"role": role, "content": content}]},
    }


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver(api_key=KEY) as r:
        yield r


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5) as c:
        yield c


def post(client: httpx.Client, r: Receiver, call_id: str = "room-1", **kw: Any) -> httpx.Response:
    kw.setdefault("headers", HEADERS)
    kw.setdefault("json", payload(call_id))
    return client.post(r.url, **kw)


class Background:
    """Run one POST on a thread (for requests that hang); keeps the outcome for asserts."""

    def __init__(self, r: Receiver, timeout: float = 5) -> None:
        self.outcome: httpx.Response | Exception | None = None
        self._thread = threading.Thread(target=self._post, args=(r, timeout))
        self._thread.start()

    def _post(self, r: Receiver, timeout: float) -> None:
        with httpx.Client(timeout=timeout) as c:
            try:
                self.outcome = post(c, r)
            except httpx.HTTPError as exc:
                self.outcome = exc

    def join(self) -> httpx.Response | Exception | None:
        self._thread.join(timeout=5)
        assert not self._thread.is_alive()
        return self.outcome


# the contract


def test_accepts_a_good_call_records_it_and_upserts(receiver: Receiver, client: httpx.Client):
    first = post(client, receiver)
    assert first.status_code == 200
    assert first.json() == {"received": True}
    assert receiver.calls == {"room-1": payload()}
    assert receiver.accepted == [("room-1", first.request.content)]
    [seen] = receiver.posts
    assert (seen.call_id, seen.status, seen.path) == ("room-1", 200, "/webhooks/calls")
    assert seen.headers["x-zelto-provider"] == "livekit"
    assert seen.headers["content-type"] == "application/json"
    assert seen.body == first.request.content

    newer = payload(content="hello again")
    assert post(client, receiver, json=newer).status_code == 200
    assert receiver.calls == {"room-1": newer}
    assert receiver.accepted_count("room-1") == 2
    assert receiver.accepted_count("other") == 0
    assert receiver.accepted_count() == 2


def test_any_bearer_token_when_no_key_is_set(client: httpx.Client):
    with Receiver() as r:
        headers = {"Authorization": "Bearer whatever", "X-Zelto-Provider": "livekit"}
        assert post(client, r, headers=headers).json() == {"received": True}
        assert post(client, r, headers={"X-Zelto-Provider": "livekit"}).status_code == 401


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer wrong-key", f"Basic {KEY}", "Bearer", KEY, f"Bearer {KEY}x"],
)
def test_missing_or_wrong_key_is_401(
    receiver: Receiver, client: httpx.Client, authorization: str | None
):
    headers = {"X-Zelto-Provider": "livekit"}
    if authorization is not None:
        headers["Authorization"] = authorization
    response = post(client, receiver, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]
    assert KEY not in response.text
    assert receiver.accepted_count() == 0
    assert receiver.posts[0].status == 401


@pytest.mark.parametrize("provider", [None, "vapi", "LiveKit"])
def test_missing_or_wrong_provider_is_400(
    receiver: Receiver, client: httpx.Client, provider: str | None
):
    headers = {"Authorization": f"Bearer {KEY}"}
    if provider is not None:
        headers["X-Zelto-Provider"] = provider
    response = post(client, receiver, headers=headers)
    assert response.status_code == 400
    assert "X-Zelto-Provider" in response.json()["error"]


@pytest.mark.parametrize(
    "body", [b"not json", b"", b"{", '{"a": "\udcff"}'.encode("utf-8", "surrogatepass")]
)
def test_body_that_is_not_json_is_400(receiver: Receiver, client: httpx.Client, body: bytes):
    response = client.post(receiver.url, content=body, headers=HEADERS)
    assert response.status_code == 400
    assert "JSON" in response.json()["error"]
    assert receiver.posts[0].call_id is None


def test_bad_role_is_422_naming_the_field(receiver: Receiver, client: httpx.Client):
    response = post(client, receiver, json=payload(role="bot"))
    assert response.status_code == 422
    assert "transcript.turns[0].role" in response.json()["error"]
    assert response.json()["field"] == "transcript.turns[0].role"
    assert receiver.calls == {}
    assert receiver.posts[0].call_id == "room-1"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"agent": {"externalId": "a"}}, "call"),
        ({"agent": {"externalId": "a"}, "call": {}}, "call.externalId"),
        ({"agent": {}, "call": {"externalId": "c"}}, "agent.externalId"),
        ([1, 2], ""),
    ],
)
def test_shape_errors_are_422(receiver: Receiver, client: httpx.Client, body: Any, field: str):
    response = post(client, receiver, json=body)
    assert response.status_code == 422
    assert response.json()["field"] == field


def test_other_paths_are_404_and_other_methods_405(receiver: Receiver, client: httpx.Client):
    assert client.post(receiver.base_url + "/webhooks/call", headers=HEADERS).status_code == 404
    assert client.get(receiver.base_url + "/").status_code == 404
    response = client.get(receiver.url, headers=HEADERS)
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert [p.status for p in receiver.posts] == [404, 404, 405]


def test_bodies_over_a_mebibyte_are_fine(receiver: Receiver, client: httpx.Client):
    big = payload(content="x" * 3_000_000)
    assert post(client, receiver, json=big).json() == {"received": True}
    assert receiver.calls["room-1"] == big


# faults


def test_down_refuses_connections_then_comes_back_on_the_same_port(
    receiver: Receiver, client: httpx.Client
):
    base = receiver.base_url
    assert post(client, receiver).status_code == 200  # a keep-alive connection is open now
    receiver.set_fault("down")
    with pytest.raises(httpx.ConnectError):
        post(client, receiver)
    with httpx.Client() as fresh, pytest.raises(httpx.ConnectError):
        post(fresh, receiver)
    receiver.set_fault("none")
    assert receiver.base_url == base
    assert post(client, receiver).json() == {"received": True}
    assert receiver.accepted_count() == 2


def test_starting_down_still_fixes_the_port(client: httpx.Client):
    with Receiver(api_key=KEY, fault="down") as r:
        with pytest.raises(httpx.ConnectError):
            post(client, r)
        r.set_fault(None)
        assert post(client, r).status_code == 200


def test_restart_keeps_the_port():
    r = Receiver(api_key=KEY)
    with pytest.raises(RuntimeError):
        _ = r.base_url
    r.start()
    base = r.base_url
    with pytest.raises(RuntimeError):
        r.start()
    r.stop()
    r.stop()  # idempotent
    with r, httpx.Client() as c:
        assert r.base_url == base
        assert post(c, r).status_code == 200


@pytest.mark.parametrize(("mode", "status"), [("5xx", 503), ("5xx:502", 502), ("5XX:500", 500)])
def test_5xx(receiver: Receiver, client: httpx.Client, mode: str, status: int):
    receiver.set_fault(mode)
    response = post(client, receiver)
    assert response.status_code == status
    assert "simulated outage" in response.json()["error"]
    assert receiver.accepted_count() == 0
    receiver.set_fault(None)
    assert post(client, receiver).status_code == 200


@pytest.mark.parametrize(("mode", "retry_after"), [("429", "1"), ("429:7", "7"), ("429:0", "0")])
def test_429_has_retry_after(receiver: Receiver, client: httpx.Client, mode: str, retry_after: str):
    receiver.set_fault(mode)
    response = post(client, receiver)
    assert response.status_code == 429
    assert response.headers["retry-after"] == retry_after
    assert response.json()["error"]


def test_hang_times_out_on_the_client_side(receiver: Receiver, client: httpx.Client):
    receiver.set_fault("hang")
    with pytest.raises(httpx.ReadTimeout):
        post(client, receiver, timeout=0.2)
    assert receiver.wait_for(lambda r: len(r.posts) == 1, timeout=2)
    assert receiver.posts[0].status is None
    assert receiver.accepted_count() == 0


def test_hang_is_released_by_a_mode_change(receiver: Receiver):
    receiver.set_fault("hang")
    waiting = Background(receiver)
    assert receiver.wait_for(lambda r: len(r.posts) == 1, timeout=2)
    assert receiver.posts[0].status is None
    receiver.set_fault(None)
    outcome = waiting.join()
    assert isinstance(outcome, httpx.Response)
    assert outcome.json() == {"received": True}
    assert receiver.posts[0].status == 200


def test_stop_returns_promptly_while_a_request_hangs():
    r = Receiver(api_key=KEY, fault="hang").start()
    waiting = Background(r)
    assert r.wait_for(lambda r: len(r.posts) == 1, timeout=2)
    started = time.monotonic()
    r.stop()
    assert time.monotonic() - started < 1
    assert isinstance(waiting.join(), httpx.TransportError)  # the connection was dropped
    assert r.posts[0].status is None


def test_slow_answers_correctly_after_the_delay(receiver: Receiver, client: httpx.Client):
    receiver.set_fault("slow:0.2")
    started = time.monotonic()
    assert post(client, receiver).json() == {"received": True}
    assert time.monotonic() - started >= 0.2
    assert receiver.fault == "slow:0.2"


def test_nonjson_and_noreceived_are_200_without_acknowledgement(
    receiver: Receiver, client: httpx.Client
):
    receiver.set_fault("nonjson")
    response = post(client, receiver)
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.text)
    receiver.set_fault("noreceived")
    response = post(client, receiver)
    assert (response.status_code, response.json()) == (200, {"ok": True})
    assert receiver.accepted_count() == 0
    assert receiver.calls == {}
    assert [p.status for p in receiver.posts] == [200, 200]


def _flaky_statuses(seed: int) -> list[int]:
    with Receiver(api_key=KEY, fault="flaky:0.3", seed=seed) as r, httpx.Client() as c:
        return [post(c, r, call_id=f"c{i}").status_code for i in range(200)]


def test_flaky_fails_some_requests_reproducibly_with_a_seed():
    statuses = _flaky_statuses(seed=7)
    assert set(statuses) == {200, 503}
    assert 20 < statuses.count(503) < 100
    assert _flaky_statuses(seed=7) == statuses


def test_reject_mode_and_poison_call_ids(receiver: Receiver, client: httpx.Client):
    receiver.set_fault("reject")
    response = post(client, receiver)
    assert response.status_code == 422
    assert response.json()["error"]
    receiver.set_fault(None)

    receiver.reject("poison", status=409, reason="agent is archived")
    receiver.reject_ids.add("bad")
    assert post(client, receiver, call_id="poison").status_code == 409
    assert post(client, receiver, call_id="poison").json() == {"error": "agent is archived"}
    assert post(client, receiver, call_id="bad").status_code == 422
    assert post(client, receiver, call_id="good").status_code == 200
    assert list(receiver.calls) == ["good"]
    with pytest.raises(ValueError, match="4xx"):
        receiver.reject("x", status=500)


@pytest.mark.parametrize(
    "mode",
    ["boom", "5xx:404", "5xx:abc", "429:-1", "429:1.5", "slow", "slow:x", "slow:-1", "flaky",
     "flaky:2", "flaky:nan", "hang:3", "down:", ""],
)  # fmt: skip
def test_bad_fault_modes_raise_a_clear_valueerror(receiver: Receiver, mode: str):
    with pytest.raises(ValueError, match="fault mode"):
        receiver.set_fault(mode)
    with pytest.raises(ValueError, match="fault mode"):
        Receiver(fault=mode)
    assert receiver.fault == "none"


@pytest.mark.parametrize(
    ("mode", "canonical"),
    [(None, "none"), ("none", "none"), ("5xx", "5xx:503"), ("429", "429:1"), (" Hang ", "hang"),
     ("slow:0.5", "slow:0.5"), ("flaky:0.25", "flaky:0.25"), ("reject", "reject")],
)  # fmt: skip
def test_fault_modes_parse_to_a_canonical_spelling(mode: str | None, canonical: str):
    assert str(parse_fault(mode)) == canonical


# recording


def test_wait_for_wakes_on_requests_and_times_out(receiver: Receiver):
    started = time.monotonic()
    assert not receiver.wait_for(lambda r: r.accepted_count() > 0, timeout=0.05)
    assert time.monotonic() - started < 1
    sender = Background(receiver)
    assert receiver.wait_for(lambda r: r.accepted_count("room-1") == 1, timeout=5)
    assert isinstance(sender.join(), httpx.Response)


def test_clear_forgets_recordings_but_not_faults(receiver: Receiver, client: httpx.Client):
    post(client, receiver)
    receiver.reject("poison")
    receiver.set_fault("5xx")
    receiver.clear()
    assert (receiver.posts, receiver.calls, receiver.accepted) == ([], {}, [])
    assert receiver.accepted_count() == 0
    assert receiver.fault == "5xx:503"
    assert "poison" in receiver.reject_ids


# printing never shows the token


def test_printed_lines_and_reprs_never_show_the_token(receiver: Receiver, client: httpx.Client):
    post(client, receiver)
    post(client, receiver, headers={**HEADERS, "Authorization": "Bearer wrong-token-42"})
    post(client, receiver, json=payload(call_id=KEY))  # even if echoed as a call id
    lines = [format_post(p) for p in receiver.posts]
    assert lines[0].endswith(" 200 room-1 turns=1")
    assert " 401 room-1 turns=1 error=invalid API key" in lines[1]
    assert "<redacted>" in lines[2]
    for line in lines:
        assert "sekrit" not in line
        assert "wrong-token-42" not in line
    for seen in receiver.posts[:2]:
        assert "sekrit" not in repr(seen)
        assert "wrong-token-42" not in repr(seen)


def test_format_post_escapes_control_characters():
    line = format_post(Post(0.0, "evil\nid", None, {}, b"junk", error="x\r\ny"))
    assert "\n" not in line
    assert "\r" not in line
    assert " --- evil\\nid turns=? error=x\\r\\ny" in line


class _Lines(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.changed = threading.Condition()

    def write(self, s: str) -> int:
        with self.changed:
            n = super().write(s)
            self.changed.notify_all()
            return n

    def wait_lines(self, count: int) -> list[str]:
        with self.changed:
            assert self.changed.wait_for(lambda: self.getvalue().count("\n") >= count, 5)
            return self.getvalue().splitlines()


def test_serve_forever_prints_one_line_per_call_and_stops():
    out, stop = _Lines(), threading.Event()
    exit_code: list[int] = []
    thread = threading.Thread(
        target=lambda: exit_code.append(serve_forever(api_key=KEY, out=out, stop=stop))
    )
    thread.start()
    try:
        [banner] = out.wait_lines(1)
        url = banner.split()[3]
        assert url.startswith("http://127.0.0.1:") and url.endswith("/webhooks/calls")
        with httpx.Client() as c:
            assert c.post(url, json=payload(), headers=HEADERS).status_code == 200
            c.post(url, json=payload("r2"), headers={**HEADERS, "Authorization": "Bearer nope1"})
        lines = out.wait_lines(3)
    finally:
        stop.set()
        thread.join(timeout=5)
    assert exit_code == [0]
    assert lines[1].endswith(" 200 room-1 turns=1")
    assert " 401 r2 turns=1 error=" in lines[2]
    assert KEY not in out.getvalue()
    assert "nope1" not in out.getvalue()


# the pytest plugin


def test_zelto_receiver_fixture_requires_the_test_key(zelto_receiver: Receiver):
    assert TEST_API_KEY == "test-key"
    with httpx.Client() as c:
        ok = {"Authorization": "Bearer test-key", "X-Zelto-Provider": "livekit"}
        assert c.post(zelto_receiver.url, json=payload(), headers=ok).status_code == 200
        assert post(c, zelto_receiver).status_code == 401


def test_zelto_env_points_the_environment_at_the_receiver(zelto_env: Receiver, tmp_path):
    from zelto_spool import DeliveryConfig, default_spool_path

    assert os.environ["ZELTO_BASE_URL"] == zelto_env.base_url
    assert os.environ["ZELTO_API_KEY"] == "test-key"
    assert default_spool_path().is_relative_to(tmp_path)
    config = DeliveryConfig.from_env()
    assert config.endpoint == zelto_env.url


def test_the_plugin_and_package_import_without_aiohttp():
    code = (
        "import sys, zelto_spool, zelto_spool.testing.pytest_plugin; "
        "sys.exit(' '.join(m for m in ('aiohttp', 'livekit.agents') if m in sys.modules) or None)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
