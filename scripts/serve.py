"""Serve the workbook's notebooks with Voilà, hardened for the public.

Used by ``run.sh``: ``python scripts/serve.py [voila options]``.

* ``/`` redirects to the landing notebook ``00_index.ipynb``; notebooks are at
  ``/voila/render/<name>.ipynb`` and link to each other there.
* Only rendering is exposed: Voilà's directory listing (``/voila/tree``) and its
  contents API (``/voila/api/contents``) are not mounted, and ``/voila/files/``
  serves nothing (``file_allowlist`` is empty in ``voila.json``), so no
  ``.py``, ``.ipynb``, ``.csv`` or ``.git`` file and no path outside the
  notebooks folder can be downloaded.
* ``voila.json`` (read from the repository root) strips sources and hides
  tracebacks from viewers; Voilà itself refuses execute requests from the front
  end (only comm and kernel-info messages reach the kernel).

``KZ_NOTEBOOK_ROOT`` serves another folder (the benchmark uses it for its bare
notebook).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import tornado.web
from jupyter_server.utils import url_path_join
from voila.app import Voila

ROOT = Path(__file__).resolve().parents[1]
LANDING = "voila/render/00_index.ipynb"
HIDDEN = ("/voila/tree", "/voila/api/contents")


class NotFound(tornado.web.RequestHandler):
    """Answer 404 for everything routed here."""

    def prepare(self):
        raise tornado.web.HTTPError(404)


class WorkbookVoila(Voila):
    """Voilà serving the notebooks folder: ``/`` -> landing page, no listing or file API."""

    def init_handlers(self):
        handlers = []
        for h in super().init_handlers():
            pattern = h[0] if isinstance(h, tuple) else h.regex.pattern
            if any(pattern.startswith(url_path_join(self.server_url, p)) for p in HIDDEN):
                handlers.append((pattern, NotFound))
            elif pattern.rstrip("/") == self.server_url.rstrip("/") and isinstance(h, tuple) and len(h) == 3 \
                    and "voila_configuration" in h[2] and "template_paths" not in h[2]:
                continue  # the tree page at "/": replaced by the redirect below
            else:
                handlers.append(h)
        landing = url_path_join(self.server_url, LANDING)
        return [(self.server_url.rstrip("/") + "/?", tornado.web.RedirectHandler, {"url": landing})] + handlers


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.chdir(ROOT)  # voila.json is read from the working directory
    root = os.environ.get("KZ_NOTEBOOK_ROOT", str(ROOT / "notebooks"))
    app = WorkbookVoila.instance()
    app.initialize([root, *argv])
    app.start()


if __name__ == "__main__":
    main()
