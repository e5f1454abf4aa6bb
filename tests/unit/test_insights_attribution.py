"""The Markov removal effect (journeylens/domain/attribution_models.py) against a brute-force sum over
every path of small absorbing chains, with and without each channel."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from journeylens.domain.attribution_models import (
    CONVERSION,
    NULL,
    START,
    chain_from_weights,
    combine,
    conversion_probability,
    removal_effects,
)


def brute_force(weights: dict[tuple[str, str], float], values: dict[str, float], removed=None):
    """(P(conversion), expected value) by walking the chain step by step: after n steps every
    path of length n has added its probability, kept per state (no matrix algebra), until the
    probability still walking is below 1e-15."""
    out: dict[str, dict[str, float]] = {}
    for (a, b), w in weights.items():
        out.setdefault(a, {})[b] = out.setdefault(a, {}).get(b, 0.0) + w
    prob = {a: {b: w / sum(t.values()) for b, w in t.items()} for a, t in out.items()}
    p_conv, value = 0.0, 0.0
    walking = {START: 1.0}
    for _ in range(1_000_000):
        if sum(walking.values()) < 1e-15:
            break
        nxt_walk: dict[str, float] = {}
        for state, p in walking.items():
            if state == removed:
                continue  # a journey that reaches the removed channel is lost
            for nxt, q in prob.get(state, {}).items():
                if nxt == CONVERSION:
                    p_conv += p * q
                    value += p * q * values.get(state, 0.0)
                elif nxt != NULL:
                    nxt_walk[nxt] = nxt_walk.get(nxt, 0.0) + p * q
        walking = nxt_walk
    return p_conv, value


def random_chain(rng: random.Random, k: int) -> tuple[pd.DataFrame, dict, dict]:
    names = [f"ch{i}" for i in range(k)]
    weights: dict[tuple[str, str], float] = {}
    for src in [START, *names]:
        for dst in [*names, CONVERSION, NULL]:
            if dst == START or src == dst or rng.random() < 0.35:
                continue
            if src == START and dst in (CONVERSION, NULL):
                continue
            weights[(src, dst)] = float(rng.randint(1, 20))
        weights.setdefault((src, NULL), 1.0)  # every state can leave
    mean = {c: float(rng.randint(1, 50)) for c in names}
    rows = [(a, b, w, w * mean[a] if b == CONVERSION else None) for (a, b), w in weights.items()]
    return pd.DataFrame(rows, columns=["source", "target", "weight", "value"]), weights, mean


@pytest.mark.parametrize("seed", range(12))
def test_exact_solution_matches_the_sum_over_paths(seed):
    rng = random.Random(seed)
    frame, weights, mean = random_chain(rng, rng.randint(2, 5))
    chain = chain_from_weights(frame)
    base = brute_force(weights, mean)
    assert conversion_probability(chain) == pytest.approx(base, rel=1e-9, abs=1e-12)
    effects = removal_effects(chain).set_index("touchpoint")
    for c in chain.channels:
        p, v = brute_force(weights, mean, removed=c)
        assert conversion_probability(chain, c) == pytest.approx((p, v), rel=1e-9, abs=1e-12)
        assert effects.loc[c, "removal_effect"] == pytest.approx(1 - p / base[0], abs=1e-9)
        assert effects.loc[c, "removal_effect_value"] == pytest.approx(1 - v / base[1], abs=1e-9)


def test_a_channel_on_every_converting_path_has_removal_effect_one():
    frame = pd.DataFrame(
        [(START, "a", 10, None), ("a", "b", 6, None), ("a", NULL, 4, None),
         ("b", CONVERSION, 3, 30.0), ("b", NULL, 3, None)],
        columns=["source", "target", "weight", "value"],
    )  # fmt: skip
    effects = removal_effects(chain_from_weights(frame)).set_index("touchpoint")
    assert effects["removal_effect"].to_dict() == {"a": 1.0, "b": 1.0}


def test_nothing_converts_gives_zero_credit():
    frame = pd.DataFrame(
        [(START, "a", 2, None), ("a", NULL, 2, None)],
        columns=["source", "target", "weight", "value"],
    )
    credits = pd.DataFrame(
        [("a", *[0.0] * 10)],
        columns=["touchpoint", "first_touch", "last_touch", "linear", "position_based",
                 "time_decay", "first_touch_value", "last_touch_value", "linear_value",
                 "position_based_value", "time_decay_value"],
    )  # fmt: skip
    result = combine(credits, frame)
    assert result.table["markov"].tolist() == [0.0]
    assert result.table["markov_removal_effect"].tolist() == [0.0]
