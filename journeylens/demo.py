"""The demo workspace: a seeded, deterministic mortgage customer journey.

`build()` generates touchpoints, events and survey responses for a mortgage journey over 18 months
(May 2025 to October 2026) with the structure a manager should be able to find in the app:

- a clear drop-off at "Full application" (the largest step-to-step drop of the application funnel),
- an emotion dip at "Contact-centre call about missing information" (lowest emotion and CSAT),
- persona differences (first-time buyers find underwriting hard, remortgagers skip the branch,
  buy-to-let investors drop off more),
- NPS improving over the 18 months,
- what to fix first (journeylens/insights): how the contact-centre call went drives the customer's
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
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from journeylens import sql, summaries
from journeylens.permissions import Access, require
from journeylens.store import Store, Workspace

DEMO_WORKSPACE = "Demo: mortgage journey"
DEFAULT_SEED = 7
DEFAULT_CUSTOMERS = 20_000
JOURNEY_CSV = Path(__file__).resolve().parent.parent / "data" / "journey_mortgage.csv"

PERIOD_START = np.datetime64("2025-05-01T00:00:00", "s")
PERIOD_END = np.datetime64("2026-11-01T00:00:00", "s")  # exclusive: the data ends on 2026-10-31

PERSONAS = ("First-time buyer", "Home mover", "Remortgager", "Buy-to-let investor")
SEGMENTS = ("North", "South", "London", "Scotland")
LANGUAGES = ("en", "vi", "ro")

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
LANGUAGE_SHARES = np.array([0.70, 0.15, 0.15])

# Comment bank: (touchpoint or "*" for any, polarity, English, Vietnamese, Romanian).
NEG, NEU, POS = 0, 1, 2
COMMENTS: tuple[tuple[str, int, str, str, str], ...] = (
    ("*", NEG, "Too slow and nobody kept me updated.",
     "Quá chậm và không ai cập nhật cho tôi.",
     "Prea lent și nimeni nu m-a ținut la curent."),
    ("*", NEG, "I had to give the same information twice.",
     "Tôi phải cung cấp lại cùng một thông tin hai lần.",
     "A trebuit să dau aceleași informații de două ori."),
    ("*", NEG, "Confusing, I did not know what happens next.",
     "Khó hiểu, tôi không biết bước tiếp theo là gì.",
     "Confuz, nu știam ce urmează."),
    ("*", NEG, "Took far longer than promised.",
     "Mất nhiều thời gian hơn đã hứa.",
     "A durat mult mai mult decât s-a promis."),
    ("*", NEU, "It was fine, nothing special.",
     "Cũng được, không có gì đặc biệt.",
     "A fost în regulă, nimic special."),
    ("*", NEU, "OK, did what I expected.",
     "Ổn, đúng như tôi mong đợi.",
     "OK, exact ce mă așteptam."),
    ("*", NEU, "Fine, but it could be quicker.",
     "Được, nhưng có thể nhanh hơn.",
     "În regulă, dar ar putea fi mai rapid."),
    ("*", POS, "Quick and easy, thank you.",
     "Nhanh chóng và dễ dàng, cảm ơn.",
     "Rapid și simplu, mulțumesc."),
    ("*", POS, "Clear and simple.",
     "Rõ ràng và đơn giản.",
     "Clar și ușor de înțeles."),
    ("*", POS, "Very helpful, I felt looked after.",
     "Rất hữu ích, tôi cảm thấy được quan tâm.",
     "Foarte util, m-am simțit pe mâini bune."),
    ("*", POS, "Better than I expected.",
     "Tốt hơn tôi mong đợi.",
     "Mai bine decât mă așteptam."),
    (ADVERT, NEG, "The advertised rate was not available to me.",
     "Lãi suất quảng cáo không áp dụng cho tôi.",
     "Dobânda din reclamă nu mi se aplica."),
    (ADVERT, POS, "The competitive rate caught my eye.",
     "Lãi suất cạnh tranh đã thu hút tôi.",
     "Dobânda competitivă mi-a atras atenția."),
    (REFERRAL, POS, "My sister recommended you and she was right.",
     "Chị gái tôi giới thiệu và chị ấy đã đúng.",
     "Sora mea v-a recomandat și a avut dreptate."),
    (CALCULATOR, POS, "The calculator gave me a clear monthly figure.",
     "Công cụ tính cho tôi con số trả hàng tháng rõ ràng.",
     "Calculatorul mi-a dat o rată lunară clară."),
    (CALCULATOR, NEU, "Useful, but I had to try it several times.",
     "Hữu ích nhưng tôi phải thử nhiều lần.",
     "Util, dar a trebuit să încerc de mai multe ori."),
    (CALCULATOR, NEG, "The calculator figures did not match the offer I got later.",
     "Số liệu của công cụ tính không khớp với đề nghị tôi nhận sau đó.",
     "Cifrele din calculator nu s-au potrivit cu oferta primită ulterior."),
    (BRANCH, POS, "The adviser explained every option patiently.",
     "Chuyên viên tư vấn giải thích mọi lựa chọn rất kiên nhẫn.",
     "Consilierul mi-a explicat răbdător toate opțiunile."),
    (BRANCH, NEG, "Had to wait two weeks for an appointment.",
     "Phải chờ hai tuần mới có lịch hẹn.",
     "A trebuit să aștept două săptămâni pentru o programare."),
    (FORM, NEG, "The form asked for things I did not have to hand.",
     "Biểu mẫu hỏi những thông tin tôi không có sẵn.",
     "Formularul cerea lucruri pe care nu le aveam la îndemână."),
    (FORM, POS, "Started my application in ten minutes.",
     "Bắt đầu hồ sơ chỉ trong mười phút.",
     "Mi-am început cererea în zece minute."),
    (DIP, POS, "Got my decision in principle within an hour!",
     "Nhận được quyết định sơ bộ chỉ trong một giờ!",
     "Am primit decizia de principiu într-o oră!"),
    (DIP, NEG, "The email was full of jargon.",
     "Email đầy thuật ngữ khó hiểu.",
     "E-mailul era plin de termeni greu de înțeles."),
    (FULL, NEG, "Uploading payslips kept failing and I gave up for a week.",
     "Tải phiếu lương lên liên tục bị lỗi nên tôi bỏ dở cả tuần.",
     "Încărcarea fluturașilor de salariu a eșuat mereu și am renunțat o săptămână."),
    (FULL, NEG, "Far too many documents requested, some of them twice.",
     "Yêu cầu quá nhiều giấy tờ, có cái phải nộp hai lần.",
     "Prea multe documente cerute, unele de două ori."),
    (FULL, NEG, "The form logged me out and I lost everything I had typed.",
     "Biểu mẫu tự đăng xuất và tôi mất hết những gì đã nhập.",
     "Formularul m-a deconectat și am pierdut tot ce scrisesem."),
    (FULL, NEU, "I did not know which bank statements you needed.",
     "Tôi không biết cần nộp sao kê ngân hàng nào.",
     "Nu știam ce extrase de cont vă trebuie."),
    (FULL, POS, "The document checklist made it easy.",
     "Danh sách giấy tờ cần nộp giúp mọi thứ dễ dàng.",
     "Lista de documente a făcut totul ușor."),
    (RECEIVED, NEU, "Got a reference number, but no timeline.",
     "Có mã hồ sơ nhưng không có mốc thời gian.",
     "Am primit numărul de referință, dar niciun termen."),
    (RECEIVED, POS, "Good to know it arrived.",
     "Yên tâm vì biết hồ sơ đã đến nơi.",
     "Bine de știut că a ajuns."),
    (CALL, NEG, "You called about a missing document I had already uploaded.",
     "Gọi cho tôi về giấy tờ còn thiếu mà tôi đã tải lên rồi.",
     "M-ați sunat pentru un document lipsă pe care îl încărcasem deja."),
    (CALL, NEG, "Waited 40 minutes on hold to fix one missing payslip.",
     "Chờ máy 40 phút chỉ để bổ sung một phiếu lương.",
     "Am așteptat 40 de minute la telefon pentru un singur fluturaș de salariu."),
    (CALL, NEG, "Nobody could tell me what was actually missing.",
     "Không ai nói được chính xác còn thiếu gì.",
     "Nimeni nu mi-a putut spune ce lipsește de fapt."),
    (CALL, NEG, "Third call this week and it is still not sorted.",
     "Cuộc gọi thứ ba trong tuần mà vẫn chưa xong.",
     "Al treilea apel săptămâna asta și tot nu s-a rezolvat."),
    (CALL, NEU, "The agent explained what was missing, but why not by email?",
     "Nhân viên giải thích thiếu gì, nhưng sao không gửi email?",
     "Operatorul mi-a explicat ce lipsește, dar de ce nu pe e-mail?"),
    (CALL, POS, "The agent was kind and sorted it in one call.",
     "Nhân viên rất nhiệt tình, giải quyết xong trong một cuộc gọi.",
     "Operatorul a fost amabil și a rezolvat totul dintr-un apel."),
    (OFFER, POS, "The offer arrived sooner than expected.",
     "Thư đề nghị đến sớm hơn dự kiến.",
     "Oferta a sosit mai repede decât mă așteptam."),
    (OFFER, NEG, "The offer letter was 20 pages of small print.",
     "Thư đề nghị dài 20 trang chữ nhỏ.",
     "Scrisoarea de ofertă avea 20 de pagini cu litere mici."),
    (FINAL, POS, "Keys in hand, thank you!",
     "Đã nhận chìa khóa, cảm ơn!",
     "Avem cheile, mulțumim!"),
    (FINAL, POS, "Completion day went smoothly.",
     "Ngày hoàn tất diễn ra suôn sẻ.",
     "Ziua finalizării a decurs fără probleme."),
    (STATEMENT, NEU, "The statement is hard to read but accurate.",
     "Sao kê khó đọc nhưng chính xác.",
     "Extrasul e greu de citit, dar e corect și complet."),
    (STATEMENT, NEG, "I could not understand the charges on my statement.",
     "Tôi không hiểu các khoản phí trong sao kê.",
     "Nu am înțeles comisioanele din extras."),
    (PAYMENT_CHANGE, NEG, "Could not change my payment date online, had to call.",
     "Không đổi được ngày thanh toán trên mạng, phải gọi điện.",
     "Nu am putut schimba data plății online, a trebuit să sun."),
    (PAYMENT_CHANGE, POS, "Changed my payment date in two minutes.",
     "Đổi ngày thanh toán chỉ mất hai phút.",
     "Am schimbat data plății în două minute."),
)  # fmt: skip

HOUR = 3600
DAY = 86400


@dataclass(frozen=True)
class Demo:
    touchpoints: pd.DataFrame
    events: pd.DataFrame
    responses: pd.DataFrame
    seed: int
    customers: int


def journey() -> pd.DataFrame:
    """The mortgage journey definition (data/journey_mortgage.csv), ordered by step."""
    df = pd.read_csv(JOURNEY_CSV, dtype={"stage_order": "int32", "step_order": "int32"})
    missing = set(SENTIMENT) - set(df["touchpoint"])
    if missing:
        raise ValueError(f"{JOURNEY_CSV.name} lacks touchpoints {sorted(missing)}")
    df["target_csat"] = df["target_csat"].astype("float64")
    return df.sort_values("step_order", ignore_index=True)


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


def _comments(rng: np.random.Generator, tp: np.ndarray, polarity: np.ndarray, names: list[str]):
    """One comment per row from the bank: touchpoint-specific where there is one, else generic."""
    bank = np.array([row[2:] for row in COMMENTS], dtype=object)
    lang = rng.choice(len(LANGUAGES), size=len(tp), p=LANGUAGE_SHARES)
    row = np.zeros(len(tp), dtype=np.int64)
    for code, name in enumerate(names):
        for pol in (NEG, NEU, POS):
            idx = np.flatnonzero((tp == code) & (polarity == pol))
            if not len(idx):
                continue
            own = [i for i, c in enumerate(COMMENTS) if c[0] == name and c[1] == pol]
            generic = [i for i, c in enumerate(COMMENTS) if c[0] == "*" and c[1] == pol]
            pool = np.array(own * 3 + generic)
            row[idx] = pool[rng.integers(len(pool), size=len(idx))]
    return bank[row, lang]


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
    comment[idx] = _comments(rng, r_tp[idx], polarity[idx], names)

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


def content_sha256(frame: pd.DataFrame) -> str:
    """A stable fingerprint of a frame's content (row order included)."""
    hashed = pd.util.hash_pandas_object(frame, index=False).to_numpy()
    digest = hashlib.sha256(hashed.tobytes())
    digest.update("|".join(frame.columns).encode())
    return digest.hexdigest()


