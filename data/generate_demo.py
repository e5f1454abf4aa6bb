"""Write the demo mortgage journey as files, e.g. a larger set for benchmarks or upload tests.

    python data/generate_demo.py --out data/large --customers 1000000 --format parquet

Writes touchpoints, events and responses (.csv or .parquet) into --out. The data is the same as
the in-app demo for the same seed and customer count (journeylens.services.demo.build). Generated files are
not committed (data/large/ is git-ignored).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from journeylens.services import demo  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path, help="output directory")
    parser.add_argument("--customers", type=int, default=demo.DEFAULT_CUSTOMERS)
    parser.add_argument("--seed", type=int, default=demo.DEFAULT_SEED)
    parser.add_argument("--format", choices=("csv", "parquet"), default="csv")
    args = parser.parse_args(argv)
    if args.customers < 1:
        parser.error("--customers must be at least 1")

    started = time.perf_counter()
    data = demo.build(seed=args.seed, customers=args.customers)
    args.out.mkdir(parents=True, exist_ok=True)
    for kind in ("touchpoints", "events", "responses"):
        table = pa.Table.from_pandas(getattr(data, kind), preserve_index=False)
        path = args.out / f"{kind}.{args.format}"
        if args.format == "csv":
            pacsv.write_csv(table, path)
        else:
            pq.write_table(table, path, compression="zstd")
        print(f"{path}: {table.num_rows:,} rows")
    print(f"done in {time.perf_counter() - started:.1f} s (seed {args.seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
