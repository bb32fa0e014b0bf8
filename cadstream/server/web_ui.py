"""The browser UI as static files: ``/`` is ``web/index.html``, ``/app/`` the page's modules and
styles (``web/app``), ``/vendor/three/`` three.js from ``web/node_modules`` (put there by
``npm ci --prefix web``). Nothing outside those folders is served: aiohttp's static resources
resolve every path and refuse one that leaves its folder, and follow no symlinks out of it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from aiohttp import web

__all__ = ["WEB_DIR", "add_web_ui"]

_log = logging.getLogger(__name__)

#: The ``web/`` folder beside the package (the project is installed with ``pip install -e .``).
WEB_DIR = Path(__file__).resolve().parents[2] / "web"
_INSTALL_HINT = "run `npm ci --prefix web` in the project folder"


def add_web_ui(app: web.Application, web_dir: Path = WEB_DIR) -> None:
    """Serve the page from ``web_dir``; a missing part answers a JSON error that says what to do."""
    index = web_dir / "index.html"

    async def index_page(_request: web.Request) -> web.StreamResponse:
        if not index.is_file():
            raise web.HTTPNotFound(reason=f"the web UI is not installed ({index} is missing)")
        return web.FileResponse(index, headers={"Cache-Control": "no-cache"})

    app.router.add_get("/", index_page)
    if (web_dir / "app").is_dir():
        app.router.add_static("/app", web_dir / "app")
    three = web_dir / "node_modules" / "three"
    if three.is_dir():
        app.router.add_static("/vendor/three", three)
    else:
        _log.warning("three.js is missing from %s: %s", three.parent, _INSTALL_HINT)

        async def missing(_request: web.Request) -> web.StreamResponse:
            raise web.HTTPServiceUnavailable(reason=f"three.js is not installed: {_INSTALL_HINT}")

        app.router.add_get("/vendor/three/{tail:.*}", missing)
