"""XES event logs (IEEE 1849): one CSV row per event, named the way pm4py names them (trace
attributes as `case:<key>`, event attributes as `<key>`).

Streamed in two passes with bounded memory: the first parses the XML once, keeps only the distinct
attribute keys (each becomes a column, so their number is held to the column limit) and spills each
event as a short JSON line; the second writes the CSV, whose size is known before it starts and is
held to the staging limit. A log that adds a new key on every event is refused at the first key
past the limit, not after writing a file of empty columns.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree

from journeylens.services.ingest import limits
from journeylens.services.ingest.model import IngestError

_CHECK_EVERY = 5000  # events between two checks of the CSV's expected size


def to_csv(source: bytes | Path, filename: str, tmp: str) -> str:
    max_keys = limits.limit("columns").count()
    max_bytes = limits.limit("staging").bytes()
    spill = Path(tmp) / "events.jsonl"
    columns: dict[str, int] = {}
    trace: dict[str, str] = {}
    depth = 0
    events = 0
    chars = 0
    root = None
    try:
        stream = io.BytesIO(source) if isinstance(source, bytes | bytearray) else open(source, "rb")  # noqa: SIM115
        with stream, open(spill, "w", encoding="utf-8") as out:
            for event, elem in ElementTree.iterparse(stream, events=("start", "end")):
                tag = elem.tag.rsplit("}", 1)[-1]
                if event == "start":
                    if root is None:
                        root = elem
                    if tag in ("trace", "event"):
                        depth += 1
                        if tag == "trace":
                            trace = {}
                    continue
                if tag == "event":
                    row = dict(trace)
                    for child in elem:
                        key = child.get("key")
                        if key is not None and child.get("value") is not None:
                            row[key] = child.get("value", "")
                    for key in row:
                        if key not in columns:
                            if len(columns) >= max_keys:
                                raise limits.exceeded("columns", filename, code="limit_xes_keys")
                            columns[key] = len(columns)
                    out.write(json.dumps([x for k, v in row.items() for x in (columns[k], v)]))
                    out.write("\n")
                    events += 1
                    chars += sum(len(v) for v in row.values())
                    if events % _CHECK_EVERY == 0 and chars + events * len(columns) > max_bytes:
                        raise limits.exceeded("staging", filename)
                    elem.clear()
                    depth -= 1
                elif tag == "trace":
                    depth -= 1
                    elem.clear()
                    if root is not None:
                        root.clear()  # drop the finished traces: memory stays flat
                elif depth == 1 and tag != "event" and elem.get("key") is not None:
                    trace[f"case:{elem.get('key')}"] = elem.get("value", "")
    except ElementTree.ParseError as exc:
        raise IngestError("read_failed", filename, detail=f"not a valid XES file: {exc}") from exc
    if not events:
        raise IngestError("no_rows", filename)
    # Every cell is written, so each row costs a comma per column besides its values.
    if chars + events * len(columns) > max_bytes:
        raise limits.exceeded("staging", filename)
    out_path = str(Path(tmp) / "log.csv")
    width = len(columns)
    with (
        open(spill, encoding="utf-8") as src,
        open(out_path, "w", encoding="utf-8", newline="") as fh,
    ):
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(list(columns))
        for line in src:
            pairs = json.loads(line)
            values = [""] * width
            for i in range(0, len(pairs), 2):
                values[pairs[i]] = pairs[i + 1]
            writer.writerow(values)
    spill.unlink(missing_ok=True)
    return out_path
