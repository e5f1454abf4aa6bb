"""What a funnel is: its steps, window, order and exclusions, parsed and checked before any
query runs, with the messages a page shows for bad input."""

from __future__ import annotations

import re
from dataclasses import dataclass

from journeylens.domain import funnel_engine
from journeylens.domain.errors import JourneyLensError

MIN_STEPS, MAX_STEPS = 2, 10
DEFAULT_WINDOW_SECONDS = 14 * 86400
MAX_WINDOW_DAYS = 3660

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_WINDOW = re.compile(r"^\s*(\d+)\s*([smhdw]?)\s*$", re.IGNORECASE)


class FunnelError(JourneyLensError, ValueError):
    """Bad funnel input (a page's setting or a link's parameter): ``key`` and ``params`` give the
    message in any UI language."""

    hint_key = "error.hint.settings"


def parse_window(text: str | int) -> int:
    """'30s', '15m', '2h', '14d', '2w' or a bare number of days -> seconds (positive, <= 10 y)."""
    match = _WINDOW.match(str(text))
    seconds = int(match.group(1)) * _UNITS[(match.group(2) or "d").lower()] if match else 0
    if not 0 < seconds <= MAX_WINDOW_DAYS * 86400:
        raise FunnelError("funnel.error.window", text=str(text), max_days=MAX_WINDOW_DAYS)
    return seconds


def format_window(seconds: int) -> str:
    """The largest of d, h, m that divides it exactly (else s), in a form parse_window reads
    back: 1209600 -> '14d', 5400 -> '90m', 90 -> '90s'."""
    for unit in ("d", "h", "m"):
        if seconds % _UNITS[unit] == 0:
            return f"{seconds // _UNITS[unit]}{unit}"
    return f"{seconds}s"


@dataclass(frozen=True)
class Exclusion:
    """A `touchpoint` event between the steps from_step and to_step (1-based) spoils an attempt
    (the exact rule is in the package docstring)."""

    touchpoint: str
    from_step: int
    to_step: int


def parse_exclusion(text: str) -> Exclusion:
    """'Call centre:1:2' -> Exclusion('Call centre', 1, 2); the touchpoint may contain ':'."""
    parts = str(text).rsplit(":", 2)
    if len(parts) != 3 or not parts[0].strip():
        raise FunnelError("funnel.error.exclusion_format", text=str(text))
    try:
        return Exclusion(parts[0].strip(), int(parts[1]), int(parts[2]))
    except ValueError:
        raise FunnelError("funnel.error.exclusion_format", text=str(text)) from None


@dataclass(frozen=True)
class FunnelSpec:
    """A funnel's steps, window, order and exclusions, checked when made (FunnelError)."""

    steps: tuple[str, ...]
    window_seconds: int = DEFAULT_WINDOW_SECONDS
    strict: bool = False
    exclusions: tuple[Exclusion, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", tuple(self.steps))
        object.__setattr__(self, "exclusions", tuple(self.exclusions))
        n = len(self.steps)
        if not MIN_STEPS <= n <= MAX_STEPS:
            raise FunnelError("funnel.error.step_count", n=n)
        for i, step in enumerate(self.steps, start=1):
            if not isinstance(step, str) or not step.strip():
                raise FunnelError("funnel.error.blank_step", step=i)
        window = self.window_seconds
        if not isinstance(window, int) or not 0 < window <= MAX_WINDOW_DAYS * 86400:
            raise FunnelError(
                "funnel.error.window", text=str(self.window_seconds), max_days=MAX_WINDOW_DAYS
            )
        for ex in self.exclusions:
            if not 1 <= ex.from_step < ex.to_step <= n:
                raise FunnelError(
                    "funnel.error.exclusion_range",
                    touchpoint=ex.touchpoint,
                    from_step=ex.from_step,
                    to_step=ex.to_step,
                    n=n,
                )
            if ex.touchpoint in self.steps[ex.from_step - 1 : ex.to_step]:
                raise FunnelError(
                    "funnel.error.exclusion_is_step",
                    touchpoint=ex.touchpoint,
                    from_step=ex.from_step,
                    to_step=ex.to_step,
                )

    def plan(self) -> funnel_engine.Plan:
        """The touchpoint codes the funnel engine reads for these steps and exclusions."""
        return funnel_engine.plan(
            self.steps, tuple((x.touchpoint, x.from_step, x.to_step) for x in self.exclusions)
        )
