"""Where a forwarder's calls go (a `zelto_spool.Outbox` per set of settings), and what its
outcomes count in the plugin's metrics. Storing, claiming, sending, recording, leftovers and
the direct send when the spool refuses a call are the outbox's (docs/design.md, "The path of
one call")."""

from __future__ import annotations

from pathlib import Path

from zelto_spool import Outbox, Outcome

from . import _metrics

__all__ = ["Destination", "count_call"]


class Destination:
    """Where a forwarder's calls go: its options, and for the rest the environment as it is
    when a job begins (not when the forwarder was built: a test's `ZELTO_*` reaches a
    forwarder its agent module built at import). Under pytest, calls stay in the test (see
    `Outbox.from_settings`). The same outbox, with its spool and sender, while the settings
    stay the same."""

    def __init__(
        self,
        *,
        spool_path: str | Path | None,
        api_key: str | None,
        base_url: str | None,
        leftovers: int,
    ) -> None:
        # a bad option, or no home for the default path, fails now, at the worker's start
        Outbox.check_settings(spool_path=spool_path, api_key=api_key, base_url=base_url)
        self._options = (spool_path, api_key, base_url)
        self._leftovers = leftovers
        self._current: Outbox | None = None

    def now(self) -> Outbox:
        spool_path, api_key, base_url = self._options
        self._current = Outbox.from_settings(
            spool_path=spool_path,
            api_key=api_key,
            base_url=base_url,
            leftovers=self._leftovers,
            hooks=[_metrics.count_outcome],
            reuse=self._current,
        )
        return self._current


def count_call(outcome: Outcome | None) -> None:
    """`zelto_plugin_calls_total` for one call's outcome (None: nothing was queued)."""
    if outcome is None:
        return
    if outcome.direct and outcome.delivered:
        _metrics.count_call("delivered_direct")
    if outcome.spooled:
        _metrics.count_call("spooled")
    elif outcome.lost:
        _metrics.count_call("lost")
