"""Small aggregate frames shaped like the dashboards' output, one per chart view."""

from __future__ import annotations

import pandas as pd

from journeylens.domain import metrics


def with_metric_cols(counts: pd.DataFrame, min_n: int = 30) -> pd.DataFrame:
    return metrics.with_metrics(counts, min_n)


def trend_frame() -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "period": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"]),
            "promoters": [10, 20, 3],
            "passives": [10, 10, 3],
            "detractors": [20, 10, 4],
        }
    )
    df["n_nps"] = df[["promoters", "passives", "detractors"]].sum(axis=1)
    return with_metric_cols(df)


def funnel_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "step": [1, 2, 3],
            "touchpoint": ["Landing page", "Sign-up", "First order"],
            "count": [1200, 600, 180],
            "conversion_from_first": [1.0, 0.5, 0.15],
            "conversion_from_previous": [1.0, 0.5, 0.3],
        }
    )


def stages_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "position": [1, 2, 3, 4],
            "touchpoint": ["Ad", "Visit", "Checkout", "Support"],
            "stage": ["Aware", "Aware", "Purchase", "Service"],
        }
    )


def emotion_frame(personas: tuple[str | None, ...] = (None,), source: str = "csat") -> pd.DataFrame:
    rows = []
    means = {"Ad": 1.0, "Visit": 0.4, "Checkout": -1.0, "Support": 0.5}
    for p in personas:
        for pos, (tp, mean) in enumerate(means.items(), start=1):
            n = 40
            rows.append(
                {
                    "position": pos,
                    "touchpoint": tp,
                    "persona": p,
                    "n_emotion": n,
                    "emotion_sum": mean * n,
                    "emotion_sumsq": (mean**2 + 0.5) * n,
                    "src_emotion": n if source == "emotion" else 0,
                    "src_csat": n if source == "csat" else 0,
                    "src_nps": n if source == "nps" else 0,
                    "emotion_source": source,
                }
            )
    df = with_metric_cols(pd.DataFrame(rows))
    df["n"] = df["n_emotion"]
    df["pain_point"] = df["emotion_mean"] < -0.5
    return df


def heatmap_frame(metric: str = "nps") -> pd.DataFrame:
    cells = [
        # position, touchpoint, column, column_position, value, n
        (1, "Ad", "B2B", 1, 40.0, 50),
        (1, "Ad", "B2C", 2, -10.0, 12),
        (2, "Checkout", "B2B", 1, -55.0, 80),
        (2, "Checkout", "B2C", 2, 5.0, 31),
    ]
    df = pd.DataFrame(cells, columns=["position", "touchpoint", "column", "column_position",
                                      "value", "n"])  # fmt: skip
    df["reliable"] = df["n"] >= 30
    df["metric"] = metric
    df["by"] = "segment"
    return df


def lanes_frame() -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "position": [1, 2, 3],
            "touchpoint": ["Comparison website visit", "Online application", "Support call"],
            "stage": ["Consider", "Purchase", "Service"],
            "goal": ["Compare fees quickly and easily", "Open an account", "Get help"],
            "channel": ["Web", "App", "Phone"],
            "owner": ["Marketing", "Digital", "Customer care"],
            "target_csat": [70.0, 80.0, 75.0],
            "volume": [1000, 400, 350],
            "volume_source": ["events"] * 3,
            "n_responses": [120, 90, 10],
            "promoters": [60, 10, 5], "passives": [40, 20, 3], "detractors": [20, 60, 2],
            "n_csat": [120, 90, 10], "csat_top2": [96, 20, 8],
            "n_emotion": [120, 90, 10], "emotion_sum": [84.0, -90.0, 5.0],
            "emotion_sumsq": [150.0, 180.0, 8.0],
            "themes": ["fees, clear", "slow, form, error", ""],
            "pain_reasons": ["", "below_target,low_emotion,volume_drop", ""],
        }
    )  # fmt: skip
    df["n_nps"] = df["promoters"] + df["passives"] + df["detractors"]
    df = with_metric_cols(df)
    df["n"] = df["n_responses"]
    df["pain_point"] = df["pain_reasons"] != ""
    return df
