#!/usr/bin/env bash
# Run the whole test suite: unit tests, doctests, data checks and every notebook executed.
# Usage: ./test.sh            (extra arguments go to pytest, e.g. ./test.sh -k harmonise)
source "$(dirname "$0")/scripts/env.sh"
export MPLBACKEND=Agg
"$PY" scripts/build_data.py --check
exec "$PY" -m pytest -q -p no:cacheprovider kzclusters tests --nbval-lax notebooks "$@"
