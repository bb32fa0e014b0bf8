"""The web UI in a real headless Chromium (Debian's), driven by Playwright, against a real server.

One ``cadstream serve`` subprocess (real worker processes, real CadQuery) serves the module; its
``jobs.step_delay`` test setting slows each build step so that a run can be caught mid-way. Each
test gets a fresh browser context (its own page, so its own client id) and fails on any console
error. Screenshots of every tab land in ``test-artifacts/web/``.
"""

from __future__ import annotations

import io
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

try:
    from playwright import sync_api
except ImportError:  # CI installs it with the test extra: there, a missing one is a failure.
    if os.environ.get("CI"):
        raise
    pytest.skip("Playwright for Python is not installed", allow_module_level=True)

pytestmark = pytest.mark.timeout(90)

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "web"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: Seconds each build step pauses: a fresh design takes a few seconds, so a test can change
#: parameters while it runs.
STEP_DELAY = 0.05
ALTERNATOR_PARTS = {"Stator_Coils", "Stator_ResinCast", "Rotor_Disk_Back", "Rotor_ResinCast_Back",
                    "Rotor_Magnets_Back", "Hub_Flange", "Hub_StubAxleShaft", "Studs_Hub"}
#: Expected in one test on purpose: the browser logs every 4xx answer to fetch().
INVALID_ANSWER = "status of 422"

MESH_NAMES = """() => {
  const names = [];
  const model = window.cadstream.scene.getObjectByName("Model");
  model?.traverse((o) => { if (o.isMesh) names.push(o.name); });
  return names;
}"""
#: Where a part's middle is on the screen (the pointer over it shows a part's name).
PART_ON_SCREEN = """(name) => {
  const scene = window.cadstream.scene;
  const mesh = scene.getObjectByName(name);
  const middle = mesh.geometry.boundingBox.getCenter(mesh.position.clone());
  middle.applyMatrix4(mesh.matrixWorld).project(scene.getObjectByName("Camera"));
  const r = document.querySelector("#viewer canvas").getBoundingClientRect();
  return [r.left + (middle.x + 1) / 2 * r.width, r.top + (1 - middle.y) / 2 * r.height];
}"""
SHOWN_ASSEMBLY = "() => window.cadstream.scene.getObjectByName('Model')?.userData.assembly ?? null"


def _require_browser() -> None:
    if not CHROMIUM.exists() or not (ROOT / "web" / "node_modules" / "three").is_dir():
        message = ("the browser tests need Debian's chromium and `npm ci --prefix web` "
                   "(.ci/run installs both)")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require_browser()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    config = tmp_path_factory.mktemp("web") / "config.toml"
    config.write_text(f"[server]\nhost = \"127.0.0.1\"\nport = {port}\n"
                      f"[jobs]\nworkers = 2\ntimeout = 120.0\ncancel_grace = 1.0\n"
                      f"idle_grace = 0.5\nstep_delay = {STEP_DELAY}\n")
    base = f"http://127.0.0.1:{port}"
    with (ARTIFACTS / "server.log").open("w") as log:
        process = subprocess.Popen([sys.executable, "-m", "cadstream", "serve", "--config",
                                    str(config)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    _get_json(f"{base}/api/health")
                    break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError("cadstream serve did not start: see "
                                           f"{ARTIFACTS / 'server.log'}") from None
                    time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                              timeout=30_000)
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """A page of the UI and what its console said."""

    page: Any
    base: str
    errors: list[str] = field(default_factory=list)

    def open(self, query: str = "") -> None:
        self.page.goto(f"{self.base}/{query}")
        self.page.wait_for_function("() => window.cadstream?.ready === true")

    def wait_for_model(self, assembly: str = "WindTurbine", timeout: float = 45_000) -> None:
        self.page.wait_for_function(f"() => ({SHOWN_ASSEMBLY})() === {assembly!r} && "
                                    "document.querySelector('.progress[data-stream=visualize]')"
                                    ".classList.contains('done')", timeout=timeout)

    def mesh_names(self) -> list[str]:
        names: list[str] = self.page.evaluate(MESH_NAMES)
        return names

    def progress(self, stream: str) -> tuple[float, str]:
        value, text = self.page.evaluate(
            "(s) => { const r = document.querySelector(`.progress[data-stream=${s}]`);"
            " return [r.querySelector('progress').value, r.querySelector('.progress-text')"
            ".textContent]; }", stream)
        return float(value), str(text)

    def screenshot(self, name: str) -> None:
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))

    def log(self) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = self.page.evaluate("() => window.cadstream.sseLog")
        return entries