def _with_src_row(frame: pd.DataFrame) -> pa.Table:
    table = pa.Table.from_pandas(frame, preserve_index=False)
    return table.append_column("src_row", pa.array(np.arange(1, len(frame) + 1, dtype=np.int64)))


def install(
    store: Store,
    access: Access,
    name: str = DEMO_WORKSPACE,
    *,
    seed: int = DEFAULT_SEED,
    customers: int = DEFAULT_CUSTOMERS,
) -> Workspace:
    """(Re)create the demo workspace: one transaction, one datasets row per table. Editors only:
    a reinstall replaces a workspace."""
    require(access, "demo.install")
    demo = build(seed, customers)
    existing = store.workspace(name)
    if existing is not None:
        store.delete_workspace(access, existing.workspace_id)
    frames = {"touchpoints": demo.touchpoints, "events": demo.events, "responses": demo.responses}
    with store.write(access, "demo.install") as cur:
        workspace_id = int(sql.run(cur, "workspace_create", name=name).iloc[0, 0])
        for kind, frame in frames.items():
            dataset_id = int(
                sql.run(
                    cur,
                    "dataset_insert",
                    workspace_id=workspace_id,
                    kind=kind,
                    source_name=f"demo: {kind} (seed {seed})",
                    sha256=content_sha256(frame),
                    source_format="generated",
                    rows_loaded=len(frame),
                    rows_rejected=0,
                    mapping="{}",
                ).iloc[0, 0]
            )
            view = f"demo_{kind}_src"
            cur.register(view, _with_src_row(frame))
            try:
                sql.execute(
                    cur, f"demo_insert_{kind}", workspace_id=workspace_id, dataset_id=dataset_id
                )
            finally:
                cur.unregister(view)
        # the unfiltered-view summaries, in this transaction, just before the bump they refer to
        summaries.refresh(cur, workspace_id, events_changed=True, responses_changed=True)
        sql.execute(cur, "workspace_bump", workspace_id=workspace_id)
    ws = store.workspace_by_id(workspace_id)
    assert ws is not None
    return ws


def ensure(store: Store, access: Access) -> Workspace:
    """First start (no workspace at all): install the demo. Otherwise open the demo if it is
    still there, else the first workspace. The server's start-up passes LOCAL (it acts for
    whoever runs the server, not for a visitor)."""
    workspaces = store.workspaces()
    if not workspaces:
        return install(store, access)
    return next((w for w in workspaces if w.name == DEMO_WORKSPACE), workspaces[0])
