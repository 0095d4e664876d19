"""Serve notebooks/ with Voilà, with ``/`` redirecting to the landing notebook.

Used by ``run.sh``: ``python scripts/serve.py [voila options]``.  Voilà's own tree
page would otherwise greet visitors at ``/``; the workbook starts at
``00_index.ipynb`` and its links reach the other notebooks at
``/voila/render/<name>.ipynb``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import tornado.web
from jupyter_server.utils import url_path_join
from voila.app import Voila

ROOT = Path(__file__).resolve().parents[1]
LANDING = "voila/render/00_index.ipynb"


class WorkbookVoila(Voila):
    """Voilà serving the notebooks folder, with ``/`` sent to the landing page."""

    def init_handlers(self):
        handlers = super().init_handlers()
        landing = url_path_join(self.server_url, LANDING)
        return [(self.server_url.rstrip("/") + "/?", tornado.web.RedirectHandler, {"url": landing})] + handlers


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    app = WorkbookVoila.instance()
    app.initialize([str(ROOT / "notebooks"), *argv])
    app.start()


if __name__ == "__main__":
    main()
