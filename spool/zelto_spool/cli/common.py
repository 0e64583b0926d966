"""Shared pieces of the CLI: error handling, parameter types, the delivery options."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..config import ENV_API_KEY, ENV_BASE_URL, ENV_SPOOL_PATH, DeliveryConfig
from ..errors import ZeltoError
from ..store.spool import Spool
from ..text import parse_duration, parse_size

F = TypeVar("F", bound=Callable[..., Any])


def errors(fn: F) -> F:
    """Turn library errors into one-line CLI errors."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except BrokenPipeError:
            # the reader stopped early (`show ... | head`): not an error, and nothing to say
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(0) from None
        except ZeltoError as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:
            where = f": {exc.filename}" if exc.filename else ""
            raise click.ClickException(f"{exc.strerror or exc}{where}") from None

    return wrapper  # type: ignore[return-value]


def spool_option(fn: F) -> F:
    """`--spool` after the command too (`zelto-spool status --spool X`), as users type it; given
    there, it wins over one before the command and over $ZELTO_SPOOL_PATH."""

    def remember(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
        if value is not None:
            ctx.ensure_object(dict)["spool_path"] = value.expanduser()

    return click.option(
        "--spool",
        "spool_after_command",
        type=click.Path(path_type=Path),
        expose_value=False,
        callback=remember,
        help="Spool file; the same as `zelto-spool --spool PATH COMMAND`.",
    )(fn)


class _Duration(click.ParamType):  # type: ignore[type-arg]
    name = "duration"

    def __init__(self, *, unit_required: bool = False) -> None:
        self.unit_required = unit_required

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        if isinstance(value, (int, float)):
            value = str(value)  # the same checks as typed text: finite, not negative
        try:
            return parse_duration(value, unit_required=self.unit_required)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


DURATION = _Duration()
# retention: a bare number (other than 0) is refused, "7" is not 7 days
RETENTION = _Duration(unit_required=True)


class HostPort(click.ParamType):  # type: ignore[type-arg]
    name = "host:port"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[str, int]:
        host, sep, port = str(value).rpartition(":")
        if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
            self.fail(f"{value!r} is not HOST:PORT (e.g. 0.0.0.0:9464)", param, ctx)
        return host.strip("[]") or "0.0.0.0", int(port)


class Size(click.ParamType):  # type: ignore[type-arg]
    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            return parse_size(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def open_spool(ctx: click.Context, *, must_exist: bool = False, upgrade: bool = True) -> Spool:
    """The spool the command names; `upgrade=False` for commands that only look (they never
    migrate it, so a rolling upgrade's older processes keep using it)."""
    path: Path = ctx.obj["spool_path"]
    if path.is_dir():
        raise click.ClickException(
            f"{path} is a directory; --spool / {ENV_SPOOL_PATH} names the spool file in it "
            "(e.g. spool.db)"
        )
    if must_exist and not path.exists():
        raise click.ClickException(
            f"no spool at {path} (set --spool or {ENV_SPOOL_PATH}; it is created by "
            "the first call a worker spools, `enqueue`, or `run`)"
        )
    return Spool(path, upgrade=upgrade)


def delivery_options(fn: F) -> F:
    options = [
        click.option(
            "--base-url",
            envvar=ENV_BASE_URL,
            show_envvar=True,
            help="Zelto base URL (default https://api.zelto.ai).",
        ),
        click.option(
            "--api-key",
            envvar=ENV_API_KEY,
            show_envvar=True,
            show_default=False,
            help=f"Bearer key. Prefer the {ENV_API_KEY} variable: options show up in `ps`.",
        ),
        click.option("--concurrency", type=click.IntRange(1, 256), help="POSTs at once [8]."),
        click.option(
            "--total-timeout",
            "total_timeout_s",
            type=DURATION,
            help="Budget of one attempt, e.g. 30s [30s].",
        ),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def delivery_config(base_url: str | None, api_key: str | None, **overrides: Any) -> DeliveryConfig:
    return DeliveryConfig.from_env(
        {},
        base_url=base_url,
        api_key=api_key,
        **{k: v for k, v in overrides.items() if v is not None},
    )


def max_bytes_option(help_text: str) -> Callable[[F], F]:
    """`--max-bytes` (env `ZELTO_SPOOL_MAX_BYTES`): the spool's disk cap."""
    return click.option(
        "--max-bytes",
        type=Size(),
        envvar="ZELTO_SPOOL_MAX_BYTES",
        show_envvar=True,
        help=help_text,
    )


def retention_option(help_text: str) -> Callable[[F], F]:
    """`--retention` (env `ZELTO_SPOOL_RETENTION`): how long delivered payloads are kept."""
    return click.option(
        "--retention",
        type=RETENTION,
        envvar="ZELTO_SPOOL_RETENTION",
        show_envvar=True,
        help=help_text,
    )
