#!/usr/bin/env bash
# Serve the workbook with Voilà on http://localhost:8866 (landing page: notebooks/00_index.ipynb).
# Usage: ./run.sh            (PORT=9000 ./run.sh for another port; extra arguments go to Voilà)
source "$(dirname "$0")/scripts/env.sh"
PORT="${PORT:-8866}"
echo "==> open http://localhost:${PORT}  (Ctrl+C to stop)"
exec "$PY" scripts/serve.py --port="$PORT" --no-browser "$@"
