"""The XES reader streams: the same rows as a whole-log flatten, refused at the first key past the
column limit."""

from __future__ import annotations

import csv
import random
from xml.sax.saxutils import quoteattr

import pytest

from journeylens.services import ingest
from journeylens.services.ingest import xes


def _log(rng: random.Random, traces: int) -> tuple[bytes, list[dict[str, str]]]:
    """A random log and the rows pm4py's naming gives it (trace attributes as case:<key>)."""
    parts, rows = [], []
    for t in range(traces):
        case = {"concept:name": f"case {t}", **{f"t{k}": f"tv{t}" for k in rng.sample(range(5), 2)}}
        attrs = "".join(
            f"<string key={quoteattr(k)} value={quoteattr(v)}/>" for k, v in case.items()
        )
        events = []
        for e in range(rng.randint(1, 4)):
            ev = {"concept:name": rng.choice(["Web", "Shop", "Call, \"quoted\""]),
                  "time:timestamp": f"2024-01-{1 + e:02d}T10:00:00"}  # fmt: skip
            ev.update({f"k{k}": f"{t}-{e}-{k}" for k in rng.sample(range(8), rng.randint(0, 3))})
            events.append(
                "<event>"
                + "".join(
                    f"<string key={quoteattr(k)} value={quoteattr(v)}/>" for k, v in ev.items()
                )
                + "</event>"
            )
            rows.append({**{f"case:{k}": v for k, v in case.items()}, **ev})
        parts.append(f"<trace>{attrs}{''.join(events)}</trace>")
    return f'<?xml version="1.0"?><log xes.version="1.0">{"".join(parts)}</log>'.encode(), rows


@pytest.mark.parametrize("seed", range(5))
def test_streamed_rows_equal_a_whole_log_flatten(seed, tmp_path):
    raw, expected = _log(random.Random(seed), 300)
    out = xes.to_csv(raw, "log.xes", str(tmp_path))
    with open(out, encoding="utf-8", newline="") as fh:
        got = list(csv.DictReader(fh))
    columns = list(dict.fromkeys(k for row in expected for k in row))
    assert list(got[0]) == columns  # first-seen order, as before
    assert got == [{c: row.get(c, "") for c in columns} for row in expected]
    assert not (tmp_path / "events.jsonl").exists()


def test_refused_at_the_first_key_past_the_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("JOURNEYLENS_MAX_COLUMNS", "50")
    raw, _ = _log(random.Random(1), 3)
    many = raw.replace(b"</log>", b"".join(
        b'<trace><event><string key="new%d" value="v"/></event></trace>' % i for i in range(100)
    ) + b"</log>")  # fmt: skip
    with pytest.raises(ingest.IngestError) as info:
        xes.to_csv(many, "log.xes", str(tmp_path))
    assert info.value.code == "limit_xes_keys" and "JOURNEYLENS_MAX_COLUMNS" in str(info.value)
    assert not (tmp_path / "log.csv").exists()  # nothing written past the spill
