"""Trying hard to break a live server: fuzzed queries, random designs, a client that keeps
changing its mind, a reader that never reads, oversized requests and paths out of ``web/``.

One module-scoped server (two real workers, a small upload limit) serves every test; each test
asks for designs of its own (its own ``client`` ids and ``furling.Offset`` values) so that none
finds another's design in the cache.
"""

from __future__ import annotations

import asyncio
import json
import socket
import sys
import time
import urllib.parse
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient
from app_servers import TEST_JOBS, running_server
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from live_server import CNC, TABLES, VISUALIZE, design, final_event, health, open_stream, wait_for
from sse_reader import EventReader, read_stream
from test_web_ui_routes import ESCAPES, _raw_get
from yarl import URL

from cadstream.config import ServerSettings, Settings
from cadstream.params.problems import ParameterError
from cadstream.params.spec import GROUPS, PARAMETERS
from cadstream.server.app import REQUEST_LINE_LIMIT
from cadstream.validation import validate

sys.path.append(str(Path(__file__).resolve().parents[1] / "cad"))
from test_random_designs import draw

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.timeout(300)]

#: Small, so that an oversized upload costs nothing to send.
MAX_UPLOAD = 4096
MAX_QUERY = ServerSettings().max_query_bytes


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def server() -> AsyncIterator[TestClient]:
    hardened = Settings(server=ServerSettings(max_upload_bytes=MAX_UPLOAD), jobs=TEST_JOBS)
    async with running_server(hardened) as client:
        yield client


# --- 1. fuzzed queries ----------------------------------------------------------------------

_NAMES = [f"{spec.group}.{spec.name}" for spec in PARAMETERS]
_SPECIAL_VALUES = [
    "", " ", "0", "-0", "+5", "nan", "NaN", "-nan", "inf", "-inf", "Infinity", "0x10", "0b1",
    "1e309", "-1e309", "1e-400", "1_000", "1,5", "١٢", "１２", "−5", "5\u200b", "9" * 400,
    "1" + "0" * 5000, "T Shape", "H Shape", "Star Shape", "true", "null", "[]", "{}", "%", "\x00",
    "\ud7ff", "\U0001f4a5", "<script>", "../../etc/passwd",
]
_value = st.one_of(
    st.sampled_from(_SPECIAL_VALUES),
    st.integers().map(str),
    st.integers(min_value=-(10**400), max_value=10**400).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(max_size=40),
    st.text(alphabet="0123456789.eE+-x", max_size=30),
)
_key = st.one_of(
    st.sampled_from(_NAMES),
    st.sampled_from(_NAMES),
    st.tuples(st.sampled_from([*GROUPS, "", "MagnaFPM", "user ", "furling.furling", "x"]),
              st.sampled_from([spec.name for spec in PARAMETERS] + ["", "Nope", "."]))
    .map(lambda pair: f"{pair[0]}.{pair[1]}"),
    st.sampled_from(["preset", "client", "", ".", "..", "magnafpm.", ".Offset"]),
    st.text(max_size=20),
)
_pair = st.tuples(_key, _value).map(
    lambda kv: urllib.parse.quote(kv[0], safe="") + "=" + urllib.parse.quote(kv[1], safe=""))
_raw = st.sampled_from(["", "&", "=", "%", "%zz", "%ff%fe", "%00", "a=b=c", ";", "+", "key",
                        "preset=", "preset=Nope", "preset=%ff", "client=", "client=%00"])
_preset = st.one_of(st.sampled_from(["T Shape", "H Shape", "Star Shape", "", "t shape"]),
                    st.text(max_size=20)).map(
    lambda name: "preset=" + urllib.parse.quote(name, safe=""))


@st.composite
def _queries(draw_: st.DrawFn) -> str:
    parts = draw_(st.lists(st.one_of(_pair, _pair, _pair, _raw, _preset), max_size=12))
    if parts and draw_(st.booleans()):
        parts.append(draw_(st.sampled_from(parts)))  # a key given twice
    return "&".join(parts)


