# Shared by run.sh and test.sh: make sure .venv exists and holds requirements.txt + kzclusters.
# Works on a fresh Debian/Ubuntu machine with only Python 3.11+ (installs python3-venv with apt
# when the venv module is missing and we are root). Source it; it exports PY (the venv's python).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${KZ_VENV:-$ROOT/.venv}"
BASE_PY="${PYTHON:-python3}"

if ! command -v "$BASE_PY" >/dev/null 2>&1; then
  echo "error: $BASE_PY not found; install Python 3.11 or newer (e.g. apt-get install python3)" >&2
  exit 1
fi
if ! "$BASE_PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  echo "error: kzclusters needs Python 3.11+; $BASE_PY is $("$BASE_PY" -V 2>&1)." \
       "Set PYTHON=/path/to/python3.11 and run again." >&2
  exit 1
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "==> creating virtual environment $VENV"
  if ! "$BASE_PY" -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      ver="$("$BASE_PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
      echo "==> installing python3-venv with apt"
      apt-get update -qq && (apt-get install -y -qq "python${ver}-venv" || apt-get install -y -qq python3-venv)
      "$BASE_PY" -m venv "$VENV"
    else
      echo "error: the venv module is missing. Install it (sudo apt-get install python3-venv) and run again." >&2
      exit 1
    fi
  fi
fi
PY="$VENV/bin/python"
export PY

# Reinstall only when requirements.txt or pyproject.toml changed since the last install.
STAMP="$VENV/.kzclusters-installed"
want="$(cat requirements.txt pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$want" ]; then
  echo "==> installing requirements (first run takes a few minutes)"
  "$PY" -m pip install --quiet --upgrade pip
  "$PY" -m pip install --quiet -r requirements.txt
  "$PY" -m pip install --quiet --no-deps --no-build-isolation -e . 2>/dev/null \
    || "$PY" -m pip install --quiet --no-deps -e .
  echo "$want" > "$STAMP"
fi