@pytest.fixture
def tab(browser: Any, server: str) -> Iterator[Tab]:
    # A HiDPI screen, so the test also sees the viewer render at the device pixel ratio.
    context = browser.new_context(viewport={"width": 1400, "height": 900},
                                  device_scale_factor=2, accept_downloads=True)
    context.set_default_timeout(30_000)
    page = context.new_page()
    opened = Tab(page, server)
    page.on("console", lambda message: opened.errors.append(message.text)
            if message.type == "error" else None)
    page.on("pageerror", lambda error: opened.errors.append(f"uncaught: {error}"))
    try:
        yield opened
    finally:
        context.close()


def _obj_names(base: str, query: str) -> set[str]:
    with urllib.request.urlopen(f"{base}/api/download/WindTurbine.obj?{query}",
                                timeout=60) as response:
        text = response.read().decode()
    names = (line[2:].strip() for line in text.splitlines() if line.startswith("o "))
    return {name for name in names if not re.fullmatch(r".*Wire\d+", name)}


def test_preset_shows_progress_model_cnc_and_tables(tab: Tab) -> None:
    page = tab.page
    tab.open("?preset=T+Shape")
    # Progress arrives before the result (a fresh design takes seconds with the step delay).
    page.wait_for_function("() => /\\d+% — /.test(document.querySelector("
                           "'.progress[data-stream=visualize] .progress-text').textContent)")
    tab.wait_for_model()
    assert tab.progress("visualize")[0] == 100

    names = set(tab.mesh_names())
    assert names >= ALTERNATOR_PARTS
    assert names == _obj_names(tab.base, "preset=T+Shape")
    # Every part has its outlines, and the tail (once the OBJ has one) furls in its own group.
    assert page.evaluate("() => window.cadstream.scene.getObjectByName('Rotor_Disk_BackEdges')"
                         "?.isLineSegments === true")
    if "Tail_Vane" in names:
        assert page.evaluate("() => window.cadstream.scene.getObjectByName('Tail_Vane')"
                             ".parent.name") == "Tail"
        assert page.is_visible("#furl-control")
    # Sharp on HiDPI: the canvas has device pixels, not CSS pixels.
    width, client_width = page.evaluate(
        "() => { const c = document.querySelector('#viewer canvas');"
        " return [c.width, c.clientWidth]; }")
    assert abs(width - 2 * client_width) <= 2
    # The part's name on hover.
    x, y = page.evaluate(PART_ON_SCREEN, "Stator_ResinCast")
    page.mouse.move(x, y)
    page.wait_for_selector("#viewer-tooltip:not([hidden])")
    assert page.text_content("#viewer-tooltip")
    tab.screenshot("visualize")

    page.click("#tab-cnc")
    page.wait_for_selector("#cnc-view svg g[data-label]")
    labels = page.eval_on_selector_all("#cnc-view svg g[data-label]",
                                       "(gs) => gs.map((g) => g.dataset.label)")
    assert "Rotor_Disk_Back" in labels
    page.wait_for_function("() => document.querySelectorAll('#cut-list td.num').length > 0 && "
                           "document.querySelector('#cut-list th:last-child').textContent"
                           ".startsWith('Height')")
    rows = page.eval_on_selector_all("#cut-list tbody tr", "(rs) => rs.map((r) => r.dataset.part)")
    assert rows == labels
    part = page.locator("#cnc-view svg g[data-label='Rotor_Disk_Back']").bounding_box()
    page.mouse.move(part["x"] + part["width"] / 2, part["y"] + 5)
    page.wait_for_selector("#cnc-tooltip:not([hidden])")
    assert page.text_content("#cnc-tooltip").startswith("Rotor_Disk_Back")
    view_box = page.get_attribute("#cnc-view svg", "viewBox")
    page.click("#cnc-zoom-in")
    assert page.get_attribute("#cnc-view svg", "viewBox") != view_box
    page.click("#cnc-fit")
    tab.screenshot("cnc")

    page.click("#tab-dimensions")
    page.wait_for_function("() => document.querySelectorAll('#tables table').length >= 10")
    assert page.text_content("#tables table thead th")
    # Each table's drawing is an inline SVG that the browser decodes and lays out.
    page.wait_for_function("""() => {
      const images = [...document.querySelectorAll('#tables img')];
      return images.length > 0 && images.every(i => i.complete && i.naturalWidth > 0);
    }""")
    assert page.get_attribute("#tables img", "alt")
    tab.screenshot("dimensions")
    page.emulate_media(media="print")
    assert not page.is_visible(".inputs") and not page.is_visible(".tabs")
    assert page.is_visible("#tables table")
    tab.screenshot("dimensions-print")
    page.pdf(path=str(ARTIFACTS / "shop-sheet.pdf"))
    page.emulate_media(media="screen")

    downloads = {name: page.get_attribute(f"#download-{name}", "href")
                 for name in ("obj", "dxf", "xlsx")}
    assert all(href and href.startswith("/api/download/") for href in downloads.values())
    assert tab.errors == []


