"""The demo's story in numbers: the mortgage journey, its personas and segments, how each
persona behaves and feels at each touchpoint, and the effects the insights pages should find
(journeylens/services/demo/__init__.py tells the story in words)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

JOURNEY_CSV = Path(__file__).resolve().parents[3] / "data" / "journey_mortgage.csv"

PERIOD_START = np.datetime64("2025-05-01T00:00:00", "s")
PERIOD_END = np.datetime64("2026-11-01T00:00:00", "s")  # exclusive: the data ends on 2026-10-31

PERSONAS = ("First-time buyer", "Home mover", "Remortgager", "Buy-to-let investor")
SEGMENTS = ("North", "South", "London", "Scotland")

# The personas as the demo workspace defines them (journeylens/services/personas.py): name,
# description, goals, pains; each assigns the rows whose persona column is its name.
PERSONA_PROFILES = (
    (
        "First-time buyer",
        "Buying a first home, usually with a small deposit and help from family.",
        "Understand how much they can borrow; a quick decision; guidance at every step.",
        "Underwriting questions they do not understand; calls about missing documents; jargon.",
    ),
    (
        "Home mover",
        "Selling one home and buying the next, with two timelines to keep in step.",
        "Line up the sale and the purchase; an offer that stays valid until completion.",
        "Waiting for the valuation; chains that slip; repeating what they already told the bank.",
    ),
    (
        "Remortgager",
        "An existing homeowner switching to a better rate when the current deal ends.",
        "A better rate with little effort; switching online, without a branch visit.",
        "Being asked for paperwork the bank already has; slow confirmations.",
    ),
    (
        "Buy-to-let investor",
        "A landlord financing a rental property.",
        "Rent that covers the payments; a clear answer on affordability.",
        "Stricter affordability checks; proof of rental income; a long full application.",
    ),
)
assert tuple(p[0] for p in PERSONA_PROFILES) == PERSONAS

# The steps every completed application passes through, in order: the demo's natural funnel.
# Branch meeting and the contact-centre call are optional touchpoints, not funnel steps.
FUNNEL_STEPS = (
    "Online application form",
    "Decision-in-principle email",
    "Full application",
    "Application received notice",
    "Binding offer letter",
    "Final confirmation",
)

ADVERT, REFERRAL, CALCULATOR = (
    "Rate advert",
    "Referral from a relative",
    "Online mortgage calculator",
)
BRANCH, FORM, DIP = "Branch meeting", "Online application form", "Decision-in-principle email"
FULL, RECEIVED = "Full application", "Application received notice"
CALL, OFFER = "Contact-centre call about missing information", "Binding offer letter"
FINAL, STATEMENT, PAYMENT_CHANGE = (
    "Final confirmation",
    "Annual statement",
    "Payment-change request",
)

# --- behaviour, per persona in PERSONAS order -------------------------------------------------
PERSONA_SHARES = np.array([0.36, 0.30, 0.24, 0.10])
SEGMENT_SHARES = np.array([0.32, 0.30, 0.23, 0.15])
P_APPLY = np.array([0.80, 0.82, 0.86, 0.76])
P_ADVERT = np.array([0.80, 0.72, 0.60, 0.70])
ADVERT_EXTRA = np.array([2.6, 2.2, 1.5, 1.9])  # Poisson mean of further advert impressions
P_REFERRAL = np.array([0.45, 0.25, 0.08, 0.15])
P_CALCULATOR = np.array([0.90, 0.78, 0.62, 0.72])
CALCULATOR_EXTRA = np.array([1.0, 0.6, 0.3, 0.7])  # Poisson mean of repeat visits
P_BRANCH = np.array([0.55, 0.45, 0.04, 0.30])
P_FORM_RETRY = 0.15  # an abandoned first attempt at the form before the real one
P_DIP = np.array([0.91, 0.94, 0.96, 0.91])
P_FULL = np.array([0.66, 0.72, 0.76, 0.50])  # given a decision in principle
P_FULL_LATE = 0.08  # completes the full application only after the 14-day window
P_CALL = np.array([0.45, 0.30, 0.22, 0.40])  # given a full application
P_CALL_AGAIN = 0.30
P_OFFER = np.array([0.88, 0.91, 0.95, 0.80])
P_FINAL = np.array([0.92, 0.91, 0.96, 0.86])
P_PAYMENT_CHANGE = np.array([0.12, 0.15, 0.20, 0.25])
LOAN_MEDIAN = np.array([185_000.0, 265_000.0, 210_000.0, 195_000.0])
SEGMENT_LOAN_FACTOR = np.array([0.85, 1.05, 1.65, 0.80])

# --- feelings ---------------------------------------------------------------------------------
# Latent sentiment per touchpoint (about the mean emotion on -2..+2) and effort (lowers CES).
SENTIMENT = {
    ADVERT: 0.2, REFERRAL: 1.0, CALCULATOR: 0.6, BRANCH: 0.9, FORM: 0.3, DIP: 0.7, FULL: -0.25,
    RECEIVED: 0.4, CALL: -1.0, OFFER: 0.9, FINAL: 1.2, STATEMENT: 0.1, PAYMENT_CHANGE: -0.1,
}  # fmt: skip
EFFORT = {BRANCH: 0.3, FORM: 0.4, FULL: 1.2, CALL: 1.3, PAYMENT_CHANGE: 0.6}
UNDERWRITING_STEPS = (DIP, FULL, CALL, OFFER)
# The insights story (see the module doc): a per-customer "how the call went" on N(0, 1).
STORY_STREAM = 14
CALL_EXPERIENCE = 0.8  # its weight in the latent sentiment of the customer's call answers
FINAL_FROM_CALL = 2.5  # its weight in their NPS answer at the final confirmation
LOST_OFFER_BELOW = -0.5  # a call that went this badly...
P_LOST_OFFER = 0.6  # ...loses the offer this often
FORM_DROP_FROM = np.datetime64("2026-10-01T00:00:00", "s")  # the form's bad last month
FORM_DROP = 1.0  # latent sentiment lost by the form's answers from then on
PERSONA_MOOD = np.array([-0.25, 0.0, 0.22, -0.12])
UNDERWRITING_MOOD = np.array([-0.35, 0.0, 0.05, -0.20])
UNDERWRITING_EFFORT = np.array([0.9, 0.2, 0.0, 0.3])
SEGMENT_MOOD = np.array([0.0, 0.05, -0.12, 0.10])
TREND = 0.38  # latent sentiment gained from the first to the last day of the period
SURVEY_RATE = {
    ADVERT: 0.08, REFERRAL: 0.35, CALCULATOR: 0.32, BRANCH: 0.45, FORM: 0.35, DIP: 0.32, FULL: 0.40,
    RECEIVED: 0.25, CALL: 0.50, OFFER: 0.42, FINAL: 0.50, STATEMENT: 0.30, PAYMENT_CHANGE: 0.40,
}  # fmt: skip
P_BLANK = {"nps": 0.15, "csat": 0.08, "ces": 0.30}
# The annual-statement e-mail is a relationship survey: it asks the NPS question and a comment only,
# so its emotion is derived from the NPS band (the one touchpoint of the demo where it is).
NPS_ONLY = (STATEMENT,)


def journey() -> pd.DataFrame:
    """The mortgage journey definition (data/journey_mortgage.csv), ordered by step."""
    df = pd.read_csv(JOURNEY_CSV, dtype={"stage_order": "int32", "step_order": "int32"})
    missing = set(SENTIMENT) - set(df["touchpoint"])
    if missing:
        raise ValueError(f"{JOURNEY_CSV.name} lacks touchpoints {sorted(missing)}")
    df["target_csat"] = df["target_csat"].astype("float64")
    return df.sort_values("step_order", ignore_index=True)
