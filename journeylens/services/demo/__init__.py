"""The demo workspace: a seeded, deterministic mortgage customer journey.

`build()` generates touchpoints, events and survey responses for a mortgage journey over 18 months
(May 2025 to October 2026) with the structure a manager should be able to find in the app:

- a clear drop-off at "Full application" (the largest step-to-step drop of the application funnel),
- an emotion dip at "Contact-centre call about missing information" (lowest emotion and CSAT),
- persona differences (first-time buyers find underwriting hard, remortgagers skip the branch,
  buy-to-let investors drop off more),
- NPS improving over the 18 months,
- what to fix first (journeylens/services/insights): how the contact-centre call went drives the customer's
  NPS at the final confirmation far more than any other touchpoint does, and the call is far
  below its CSAT target; a bad call also costs some offers;
- one alert: the online application form's scores drop sharply in the last month (October 2026,
  a broken release), taking its CSAT below target. Nothing else changes between the last two
  months beyond noise.

The story effects draw from their own stream (`PCG64([seed, STORY_STREAM])`), so the rest of the
data is what it was before they were added.

Everything is vectorised over customers (numpy `Generator(PCG64(seed))`); the only Python loops run
over touchpoints and comment pools, so the same seed always gives the same data.
`install()` writes the three frames into a workspace in one transaction.

story: the numbers behind all this; comment_bank: what customers write; generate: build();
workspace: install() and ensure(). The names callers use are re-exported here.
"""

from journeylens.services.demo.comment_bank import COMMENTS
from journeylens.services.demo.generate import DEFAULT_CUSTOMERS, DEFAULT_SEED, Demo, build
from journeylens.services.demo.story import (
    CALL,
    FINAL,
    FORM,
    FUNNEL_STEPS,
    OFFER,
    PAYMENT_CHANGE,
    PERSONAS,
    STATEMENT,
    journey,
)
from journeylens.services.demo.workspace import DEMO_WORKSPACE, content_sha256, ensure, install

__all__ = [
    "CALL",
    "COMMENTS",
    "DEFAULT_CUSTOMERS",
    "DEFAULT_SEED",
    "DEMO_WORKSPACE",
    "FINAL",
    "FORM",
    "FUNNEL_STEPS",
    "OFFER",
    "PAYMENT_CHANGE",
    "PERSONAS",
    "STATEMENT",
    "Demo",
    "build",
    "content_sha256",
    "ensure",
    "install",
    "journey",
]