def test_switching_assembly_restarts_only_visualize(tab: Tab) -> None:
    page = tab.page
    tab.open("?preset=T+Shape")
    tab.wait_for_model()
    page.click("#assembly-list button[data-assembly='StatorMold']")
    # Either the server builds it, or it says why not: its message, not "Connection error".
    page.wait_for_function(f"() => ({SHOWN_ASSEMBLY})() === 'StatorMold' || "
                           "!document.querySelector('#viewer-message').hidden")
    if page.is_visible("#viewer-message"):
        message = page.text_content("#viewer-message")
        assert "StatorMold" in message and "not available" in message
    tab.screenshot("visualize-statormold")
    log = tab.log()
    assert [e["endpoint"] for e in log if e["what"] == "open"][-1] == \
        "/api/visualize/StatorMold/stream"
    # The CNC and tables streams were not restarted by the switch.
    assert sum(e["what"] == "open" and "/getcncoverview/" in e["endpoint"] for e in log) == 1

    opened = len(tab.log())
    page.click("#assembly-list button[data-assembly='WindTurbine']")
    tab.wait_for_model(timeout=5_000)
    # From this page's results: no new stream, the progress stays full.
    assert [e for e in tab.log()[opened:] if e["what"] == "open"] == []
    assert tab.progress("visualize")[0] == 100
    assert set(tab.mesh_names()) >= ALTERNATOR_PARTS
    assert tab.errors == []


def test_changing_a_parameter_mid_run_cancels_the_old_streams(tab: Tab) -> None:
    page = tab.page
    before = _get_json(f"{tab.base}/api/health")
    tab.open("?preset=T+Shape&magnafpm.RotorDiskRadius=151")
    page.wait_for_function("() => /\\d+% — /.test(document.querySelector("
                           "'.progress[data-stream=visualize] .progress-text').textContent)")
    page.fill("#p-magnafpm-RotorDiskRadius", "158")
    tab.wait_for_model()
    assert "magnafpm.RotorDiskRadius=158" in page.evaluate("() => location.search")
    # The new design is shown: the back rotor disk is 2 × 158 mm across.
    diameter = page.evaluate("() => { const b = window.cadstream.scene"
                             ".getObjectByName('Rotor_Disk_Back').geometry.boundingBox;"
                             " return b.max.z - b.min.z; }")
    assert diameter == pytest.approx(316, abs=1)
    # The page closed its three old streams before opening the new ones, and never saw the old
    # design complete; the server cancelled the old job.
    log = tab.log()
    closed = [i for i, e in enumerate(log) if e["what"] == "closed"]
    assert len(closed) == 3
    assert not any(e["what"] == "complete" for e in log[:closed[0]])
    assert {e["endpoint"] for e in log[closed[-1]:] if e["what"] == "open"} == {
        "/api/visualize/WindTurbine/stream", "/api/getcncoverview/stream",
        "/api/getdimensiontables/stream"}
    deadline = time.monotonic() + 10
    while _get_json(f"{tab.base}/api/health")["jobs_cancelled"] <= before["jobs_cancelled"]:
        assert time.monotonic() < deadline, "the old job was not cancelled"
        time.sleep(0.2)
    page.wait_for_function("() => document.querySelectorAll('#tables table').length >= 10")
    assert tab.errors == []