def fuzzed_queries() -> list[str]:
    """2,000 query strings, the same on every run."""
    found: list[str] = []

    @settings(max_examples=2000, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(_queries())
    def collect(query: str) -> None:
        found.append(query)

    collect()
    return found


async def _get_raw(client: TestClient, path: str, query: str) -> aiohttp.ClientResponse:
    """GET with the query exactly as written (not re-quoted by the client)."""
    url = URL(f"http://{client.host}:{client.port}{path}?{query}", encoded=True)
    return await client.session.get(url)


#: aiohttp's HTTP parser refuses a longer request line itself, with a plain-text 400 before any
#: middleware runs; below it our JSON 413 answers.
PARSER_LIMIT = REQUEST_LINE_LIMIT


def _assert_json_error(status: int, content_type: str, body: str, query: str,
                       path: str = "/api/validate") -> None:
    assert status < 500, (query, status, body)
    assert "Traceback" not in body, query
    if len(path) + 1 + len(query) > PARSER_LIMIT:
        assert status == 400 and body.startswith("Got more than"), (status, body)
    elif status != 200:
        assert content_type == "application/json", (query, status, body)
        assert "error" in json.loads(body), (query, body)


@pytest.mark.timeout(180)
async def test_fuzzed_queries_never_break_validation_or_streams(server: TestClient) -> None:
    queries = fuzzed_queries()
    assert len(queries) >= 1900
    statuses: dict[int, int] = {}
    limit = asyncio.Semaphore(32)

    async def validate_one(query: str) -> None:
        async with limit:
            response = await _get_raw(server, "/api/validate", query)
            async with response:
                body = await response.text()
            statuses[response.status] = statuses.get(response.status, 0) + 1
            _assert_json_error(response.status, response.content_type, body, query)
            if response.status == 200:
                assert "warnings" in json.loads(body), query

    await asyncio.gather(*(validate_one(query) for query in queries))
    assert statuses.get(422, 0) > 100 and statuses.get(200, 0) > 10, statuses
    print(f"validate: {sorted(statuses.items())}")

    streams = asyncio.Semaphore(8)
    started = 0

    async def stream_one(index: int, query: str) -> None:
        nonlocal started
        path = (TABLES, CNC, VISUALIZE)[index % 3]
        async with streams:
            response = await _get_raw(server, path, query)
            async with response:
                if response.status != 200:
                    body = await response.text()
                    _assert_json_error(response.status, response.content_type, body, query,
                                       path)
                    return
                assert response.content_type == "text/event-stream", query
                reader = EventReader(response)
                first = await asyncio.wait_for(reader.next(), timeout=30)
                if first.event == "error":
                    assert "error" in first.json and "Traceback" not in first.data, query
                    with pytest.raises(EOFError):
                        await asyncio.wait_for(reader.next(), timeout=10)
                else:
                    # A valid design: its job started (or came from the cache); leave at once.
                    # Every fuzzed stream comes from one peer, i.e. one client: a newer valid
                    # query from it may supersede this one first, which ends it with cancelled.
                    assert first.event in ("progress", "cancelled"), (query, first)
                    started += first.event == "progress"

    sample = queries[::7][:300]
    await asyncio.gather(*(stream_one(i, q) for i, q in enumerate(sample)))
    print(f"streams: {len(sample)} queries, {started} designs started")
    body, _ = await wait_for(server, lambda h: h["subscribers"] == 0, within=10.0)
    assert body["status"] == "ok"
    # Still serving designs after all that.
    _, events = await read_stream(await server.get(TABLES, params=design(90, "after-fuzz")))
    assert events[-1].event == "complete"


# --- 2. random designs ------------------------------------------------------------------------

RANDOM_DESIGNS = 50


def valid_draws(count: int) -> list[tuple[int, dict[str, dict[str, object]]]]:
    """The first ``count`` seeded draws that validation accepts (it refuses the rest, each with
    its reason, before any worker starts)."""
    found = []
    seed = 0
    while len(found) < count:
        groups = draw(seed)
        try:
            validate(groups)
        except ParameterError:
            pass
        else:
            found.append((seed, dict(groups)))
        seed += 1
    return found


def as_query(groups: dict[str, dict[str, object]]) -> dict[str, str]:
    return {f"{group}.{name}": str(value)
            for group, values in groups.items() for name, value in values.items()}


@pytest.mark.slow
@pytest.mark.timeout(300)
async def test_fifty_random_designs_complete_through_the_server(server: TestClient) -> None:
    draws = valid_draws(RANDOM_DESIGNS)
    limit = asyncio.Semaphore(4)
    outcomes: dict[int, str] = {}

    async def one(seed: int, groups: dict[str, dict[str, object]]) -> None:
        async with limit:
            response = await server.get(TABLES, params={**as_query(groups),
                                                        "client": f"random-{seed}"})
            _, events = await read_stream(response)
            final = events[-1]
            outcomes[seed] = final.event if final.event == "complete" else final.data

    began = time.monotonic()
    await asyncio.gather(*(one(seed, groups) for seed, groups in draws))
    took = time.monotonic() - began
    failed = {seed: outcome for seed, outcome in outcomes.items() if outcome != "complete"}
    print(f"{len(draws)} random designs in {took:.1f} s; failed: {sorted(failed)}")
    assert len(outcomes) == RANDOM_DESIGNS and not failed, failed


# --- 3. a client that keeps changing its mind -------------------------------------------------

async def test_a_client_changing_parameters_fifty_times_leaves_one_job(
        server: TestClient) -> None:
    await wait_for(server, lambda h: h["in_flight"] == 0 and h["subscribers"] == 0, within=15.0)
    opened: list[tuple[aiohttp.ClientResponse, EventReader]] = []
    began = time.monotonic()
    for offset in range(100, 150):
        opened.append(await open_stream(server, TABLES, design(offset, "fickle")))
        await asyncio.sleep(max(0.0, began + 0.1 * (offset - 99) - time.monotonic()))
    assert time.monotonic() - began < 6.0
    settled, _ = await wait_for(
        server, lambda h: h["in_flight"] <= 1 and h["workers_busy"] <= 1, within=3.0)
    for response, reader in opened[:-1]:
        assert (await asyncio.wait_for(final_event(reader), timeout=5)).event == "cancelled"
        response.close()
    last_response, last = opened[-1]
    assert (await asyncio.wait_for(final_event(last), timeout=60)).event == "complete"
    last_response.close()
    after, _ = await wait_for(server, lambda h: h["subscribers"] == 0 and h["in_flight"] == 0,
                              within=5.0)
    assert after["status"] == "ok", settled


# --- 4. a reader that never reads -------------------------------------------------------------

async def _stalled_stream(server: TestClient, params: dict[str, str]) -> socket.socket:
    """A stream whose client never reads a byte (small receive buffer, so the server blocks)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.setblocking(False)
    await asyncio.get_running_loop().sock_connect(sock, (server.host, server.port))
    query = urllib.parse.urlencode(params)
    request = f"GET {VISUALIZE}?{query} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode()
    await asyncio.get_running_loop().sock_sendall(sock, request)
    return sock


async def _time_to_complete(server: TestClient, params: dict[str, str]) -> float:
    began = time.monotonic()
    _, events = await read_stream(await server.get(VISUALIZE, params=params))
    assert events[-1].event == "complete"
    return time.monotonic() - began


async def test_a_slow_reader_does_not_delay_other_clients(server: TestClient) -> None:
    await wait_for(server, lambda h: h["in_flight"] == 0, within=15.0)
    normal = await _time_to_complete(server, design(300, "baseline"))
    stalled = await _stalled_stream(server, design(301, "sloth"))
    try:
        await wait_for(server, lambda h: h["subscribers"] == 1, within=5.0)
        same_key, other_key = await asyncio.gather(
            _time_to_complete(server, design(301, "quick")),
            _time_to_complete(server, design(302, "other")))
        # A megabyte turbine stream is waiting on the stalled socket; the others are not.
        assert same_key < normal * 2 + 2.0, (same_key, normal)
        assert other_key < normal * 2 + 2.0, (other_key, normal)
        cached = await _time_to_complete(server, design(301, "quick-again"))
        assert cached < 1.0
        print(f"normal {normal:.2f} s, same key {same_key:.2f} s, other key {other_key:.2f} s, "
              f"cached {cached:.2f} s beside a stalled reader")
    finally:
        stalled.close()
    await wait_for(server, lambda h: h["subscribers"] == 0, within=5.0)


# --- 5. oversized requests --------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/api/validate", TABLES, "/api/cutlist"])
async def test_an_oversized_query_is_refused_with_json(server: TestClient, path: str) -> None:
    query = "client=" + "x" * MAX_QUERY
    response = await _get_raw(server, path, query)
    assert response.status == 413
    assert response.content_type == "application/json"
    assert "query string longer than" in (await response.json())["error"]
    at_limit = await _get_raw(server, "/api/validate", "client=" + "x" * (MAX_QUERY - 7))
    assert at_limit.status == 200


@pytest.mark.parametrize("length", [MAX_QUERY + 4097, 64 * 1024, PARSER_LIMIT - 100])
async def test_an_over_long_url_is_refused_with_json_naming_the_limit(
        server: TestClient, length: int) -> None:
    """Longer than aiohttp's default line limit (8 KiB) and than the query limit: still our
    JSON answer, over a real socket, up to what browsers send (2 MB)."""
    response = await _get_raw(server, "/api/validate", "client=" + "x" * length)
    assert response.status == 413
    assert response.content_type == "application/json"
    assert await response.json() == {"error": f"query string longer than {MAX_QUERY} bytes"}


async def test_a_request_line_beyond_the_parser_limit_is_refused(server: TestClient) -> None:
    """Beyond 2 MB, what no browser sends: aiohttp's parser refuses it, never a 5xx."""
    response = await _get_raw(server, "/api/validate", "client=" + "x" * PARSER_LIMIT)
    assert response.status == 400
    assert "Traceback" not in await response.text()
    assert (await health(server))["status"] == "ok"


def _upload(size: int) -> aiohttp.FormData:
    form = aiohttp.FormData()
    form.add_field("file", b"\0" * size, filename="big.mat",
                   content_type="application/octet-stream")
    return form


async def test_an_oversized_upload_is_refused_with_json(server: TestClient) -> None:
    response = await server.post("/api/loadmat", data=_upload(MAX_UPLOAD * 4))
    assert response.status == 413
    assert response.content_type == "application/json"
    assert "error" in await response.json()
    # A small bad file is read and refused for what it is, not for its size.
    small = await server.post("/api/loadmat", data=_upload(100))
    assert small.status == 400 and "error" in await small.json()


async def test_an_oversized_chunked_upload_is_refused_with_json(server: TestClient) -> None:
    """Without a Content-Length the limit still holds while the part is read."""

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(8):
            yield b"\0" * MAX_UPLOAD

    boundary = "hardening"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"big.mat\"\r\nContent-Type: application/octet-stream\r\n\r\n").encode()

    async def body() -> AsyncIterator[bytes]:
        yield head
        async for chunk in chunks():
            yield chunk
        yield f"\r\n--{boundary}--\r\n".encode()

    response = await server.post(
        "/api/loadmat", data=body(),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert response.status == 413
    assert response.content_type == "application/json"
    assert "error" in await response.json()


# --- 6. static paths --------------------------------------------------------------------------

@pytest.mark.parametrize("path", ESCAPES)
async def test_no_path_escapes_web_through_the_whole_app(server: TestClient, path: str) -> None:
    """The same escapes as ``test_web_ui_routes`` but through the real app and its middleware:
    refused with a JSON error, never the file."""
    status, body = await _raw_get(server, path)
    assert status in (400, 403, 404), (path, status)
    assert b"setup(" not in body and b"root:" not in body
    assert b'"dependencies"' not in body and b"importmap" not in body
    if status != 400:
        assert "error" in json.loads(body)


async def test_the_server_is_healthy_at_the_end(server: TestClient) -> None:
    body, _ = await wait_for(server, lambda h: h["subscribers"] == 0, within=10.0)
    assert body["status"] == "ok"
