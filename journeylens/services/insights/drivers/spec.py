"""What a key-driver analysis is asked (DriverSpec) and what it answers (DriverResult)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from journeylens.domain import metrics
from journeylens.domain.errors import JourneyLensError

OUTCOMES = ("nps", "conversion")
DRIVER_METRICS = ("csat", "ces", "emotion", "columns")
RESAMPLES = 200  # bootstrap resamples (bounded: MAX_RESAMPLES)
MAX_RESAMPLES = 2000
SEED = 14


class DriverError(JourneyLensError, ValueError):
    """A request the analysis cannot answer (unknown outcome, touchpoint...)."""

    hint_key = "error.hint.settings"


@dataclass(frozen=True)
class DriverSpec:
    """What to explain and with what. outcome_touchpoint None = the overall NPS (answers without
    a touchpoint); it is ignored for conversion."""

    outcome: str = "nps"
    outcome_touchpoint: str | None = None
    driver: str = "csat"
    resamples: int = RESAMPLES
    seed: int = SEED

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise DriverError("drivers.error.outcome", known=", ".join(OUTCOMES), got=self.outcome)
        if self.driver not in DRIVER_METRICS:
            raise DriverError(
                "drivers.error.driver", known=", ".join(DRIVER_METRICS), got=self.driver
            )
        if not 2 <= int(self.resamples) <= MAX_RESAMPLES:
            raise DriverError("drivers.error.resamples", most=MAX_RESAMPLES)


@dataclass
class DriverResult:
    spec: DriverSpec
    n: int = 0
    r2: float | None = None
    r2_low: float | None = None
    r2_high: float | None = None
    method: str = "none"
    level: float = 0.95
    drivers: pd.DataFrame = field(default_factory=pd.DataFrame)
    excluded: pd.DataFrame = field(default_factory=pd.DataFrame)
    high_vif: list[str] = field(default_factory=list)
    has_events: bool = False
    min_n: int = metrics.DEFAULT_MIN_N
    higher_is_better: bool = True  # False for CES when a high score means hard
    sample: int = 1000  # the model's customers: a random sample of this many per thousand
    resamples: int = RESAMPLES  # bootstrap resamples used
    reason: str | None = None  # why there is no model: 'no_outcome' | 'no_drivers'

    @property
    def empty(self) -> bool:
        return self.drivers.empty