def test_server_validation_is_shown_at_its_field(tab: Tab) -> None:
    page = tab.page
    tab.open("?preset=T+Shape")
    tab.wait_for_model()
    page.fill("#p-magnafpm-RotorDiskRadius", "0.2")
    field_message = ".field.error[data-key='magnafpm.RotorDiskRadius'] .message"
    page.wait_for_selector(field_message)
    assert "MagnetWidth" in page.text_content(field_message)
    assert page.get_attribute("#p-magnafpm-RotorDiskRadius", "aria-invalid") == "true"
    assert page.is_visible("#form-summary")
    assert page.evaluate("() => window.cadstream.sse.openEndpoints") == []
    assert tab.progress("cnc")[1].startswith("Waiting for valid parameters")
    tab.screenshot("validation")

    # Fixed again, the same design comes back (from the server's cache).
    page.fill("#p-magnafpm-RotorDiskRadius", "150")
    page.wait_for_selector(field_message, state="detached")
    page.wait_for_function("() => document.querySelector('.progress[data-stream=cnc]')"
                           ".classList.contains('done')")
    assert [e for e in tab.errors if INVALID_ANSWER not in e] == []


def test_sse_manager_reports_the_server_error_not_connection_error(tab: Tab) -> None:
    tab.open("?preset=T+Shape")
    outcome = tab.page.evaluate("""async () => {
      const { SSEManager } = await import("/app/sse-manager.js");
      const manager = new SSEManager();
      const calls = [];
      const callbacks = {
        onProgress: () => calls.push("progress"), onComplete: () => calls.push("complete"),
        onCancelled: () => calls.push("cancelled"),
        onError: (message, fields) => calls.push({ message, fields }),
      };
      manager.startSSE("/api/getdimensiontables/stream",
                       { preset: "T Shape", magnafpm: { RotorDiskRadius: 0.2 } }, callbacks);
      // Long enough for the server to close the stream and a native error to follow.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return { calls, open: manager.openEndpoints, client: manager.clientId };
    }""")
    assert len(outcome["calls"]) == 1, outcome
    error = outcome["calls"][0]
    assert "RotorDiskRadius" in error["message"]
    assert error["fields"][0]["name"] == "magnafpm.RotorDiskRadius"
    assert outcome["open"] == []
    assert tab.errors == []


def test_sse_manager_reports_a_broken_connection(tab: Tab) -> None:
    tab.open("?preset=T+Shape")
    calls = tab.page.evaluate("""async () => {
      const { SSEManager } = await import("/app/sse-manager.js");
      const manager = new SSEManager();
      const calls = [];
      // Not an event stream at all: the browser gives up on it, as on a dropped connection.
      manager.startSSE("/api/health", {}, {
        onComplete: () => calls.push("complete"), onCancelled: () => calls.push("cancelled"),
        onError: (message, fields) => calls.push({ message, fields }),
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return calls;
    }""")
    assert calls == [{"message": "Connection error", "fields": []}]
    # Chromium says why it dropped the stream; nothing else may complain.
    assert [e for e in tab.errors if "MIME type" not in e] == []


