"""Key drivers: which touchpoints (or survey questions), improved, move NPS or conversion most.

DuckDB returns sufficient statistics (queries/insights_driver_sums.sql: per bucket of customers,
the sums of every pair of variables), the touchpoints' scores (insights_touchpoint_scores.sql,
the response cube) and the conversion of satisfied vs dissatisfied customers
(insights_conversion_impact.sql); `stats` decomposes R² and bootstraps the buckets. No row of
answers or events reaches Python.

Definitions (shown to the reader in the page's words, journeylens/i18n/catalog_insights.py):

- outcome: the customer's NPS answer (0–10, their mean when they answered more than once) at the
  chosen touchpoint, or on answers without a touchpoint (an overall NPS question); or conversion
  (1/0: an event flagged converted, else reaching the journey's last funnel step);
- drivers: the customer's mean CSAT (or CES, or emotion) at each other touchpoint, or the numeric
  extra columns marked as driver questions; pairwise-complete, each with its n;
- a driver with fewer than the workspace's minimum n customers who gave both values is left out
  of the model (shown faded with its n);
- importance: its share of the explained variance (R²), Shapley / LMG up to 15 drivers, Johnson's
  relative weights above; bucket bootstrap intervals; "distinguishable" after Benjamini–Hochberg;
- the priority matrix (see `quadrant`): important = share above the mean share (1/k); below =
  performance below the touchpoint's CSAT target where the journey sets one, else below the
  mean performance of the drivers in the model.

spec: the question and the answer's shape; inputs: what DuckDB returns; model: run() and
to_json(); quadrants: the priority matrix rule; choices: what a workspace offers the reader.
"""

from journeylens.services.insights.drivers.choices import (
    OVERALL,
    Options,
    candidate_columns,
    mark_driver_columns,
    numeric_columns,
    options,
    resolve,
)
from journeylens.services.insights.drivers.inputs import (
    driver_columns,
    driver_sums,
    summaries_usable,
)
from journeylens.services.insights.drivers.model import fix_first, run, to_json
from journeylens.services.insights.drivers.quadrants import QUADRANTS, assign_quadrants, quadrant
from journeylens.services.insights.drivers.spec import (
    DRIVER_METRICS,
    OUTCOMES,
    RESAMPLES,
    SEED,
    DriverError,
    DriverResult,
    DriverSpec,
)

__all__ = [
    "DRIVER_METRICS",
    "DriverError",
    "DriverResult",
    "DriverSpec",
    "OUTCOMES",
    "OVERALL",
    "Options",
    "QUADRANTS",
    "RESAMPLES",
    "SEED",
    "assign_quadrants",
    "candidate_columns",
    "driver_columns",
    "driver_sums",
    "fix_first",
    "mark_driver_columns",
    "numeric_columns",
    "options",
    "quadrant",
    "resolve",
    "run",
    "summaries_usable",
    "to_json",
]
