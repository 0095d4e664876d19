#!/usr/bin/env bash
# Run the whole test suite: unit tests, doctests, data checks and every notebook executed.
# Usage: ./test.sh            (extra arguments go to pytest, e.g. ./test.sh -k harmonise)
source "$(dirname "$0")/scripts/env.sh"
export MPLBACKEND=Agg
"$PY" scripts/build_data.py --check

# The browser tests (tests/browser) drive Debian's Chromium through Playwright. Install it when missing
# and we can (root with apt); otherwise they skip locally and fail in CI (CI must run them).
CHROMIUM="${KZ_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> installing chromium with apt (for the browser tests)"
    apt_log="$(mktemp)"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$apt_log" 2>&1; then
      echo "warning: could not install chromium (see $apt_log); browser tests will skip locally, fail in CI" >&2
    fi
  else
    echo "warning: $CHROMIUM not found (install it: sudo apt-get install chromium);" \
         "browser tests will skip locally, fail in CI" >&2
  fi
fi
exec "$PY" -m pytest -q -p no:cacheprovider kzclusters tests --nbval-lax notebooks "$@"
