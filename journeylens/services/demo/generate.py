"""The demo's data, drawn from its story: vectorised journeys (events) and survey answers
(responses) for a seeded number of customers."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from journeylens.services.demo.comment_bank import NEG, NEU, POS, pick_comments
from journeylens.services.demo.story import (
    ADVERT,
    ADVERT_EXTRA,
    BRANCH,
    CALCULATOR,
    CALCULATOR_EXTRA,
    CALL,
    CALL_EXPERIENCE,
    DIP,
    EFFORT,
    FINAL,
    FINAL_FROM_CALL,
    FORM,
    FORM_DROP,
    FORM_DROP_FROM,
    FULL,
    LOAN_MEDIAN,
    LOST_OFFER_BELOW,
    NPS_ONLY,
    OFFER,
    P_ADVERT,
    P_APPLY,
    P_BLANK,
    P_BRANCH,
    P_CALCULATOR,
    P_CALL,
    P_CALL_AGAIN,
    P_DIP,
    P_FINAL,
    P_FORM_RETRY,
    P_FULL,
    P_FULL_LATE,
    P_LOST_OFFER,
    P_OFFER,
    P_PAYMENT_CHANGE,
    P_REFERRAL,
    PAYMENT_CHANGE,
    PERIOD_END,
    PERIOD_START,
    PERSONA_MOOD,
    PERSONA_SHARES,
    PERSONAS,
    RECEIVED,
    REFERRAL,
    SEGMENT_LOAN_FACTOR,
    SEGMENT_MOOD,
    SEGMENT_SHARES,
    SEGMENTS,
    SENTIMENT,
    STATEMENT,
    STORY_STREAM,
    SURVEY_RATE,
    TREND,
    UNDERWRITING_EFFORT,
    UNDERWRITING_MOOD,
    UNDERWRITING_STEPS,
    journey,
)

DEFAULT_SEED = 7
DEFAULT_CUSTOMERS = 20_000
HOUR = 3600
DAY = 86400


@dataclass(frozen=True)
class Demo:
    touchpoints: pd.DataFrame
    events: pd.DataFrame
    responses: pd.DataFrame
    seed: int
    customers: int


class _Log:
    """Collects event columns touchpoint by touchpoint (customer index, touchpoint, time...)."""

    def __init__(self, names: list[str]) -> None:
        self.code = {name: i for i, name in enumerate(names)}
        self.parts: list[tuple[np.ndarray, ...]] = []

    def add(self, name: str, cust: np.ndarray, ts: np.ndarray, *, repeat=None, value=None) -> None:
        n = len(cust)
        self.parts.append(
            (
                cust.astype(np.int64),
                np.full(n, self.code[name], dtype=np.int16),
                ts.astype(np.int64),
                np.zeros(n, bool) if repeat is None else repeat,
                np.full(n, np.nan) if value is None else value,
            )
        )

    def columns(self) -> tuple[np.ndarray, ...]:
        return tuple(np.concatenate(col) for col in zip(*self.parts, strict=True))


def _start_days(rng: np.random.Generator, n: int, n_days: int) -> np.ndarray:
    """Application start days: growing volume, a spring peak, quieter weekends."""
    days = np.arange(n_days)
    dates = PERIOD_START.astype("datetime64[D]") + days
    doy = (dates - dates.astype("datetime64[Y]")).astype(int)
    weekday = (dates.astype(int) + 3) % 7  # 0 = Monday
    weight = (1 + 0.25 * days / n_days) * (1 + 0.18 * np.cos(2 * np.pi * (doy - 100) / 365))
    weight *= np.where(weekday == 5, 0.7, np.where(weekday == 6, 0.5, 1.0))
    return rng.choice(n_days, size=n, p=weight / weight.sum())


def _office(rng: np.random.Generator, t: np.ndarray, d0: int, d1: int, h0: float, h1: float):
    """A time d0..d1 whole days after the day of t, between h0 and h1 o'clock (so always after t)."""
    day = (t // DAY + rng.integers(d0, d1 + 1, size=len(t))) * DAY
    return day + (rng.uniform(h0, h1, size=len(t)) * HOUR).astype(np.int64)


def _events(rng: np.random.Generator, names: list[str], n: int, lost_offer: np.ndarray):
    """Vectorised journeys for n customers; returns event columns and per-customer attributes.
    lost_offer: customers whose bad contact-centre call (if they have one) costs the offer."""
    start = PERIOD_START.astype(np.int64)
    n_days = int((PERIOD_END - PERIOD_START) // np.timedelta64(1, "D"))
    persona = rng.choice(len(PERSONAS), size=n, p=PERSONA_SHARES)
    segment = rng.choice(len(SEGMENTS), size=n, p=SEGMENT_SHARES)
    mood = rng.normal(0.0, 0.35, size=n)
    hour = np.clip(rng.normal(14.0, 4.5, size=n), 6.5, 23.5)
    t0 = start + _start_days(rng, n, n_days) * DAY + (hour * HOUR).astype(np.int64)
    applies = rng.random(n) < P_APPLY[persona]
    log = _Log(names)
    everyone = np.arange(n)

    def chance(mask: np.ndarray, p) -> np.ndarray:
        return mask & (rng.random(n) < (p[persona] if isinstance(p, np.ndarray) else p))

    # Application stage: the form (sometimes after an abandoned first attempt), then the pipeline.
    retry = chance(applies, P_FORM_RETRY)
    t_retry = t0 - (rng.uniform(0.1, 3.0, size=n) * DAY).astype(np.int64)
    first_form = np.where(retry, t_retry, t0)
    branch = chance(applies, P_BRANCH)
    t_branch = (first_form // DAY - rng.integers(1, 7, size=n)) * DAY
    t_branch += (rng.uniform(9.0, 17.5, size=n) * HOUR).astype(np.int64)
    log.add(BRANCH, everyone[branch], t_branch[branch])
    log.add(FORM, everyone[retry], t_retry[retry])
    log.add(FORM, everyone[applies], t0[applies], repeat=retry[applies])
    dip = chance(applies, P_DIP)
    t_dip = t0 + np.minimum(rng.lognormal(np.log(1.5 * HOUR), 0.8, size=n), 2 * DAY).astype(
        np.int64
    )
    log.add(DIP, everyone[dip], t_dip[dip])
    full = chance(dip, P_FULL)
    late = rng.random(n) < P_FULL_LATE
    gap = np.where(late, rng.uniform(16, 40, size=n), 0.05 + rng.gamma(2.0, 1.2, size=n))
    t_full = t_dip + (gap * DAY).astype(np.int64)
    log.add(FULL, everyone[full], t_full[full])
    t_received = t_full + (rng.uniform(2, 90, size=n) * 60).astype(np.int64)
    log.add(RECEIVED, everyone[full], t_received[full])
    call = chance(full, P_CALL)
    t_call = _office(rng, t_received, 1, 4, 9.0, 18.0)
    call_again = chance(call, P_CALL_AGAIN)
    t_call2 = _office(rng, t_call, 1, 3, 9.0, 18.0)
    log.add(CALL, everyone[call], t_call[call])
    log.add(CALL, everyone[call_again], t_call2[call_again], repeat=np.ones(call_again.sum(), bool))
    offer = chance(full, P_OFFER)
    offer &= ~(call & (rng.random(n) < 0.05))  # missing information sinks a few more
    offer &= ~(call & lost_offer)  # and so does a call that went badly
    last_before_offer = np.where(call_again, t_call2, np.where(call, t_call, t_received))
    t_offer = _office(rng, last_before_offer, 2, 5, 8.0, 11.0)
    log.add(OFFER, everyone[offer], t_offer[offer])
    final = chance(offer, P_FINAL)
    t_final = _office(rng, t_offer, 1, 3, 9.0, 17.0)
    loan = LOAN_MEDIAN[persona] * SEGMENT_LOAN_FACTOR[segment] * rng.lognormal(0, 0.35, size=n)
    log.add(FINAL, everyone[final], t_final[final], value=np.round(loan[final], -3))

    # Before the application (or instead of it): adverts, referrals, the calculator.
    t_first = np.where(branch, t_branch, first_form)
    advert_n = (rng.random(n) < P_ADVERT[persona]) * (1 + rng.poisson(ADVERT_EXTRA[persona]))
    who = np.repeat(everyone, advert_n)
    log.add(ADVERT, who, t_first[who] - (rng.uniform(1.0, 60.0, len(who)) * DAY).astype(np.int64))
    referral = chance(np.ones(n, bool), P_REFERRAL)
    t_referral = t_first - (rng.uniform(3.0, 45.0, size=n) * DAY).astype(np.int64)
    log.add(REFERRAL, everyone[referral], t_referral[referral])
    calc_n = (rng.random(n) < P_CALCULATOR[persona]) * (1 + rng.poisson(CALCULATOR_EXTRA[persona]))
    who = np.repeat(everyone, calc_n)
    ago = (0.1 + rng.gamma(1.5, 4.0, size=len(who))) * DAY
    first_visit = np.r_[True, who[1:] != who[:-1]] if len(who) else np.zeros(0, bool)
    log.add(CALCULATOR, who, t_first[who] - ago.astype(np.int64), repeat=~first_visit)

    # Ownership: the annual statement a year on, and some payment changes.
    t_statement = _office(rng, t_final, 365, 379, 7.0, 9.0)
    log.add(STATEMENT, everyone[final], t_statement[final])
    change = chance(final, P_PAYMENT_CHANGE)
    t_change = t_final + (rng.uniform(25, 400, size=n) * DAY).astype(np.int64)
    log.add(PAYMENT_CHANGE, everyone[change], t_change[change])

    cust, tp, ts, repeat, value = log.columns()
    keep = (ts >= start) & (ts < PERIOD_END.astype(np.int64))
    cust, tp, ts, repeat, value = cust[keep], tp[keep], ts[keep], repeat[keep], value[keep]
    order = np.lexsort((tp, ts, cust))
    cols = (cust[order], tp[order], ts[order], repeat[order], value[order])
    return cols, persona, segment, mood, call


def _labels(values: tuple[str, ...] | list[str], codes: np.ndarray) -> pd.array:
    return pd.array(np.asarray(values, dtype=object)[codes], dtype="str")


def build(seed: int = DEFAULT_SEED, customers: int = DEFAULT_CUSTOMERS) -> Demo:
    """Generate the demo journey's touchpoints, events and responses (deterministic per seed)."""
    if customers < 1:
        raise ValueError("customers must be at least 1")
    rng = np.random.Generator(np.random.PCG64(seed))
    story = np.random.Generator(np.random.PCG64([seed, STORY_STREAM]))
    call_experience = story.normal(0.0, 1.0, size=customers)
    lost_offer = (call_experience < LOST_OFFER_BELOW) & (story.random(customers) < P_LOST_OFFER)
    touchpoints = journey()
    names = touchpoints["touchpoint"].tolist()
    channels = touchpoints["channel"].tolist()
    (cust, tp, ts, repeat, value), persona, segment, mood, had_call = _events(
        rng, names, customers, lost_offer
    )
    width = max(6, len(str(customers)))
    customer_ids = np.char.add("C", np.char.zfill(np.arange(1, customers + 1).astype(str), width))
    code = {name: i for i, name in enumerate(names)}
    final = code[FINAL]

    events = pd.DataFrame(
        {
            "customer_id": pd.array(customer_ids[cust].astype(object), dtype="str"),
            "touchpoint": _labels(names, tp),
            "ts": ts.astype("datetime64[s]"),
            "channel": _labels(channels, tp),
            "persona": _labels(PERSONAS, persona[cust]),
            "segment": _labels(SEGMENTS, segment[cust]),
            "value": value,
            "converted": tp == final,
        }
    )

    # Surveys: a share of touches, answered shortly afterwards, before the period ends.
    rate = np.array([SURVEY_RATE[name] for name in names])
    asked = np.flatnonzero(rng.random(len(tp)) < rate[tp])
    delay = np.minimum(rng.lognormal(np.log(3 * HOUR), 1.2, size=len(asked)), 5 * DAY)
    submitted = ts[asked] + delay.astype(np.int64)
    inside = submitted < PERIOD_END.astype(np.int64)
    asked, submitted = asked[inside], submitted[inside]
    r_cust, r_tp, m = cust[asked], tp[asked], len(asked)
    p, s = persona[r_cust], segment[r_cust]

    underwriting = np.isin(r_tp, [code[x] for x in UNDERWRITING_STEPS])
    frac = (ts[asked] - PERIOD_START.astype(np.int64)) / (PERIOD_END - PERIOD_START).astype(float)
    after_call = had_call[r_cust] & np.isin(r_tp, [code[OFFER], code[FINAL]])
    latent = (
        np.array([SENTIMENT[name] for name in names])[r_tp]
        + PERSONA_MOOD[p]
        + UNDERWRITING_MOOD[p] * underwriting
        + SEGMENT_MOOD[s]
        + TREND * (frac - 0.5)
        + mood[r_cust]
        - 0.25 * after_call
        - 0.4 * (repeat[asked] & (r_tp == code[CALL]))
        + rng.normal(0.0, 0.75, size=m)
    )
    # the insights story: how the call went, and the form's bad last month
    latent += CALL_EXPERIENCE * call_experience[r_cust] * (r_tp == code[CALL])
    latent -= FORM_DROP * ((r_tp == code[FORM]) & (submitted >= FORM_DROP_FROM.astype(np.int64)))
    from_call = FINAL_FROM_CALL * call_experience[r_cust] * (had_call[r_cust] & (r_tp == final))
    effort = np.array([EFFORT.get(name, 0.0) for name in names])[r_tp]
    effort += UNDERWRITING_EFFORT[p] * underwriting
    emotion = np.clip(np.rint(latent), -2, 2) + 0.0  # no -0.0
    csat = np.clip(np.rint(3.55 + 0.95 * latent + rng.normal(0, 0.55, m)), 1, 5)
    nps = np.clip(np.rint(7.4 + 1.55 * latent + from_call + rng.normal(0, 1.3, m)), 0, 10)
    ces = np.clip(np.rint(5.0 + 0.75 * latent - effort + rng.normal(0, 0.9, m)), 1, 7)
    scores = {}
    nps_only = np.isin(r_tp, [code[x] for x in NPS_ONLY])
    for col, values in (("nps", nps), ("csat", csat), ("ces", ces)):
        blank = (rng.random(m) < P_BLANK[col]) | (nps_only & (col != "nps"))
        scores[col] = pd.array(np.where(blank, np.nan, values), dtype="Float64").astype("Int8")
    asked_emotion = np.where(nps_only, np.nan, emotion)  # comments still follow the mood

    polarity = np.where(emotion <= -1, NEG, np.where(emotion >= 1, POS, NEU))
    commented = rng.random(m) < 0.28 + 0.22 * (polarity == NEG)
    comment = np.full(m, None, dtype=object)
    idx = np.flatnonzero(commented)
    comment[idx] = pick_comments(rng, r_tp[idx], polarity[idx], names)

    order = np.lexsort((r_tp, r_cust, submitted))
    response_ids = np.char.add("R", np.char.zfill(np.arange(1, m + 1).astype(str), 7))
    responses = pd.DataFrame(
        {
            "response_id": pd.array(response_ids.astype(object), dtype="str"),
            "customer_id": pd.array(customer_ids[r_cust[order]].astype(object), dtype="str"),
            "touchpoint": _labels(names, r_tp[order]),
            "submitted_at": submitted[order].astype("datetime64[s]"),
            "nps": scores["nps"][order],
            "csat": scores["csat"][order],
            "ces": scores["ces"][order],
            "emotion": pd.array(asked_emotion[order], dtype="Float64"),
            "comment": pd.array(comment[order], dtype="str"),
            "persona": _labels(PERSONAS, p[order]),
            "segment": _labels(SEGMENTS, s[order]),
            "channel": _labels(channels, r_tp[order]),
        }
    )
    return Demo(touchpoints, events, responses, seed, customers)
