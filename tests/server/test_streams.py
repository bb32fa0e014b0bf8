"""The SSE endpoints on the wire: exact frames, refusals, one job for many clients, the cache."""

from __future__ import annotations

import asyncio
import json

import pytest
from aiohttp.test_utils import TestClient
from sse_reader import SseEvent, read_stream

from cadstream.server import streams
from cadstream.server.frames import encode_event

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.timeout(300)]

VISUALIZE = "/api/visualize/WindTurbine/stream"


async def health(client: TestClient) -> dict[str, int]:
    return await (await client.get("/api/health")).json()  # type: ignore[no-any-return]


def assert_monotonic_progress(events: list[SseEvent]) -> None:
    percents = [e.json["progress"] for e in events if e.event == "progress"]
    assert percents == sorted(percents)
    assert all(0 <= p <= 100 for p in percents)
    ids = [int(e.id) for e in events if e.id is not None]
    assert ids == sorted(ids) and len(ids) == len(set(ids))


async def test_spec_example_is_one_error_event_naming_rotor_disk_radius(
        client: TestClient) -> None:
    response = await client.get(VISUALIZE + "?magnafpm.RotorDiskRadius=0.2&user.BladeWidth=100")
    text, events = await read_stream(response)
    body = {"error": "Invalid parameter: magnafpm.RotorDiskRadius = 0.2: must be more than half "
                     "the MagnetWidth (15.00 mm): the magnets' outer corners sit on the rotor "
                     "disk's edge",
            "fields": [{"name": "magnafpm.RotorDiskRadius", "value": 0.2,
                        "message": "must be more than half the MagnetWidth (15.00 mm): the "
                                   "magnets' outer corners sit on the rotor disk's edge"}]}
    assert text == "event: error\ndata: " + json.dumps(body, separators=(",", ":")) + "\n\n"
    assert [e.event for e in events] == ["error"]


async def test_unknown_assembly_is_an_error_event(client: TestClient) -> None:
    _, events = await read_stream(await client.get("/api/visualize/Windmill/stream"))
    assert [(e.event, e.json) for e in events] == [("error", {
        "error": "Unknown assembly 'Windmill': choose one of WindTurbine, StatorMold, RotorMold, "
                 "MagnetJig, CoilWinder, BladeTemplate"})]


async def test_non_numeric_value_is_an_error_event(client: TestClient) -> None:
    _, events = await read_stream(await client.get(
        "/api/getcncoverview/stream?furling.Offset=twelve"))
    assert [e.event for e in events] == ["error"]
    assert events[0].json["fields"] == [{"name": "furling.Offset", "value": "twelve",
                                         "message": "must be a finite decimal number"}]


async def test_a_design_streams_progress_then_completes(client: TestClient) -> None:
    before = await health(client)
    text, events = await read_stream(await client.get(VISUALIZE, params={"client": "a"}))
    assert text.startswith('id: 1\nevent: progress\ndata: {"progress":0,"message":'
                           '"Computing dimensions"}\n\n')
    assert_monotonic_progress(events)
    assert [e.event for e in events][-1] == "complete"
    messages = [e.json["message"] for e in events if e.event == "progress"]
    assert "Building rotor disks" in " ".join(messages) or any(
        m.startswith("Building ") for m in messages)
    assert "Meshing WindTurbine" in messages and "Drawing CNC overview" in messages
    complete = events[-1].json
    assert set(complete) == {"objText", "furlTransform"}
    assert "\no Rotor_Disk_Back\n" in complete["objText"]
    assert complete["furlTransform"]["maximum_angle"] == 110.15
    after = await health(client)
    assert after["jobs_started"] == before["jobs_started"] + 1


async def test_a_finished_design_comes_from_the_cache(client: TestClient) -> None:
    await read_stream(await client.get("/api/getdimensiontables/stream"))
    before = await health(client)
    text, events = await read_stream(await client.get("/api/getdimensiontables/stream"))
    assert [(e.event, e.id) for e in events] == [("progress", "1"), ("complete", "2")]
    assert text.startswith('id: 1\nevent: progress\ndata: {"progress":100,"message":'
                           '"Using cached result"}\n\nid: 2\nevent: complete\ndata: [')
    tables = events[1].json
    assert len(tables) == 19 and tables[0]["tagName"] == "table"
    after = await health(client)
    assert after["jobs_started"] == before["jobs_started"]
    assert after["cache_hits"] > before["cache_hits"]


async def test_cnc_overview_is_an_svg_string(client: TestClient) -> None:
    _, events = await read_stream(await client.get("/api/getcncoverview/stream"))
    svg = events[-1].json
    assert events[-1].event == "complete" and svg.startswith("<svg")
    assert "<title>Rotor_Disk_Back</title>" in svg


async def test_twenty_identical_requests_share_one_job(client: TestClient) -> None:
    before = await health(client)
    params = {"furling.Offset": "126"}


    async def one(index: int) -> tuple[str, list[SseEvent]]:
        return await read_stream(await client.get(VISUALIZE,
                                                  params={**params, "client": f"c{index}"}))

    results = await asyncio.gather(*(one(i) for i in range(20)))
    after = await health(client)
    assert after["jobs_started"] == before["jobs_started"] + 1
    finals = [events[-1] for _, events in results]
    assert all(f.event == "complete" for f in finals)
    assert len({f.data for f in finals}) == 1
    for _, events in results:
        assert_monotonic_progress(events)
    assert after["subscribers"] == 0


async def test_downloads_come_from_the_same_design(client: TestClient) -> None:
    response = await client.get("/api/download/design.xlsx")
    assert response.status == 200 and (await response.read())[:2] == b"PK"
    response = await client.get("/api/download/dxf.zip")
    assert response.status == 200 and (await response.read())[:2] == b"PK"
    response = await client.get("/api/download/WindTurbine.obj")
    assert response.status == 200 and "o Stator_ResinCast" in await response.text()
    response = await client.get("/api/download/WindTurbine.step")
    assert response.status == 200 and response.content_type == "application/step"
    assert (await response.read()).startswith(b"ISO-10303-21;")


async def test_a_crowd_gets_one_complete_encoded_once(client: TestClient,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Thirty clients of one design: its megabytes of ``complete`` are encoded once and the
    same bytes go to each, behind its own ``id:`` line."""
    encoded: list[str] = []

    def counting(event: str, data: str, event_id: int | None = None) -> bytes:
        encoded.append(event)
        return encode_event(event, data, event_id)

    monkeypatch.setattr(streams, "encode_event", counting)

    async def one(index: int) -> tuple[str, list[SseEvent]]:
        return await read_stream(await client.get(VISUALIZE, params={
            "furling.Offset": "127", "client": f"d{index}"}))

    results = await asyncio.gather(*(one(index) for index in range(30)))
    assert encoded.count("complete") == 1
    complete = results[0][1][-1]
    assert complete.event == "complete" and len(complete.data) > 10**6
    frame = f"id: {complete.id}\nevent: complete\ndata: {complete.data}\n\n"
    assert all(text.endswith(frame) for text, _ in results)
