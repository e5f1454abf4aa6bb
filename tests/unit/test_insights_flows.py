"""Flow maths (journeylens/domain/flows.py) on hand-made pair counts: nodes, links, (other),
(left), and the Sankey layout's geometry."""

from __future__ import annotations

import pandas as pd
import pytest

from journeylens.domain.flows import LEFT, OTHER, FlowSpec, build_flow, flow_from_pairs, layout

# 10 customers: step 1 A (6) / B (3) / C (1); step 2 from A: B 4, C 1; from B: A 2; from C: A 1
PAIRS = pd.DataFrame(
    [(1, None, "A", 6), (1, None, "B", 3), (1, None, "C", 1),
     (2, "A", "B", 4), (2, "A", "C", 1), (2, "B", "A", 2), (2, "C", "A", 1),
     (3, "B", "C", 3)],
    columns=["step", "source", "target", "customers"],
)  # fmt: skip


def test_top_other_and_left():
    flow = build_flow(PAIRS, steps=3, top=1)
    nodes = {(s, tp): n for s, tp, n in flow.nodes.itertuples(index=False)}
    assert nodes == {
        (1, "A"): 6, (1, OTHER): 4,
        (2, "B"): 4, (2, OTHER): 4, (2, LEFT): 2,
        (3, "C"): 3, (3, LEFT): 5,
    }  # fmt: skip
    links = {(s, a, b): n for s, a, b, n in flow.links.itertuples(index=False)}
    assert links == {
        (1, "A", "B"): 4, (1, "A", OTHER): 1, (1, "A", LEFT): 1,
        (1, OTHER, OTHER): 3, (1, OTHER, LEFT): 1,
        (2, "B", "C"): 3, (2, "B", LEFT): 1, (2, OTHER, LEFT): 4,
    }  # fmt: skip


def test_converter_groups_share_the_nodes_of_the_whole_flow():
    pairs = pd.concat([PAIRS.assign(converted=True), PAIRS.assign(converted=False, customers=1)])
    flow = flow_from_pairs(pairs, FlowSpec(steps=2, top=1))
    # with ones everywhere the non-converters' own top would tie; the whole flow picks A
    assert set(flow.groups["not_converted"].nodes["touchpoint"]) <= {"A", "B", OTHER, LEFT}
    assert flow.present(1) == 10 + 3
    assert flow.groups["converted"].present(1) + flow.groups["not_converted"].present(1) == 13


@pytest.mark.parametrize("top", [1, 2, 4])
def test_layout_bands_fit_their_nodes(top):
    flow = build_flow(PAIRS, steps=3, top=top)
    rects, bands = layout(flow, width=600, height=300, points=5)
    unit = (rects["y1"] - rects["y0"]) / rects["customers"]
    assert unit.round(9).nunique() == 1  # one scale: height = customers
    assert rects.groupby("step")["y1"].max().max() <= 300 + 1e-9
    ends = bands.groupby("link").agg(
        step=("step", "first"), a=("from", "first"), b=("to", "first"),
        y0_first=("y0", "first"), y1_first=("y1", "first"),
        y0_last=("y0", "last"), y1_last=("y1", "last"),
    )  # fmt: skip
    r = rects.set_index(["step", "touchpoint"])
    for row in ends.itertuples():
        src, dst = r.loc[(row.step, row.a)], r.loc[(row.step + 1, row.b)]
        assert src.y0 - 1e-9 <= row.y0_first and row.y1_first <= src.y1 + 1e-9
        assert dst.y0 - 1e-9 <= row.y0_last and row.y1_last <= dst.y1 + 1e-9
    # the bands leaving a node fill it without overlap
    out = ends.assign(h=ends.y1_first - ends.y0_first).groupby(["step", "a"])["h"].sum()
    for (step, a), h in out.items():
        assert h == pytest.approx(r.loc[(step, a)].y1 - r.loc[(step, a)].y0)
    assert len(bands) == 5 * len(flow.links)