def test_a_failed_job_can_be_run_again(tab: Tab) -> None:
    """A worker dies mid-job: the page shows the server's error, and Try again rebuilds it."""
    page = tab.page
    health = _get_json(f"{tab.base}/api/health")
    if "worker_pids" not in health:
        pytest.skip("this server does not report its worker processes")
    tab.open("?preset=T+Shape&magnafpm.RotorDiskRadius=153")
    page.wait_for_function("() => /\\d+% — /.test(document.querySelector("
                           "'.progress[data-stream=cnc] .progress-text').textContent)")
    for pid in _get_json(f"{tab.base}/api/health")["worker_pids"]:
        os.kill(pid, 9)
    # The server's message, at the visualize tab and marked on the others; never "Connection error".
    message = "#viewer-message:not([hidden])"
    page.wait_for_selector(message, timeout=30_000)
    assert "Connection error" not in page.text_content(message)
    page.wait_for_selector("#tab-cnc[data-state='error']")
    tab.screenshot("failed-job")
    page.click(f"{message} button")
    tab.wait_for_model(timeout=60_000)
    page.wait_for_function("() => document.querySelector('.progress[data-stream=cnc]')"
                           ".classList.contains('done')")
    assert page.is_hidden("#viewer-message") and page.is_hidden("#panel-cnc .stream-error")
    assert page.get_attribute("#tab-cnc", "data-state") is None
    assert tab.errors == []


def test_json_import_and_export(tab: Tab) -> None:
    page = tab.page
    tab.open("?preset=T+Shape")
    document = {"preset": "T Shape", "magnafpm": {"RotorDiskRadius": 152, "Bogus": 1},
                "colour": "red"}
    page.set_input_files("#import-json", files=[{
        "name": "design.json", "mimeType": "application/json",
        "buffer": json.dumps(document).encode()}])
    page.wait_for_selector("#notice:not([hidden])")
    notice = page.text_content("#notice")
    assert "magnafpm.Bogus" in notice and "colour" in notice
    assert page.input_value("#p-magnafpm-RotorDiskRadius") == "152"
    page.wait_for_function("() => location.search.includes('magnafpm.RotorDiskRadius=152')")

    with page.expect_download() as download:
        page.click("#export-json")
    exported = json.loads(Path(download.value.path()).read_text())
    assert exported["preset"] == "T Shape"
    assert exported["magnafpm"]["RotorDiskRadius"] == 152
    assert set(exported) == {"preset", "magnafpm", "furling", "user"}
    assert tab.errors == []


def test_mat_import_switches_preset(tab: Tab) -> None:
    scipy_io = pytest.importorskip("scipy.io")
    variables = {"Rturb": 2.1, "rotor": 2.0, "Rout": 225.0, "Rin": 178.5, "hr": 10.0,
                 "la": 46.0, "wm": 30.0, "hm": 10.0, "BHmax": 342.0, "magnet_num": 16.0,
                 "tw": 13.0, "coil_type": 1.0, "wc": 24.0, "coil_hole_Rout_constr": 30.0,
                 "coil_hole_Rin_constr": 30.0, "g": 3.0, "dist_magnet_Rin": 40.0, "q": 4.0,
                 "mcu_constr": 6.0, "dc": 1.6, "No_wires_at_hand": 2.0, "Nc": 60.0}
    buffer = io.BytesIO()
    scipy_io.savemat(buffer, variables)
    page = tab.page
    tab.open("?preset=T+Shape")
    page.set_input_files("#import-mat", files=[{
        "name": "run.mat", "mimeType": "application/octet-stream", "buffer": buffer.getvalue()}])
    page.wait_for_function("() => document.querySelector('#preset').value === 'H Shape'")
    assert "run.mat" in page.text_content("#notice")
    assert page.input_value("#p-magnafpm-RotorDiameter") == "4200"
    assert page.input_value("#p-magnafpm-MagnetMaterial") == "NdFeB N42"
    page.wait_for_function("() => location.search.startsWith('?preset=H+Shape')")
    assert tab.errors == []


def _obj_box(name: str, box: tuple[float, float, float, float, float, float],
             first: int) -> list[str]:
    """A box as OBJ (8 vertices from index ``first``) with one outline wire of its top face."""
    x0, x1, y0, y1, z0, z1 = box
    corners = [(x, y, z) for z in (z0, z1) for y in (y0, y1) for x in (x0, x1)]
    faces = [(0, 2, 1), (1, 2, 3), (4, 5, 6), (5, 7, 6), (0, 1, 4), (1, 5, 4),
             (2, 6, 3), (3, 6, 7), (0, 4, 2), (2, 4, 6), (1, 3, 5), (3, 7, 5)]
    lines = [f"o {name}", *(f"v {x} {y} {z}" for x, y, z in corners),
             *(f"f {a + first} {b + first} {c + first}" for a, b, c in faces),
             f"o {name}Wire0", *(f"v {x} {y} {z1}" for x, y in ((x0, y0), (x1, y0), (x1, y1))),
             f"l {first + 8} {first + 9} {first + 10} {first + 8}"]
    return lines


