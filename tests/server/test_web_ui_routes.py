"""The page's own routes: the static web UI (and nothing outside ``web/``), the list of
downloadable files and the cut list."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from cadstream.server.web_ui import WEB_DIR, add_web_ui

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.timeout(120)]

#: Ways out of the served folders; each must be refused, never answered with the file.
ESCAPES = [
    "/app/../../setup.py",
    "/app/%2e%2e/%2e%2e/setup.py",
    "/app/..%2f..%2fsetup.py",
    "/app/%2e%2e%2f%2e%2e%2fsetup.py",
    "/vendor/three/../../package.json",
    "/vendor/three/%2e%2e/%2e%2e/index.html",
    "/app//etc/passwd",
    "/app/%2fetc%2fpasswd",
    "/vendor/three/../../../../etc/passwd",
    "/vendor/three/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/app/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
]


async def _raw_get(client: TestClient, path: str) -> tuple[int, bytes]:
    """GET ``path`` exactly as written: client libraries would normalise the dots away."""
    reader, writer = await asyncio.open_connection(client.host, client.port)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                     .encode())
        await writer.drain()
        answer = await asyncio.wait_for(reader.read(), timeout=10)
    finally:
        writer.close()
    status = int(answer.split(b" ", 2)[1])
    return status, answer.partition(b"\r\n\r\n")[2]


def _ui_app(web_dir: Path = WEB_DIR) -> web.Application:
    app = web.Application()
    add_web_ui(app, web_dir)
    return app


async def test_the_page_and_its_modules_are_served() -> None:
    async with TestClient(TestServer(_ui_app())) as client:
        page = await client.get("/")
        assert page.status == 200
        assert page.content_type == "text/html"
        assert '<script type="importmap">' in await page.text()
        script = await client.get("/app/sse-manager.js")
        assert script.status == 200
        assert "class SSEManager" in await script.text()
        if (WEB_DIR / "node_modules" / "three").is_dir():
            three = await client.get("/vendor/three/build/three.module.js")
            assert three.status == 200


@pytest.mark.parametrize("path", ESCAPES)
async def test_no_path_escapes_the_web_folder(path: str) -> None:
    async with TestClient(TestServer(_ui_app())) as client:
        status, body = await _raw_get(client, path)
        assert status in (400, 403, 404), (path, status)
        assert b"setup(" not in body and b"root:" not in body
        assert b'"dependencies"' not in body and b"importmap" not in body


async def test_missing_three_says_how_to_install_it(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title>")
    async with TestClient(TestServer(_ui_app(tmp_path))) as client:
        assert (await client.get("/")).status == 200
        response = await client.get("/vendor/three/build/three.module.js")
        assert response.status == 503
        assert "npm ci --prefix web" in (response.reason or "")


async def test_downloads_lists_what_download_serves(client: TestClient) -> None:
    body = await (await client.get("/api/downloads")).json()
    files = body["files"]
    assert {"design.xlsx", "dxf.zip", "WindTurbine.obj"} <= set(files)
    for name in files:
        # Each listed name passes the download route's own check (only the parameters fail).
        response = await client.get(f"/api/download/{name}",
                                    params={"magnafpm.RotorDiskRadius": "0.2"})
        assert response.status == 422, name
    unlisted = await client.get("/api/download/NoSuchAssembly.obj")
    assert unlisted.status == 404


async def test_cut_list(client: TestClient) -> None:
    response = await client.get("/api/cutlist", params={"preset": "T Shape", "client": "cut"})
    assert response.status == 200
    entries = await response.json()
    by_name = {entry["name"]: entry for entry in entries}
    back = by_name["Rotor_Disk_Back"]
    assert back["material"] == "Steel" and back["count"] == 1
    assert back["width"] == pytest.approx(300) and back["height"] == pytest.approx(300)
    for entry in entries:
        assert set(entry) == {"name", "material", "thickness", "count", "width", "height"}


async def test_cut_list_with_bad_parameters(client: TestClient) -> None:
    response = await client.get("/api/cutlist", params={"magnafpm.RotorDiskRadius": "0.2"})
    assert response.status == 422
    assert (await response.json())["fields"][0]["name"] == "magnafpm.RotorDiskRadius"
