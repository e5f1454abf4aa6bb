#!/usr/bin/env bash
# The importer's property test at length: 5,000 generated files by default (about 15 minutes on
# 2 cores). Override with JOURNEYLENS_FUZZ_EXAMPLES=N. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
export JOURNEYLENS_FUZZ_EXAMPLES="${JOURNEYLENS_FUZZ_EXAMPLES:-5000}"
# and the funnel against its brute-force reference on 1,500 random cases (150 in make test)
JOURNEYLENS_FUNNEL_CASES="${JOURNEYLENS_FUNNEL_CASES:-1500}" .venv/bin/python -m pytest \
    tests/unit/test_funnel.py -q -p no:cacheprovider --timeout=0 -k brute_force
exec .venv/bin/python -m pytest tests/unit/test_fuzz_ingest.py -q -s -p no:cacheprovider \
    --hypothesis-show-statistics --timeout=0 "$@"