def test_tool_viewer_stacks_and_names_parts(tab: Tab) -> None:
    """The tools' conventions, on a small OBJ made here: explode along Z in stacking order with
    numbered parts kept together, plain part names, outlines as one line set per part."""
    parts = {"Stator_Mold_Base": (0, 100, 0, 100, 0, 10),
             "Stator_CoilWinder_Cheeks0": (0, 50, 0, 50, 10, 20),
             "Stator_CoilWinder_Cheek_Spacers0": (0, 40, 0, 40, 12, 18),
             "Stator_CoilWinder_Cheeks1": (0, 50, 0, 50, 20, 30),
             "Bolts": (0, 5, 0, 5, -5, 40)}
    lines: list[str] = []
    for index, (name, box) in enumerate(parts.items()):
        lines += _obj_box(name, box, 1 + 11 * index)
    tab.open("?preset=T+Shape")
    outcome = tab.page.evaluate("""async (objText) => {
      const { Viewer } = await import("/app/viewer.js");
      const box = document.createElement("div");
      box.style.cssText = "position:fixed;left:0;top:0;width:300px;height:200px";
      const tooltip = document.createElement("div");
      document.body.append(box, tooltip);
      const viewer = new Viewer(box, tooltip);
      const summary = viewer.show("CoilWinder", objText, null);
      viewer.setExplode(1);
      const z = Object.fromEntries(viewer.parts.map((m) => [m.name, m.position.z]));
      const labels = Object.fromEntries(viewer.parts.map((m) => [m.name, m.userData.label]));
      const edges = viewer.scene.getObjectByName("Stator_Mold_BaseEdges");
      return { summary, z, labels, edgePoints: edges.geometry.getAttribute("position").count,
               edgeParent: edges.parent.name };
    }""", "\n".join(lines) + "\n")
    z = outcome["z"]
    assert z["Bolts"] < z["Stator_Mold_Base"] < z["Stator_CoilWinder_Cheeks0"] \
        < z["Stator_CoilWinder_Cheeks1"]
    assert z["Stator_CoilWinder_Cheek_Spacers0"] == z["Stator_CoilWinder_Cheeks0"]
    assert outcome["labels"]["Stator_Mold_Base"] == "Base"
    assert outcome["labels"]["Stator_CoilWinder_Cheeks1"] == "Cheek"
    assert outcome["labels"]["Stator_CoilWinder_Cheek_Spacers0"] == "Spacer"
    assert {"Base", "Cheek", "Spacer", "Bolts"} <= set(outcome["summary"]["groups"])
    assert outcome["summary"]["furlMaximum"] is None
    # The polyline's 3 segments (4 points, closed) as segment pairs, under its part.
    assert outcome["edgePoints"] == 6 and outcome["edgeParent"] == "Stator_Mold_Base"
    assert tab.errors == []


def test_tables_show_only_image_sources_that_cannot_run_script(tab: Tab) -> None:
    """A table's image may be http(s) or an inline SVG/PNG drawing; a script or HTML URL is
    dropped, so a table can never inject code."""
    tab.open("?preset=T+Shape")
    sources = tab.page.evaluate("""async () => {
      const { renderElement } = await import("/app/tables.js");
      const srcOf = (src) => renderElement({ tagName: "img", properties: { src } }).src;
      return [srcOf("data:image/svg+xml;base64,PHN2Zy8+"), srcOf("javascript:alert(1)"),
              srcOf("data:text/html,<script>alert(1)</script>"), srcOf("/app/x.png")];
    }""")
    assert sources[0] == "data:image/svg+xml;base64,PHN2Zy8+"
    assert sources[1] == "" and sources[2] == ""
    assert sources[3].endswith("/app/x.png")
