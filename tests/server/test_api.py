"""The JSON endpoints: presets, schema, validation, .mat upload, health, errors as JSON."""

from __future__ import annotations

import io

import aiohttp
import pytest
import scipy.io
from aiohttp.test_utils import TestClient

from cadstream.params.presets import presets
from cadstream.server import requests
from cadstream.validation import Validated, validate

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.timeout(120)]


async def test_presets(client: TestClient) -> None:
    response = await client.get("/api/presets")
    assert response.status == 200
    body = await response.json()
    assert list(body) == list(presets())
    t_shape = body["T Shape"]
    assert set(t_shape) == {"description", "magnafpm", "furling", "user"}
    assert t_shape["magnafpm"]["RotorDiskRadius"] == 150
    assert t_shape["user"]["WindTurbineShape"] == "Calculated"


async def test_parameters_schema(client: TestClient) -> None:
    body = await (await client.get("/api/parametersschema")).json()
    assert body["bounds"] == {"h_shape_lower_bound": 187.5, "star_shape_lower_bound": 275}
    h_user = body["H Shape"]["properties"]["user"]["properties"]
    assert h_user["YawPipeDiameter"]["enum"] == [88.9, 101.6]


async def test_validate_warnings(client: TestClient) -> None:
    response = await client.get("/api/validate", params={"user.HolesDiameter": "13"})
    assert response.status == 200
    assert (await response.json()) == {"warnings": [{
        "name": "user.HolesDiameter", "value": 13,
        "message": "is not a multiple of the form's step 2 mm"}]}


async def test_validate_errors_name_each_field(client: TestClient) -> None:
    response = await client.get("/api/validate", params={
        "magnafpm.RotorDiskRadius": "abc", "magnafpm.NumberMagnet": "10"})
    assert response.status == 422
    body = await response.json()
    assert body["error"].startswith("2 invalid parameters")
    assert body["fields"] == [
        {"name": "magnafpm.RotorDiskRadius", "value": "abc",
         "message": "must be a finite decimal number"},
        {"name": "magnafpm.NumberMagnet", "value": "10",
         "message": "must be one of: 4, 8, 12, 16, 20, 24, 28, 32"}]


async def test_identical_queries_validate_once(client: TestClient,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Validating derives the whole design; a crowd of clients asking for the same design (and
    the same refused query) pays for it once, and each still gets the full answer."""
    calls: list[object] = []

    def counted(groups: object) -> Validated:
        calls.append(groups)
        return validate(groups)  # type: ignore[arg-type]

    monkeypatch.setattr(requests, "validate", counted)
    good = {"preset": "H Shape", "user.HolesDiameter": "15"}
    bad = {"preset": "H Shape", "magnafpm.NumberMagnet": "10"}
    for client_id in ("a", "b", "c"):
        ok = await client.get("/api/validate", params={**good, "client": client_id})
        assert ok.status == 200 and (await ok.json())["warnings"][0]["value"] == 15
        refused = await client.get("/api/validate", params={**bad, "client": client_id})
        assert refused.status == 422
        assert (await refused.json())["fields"][0]["name"] == "magnafpm.NumberMagnet"
    assert len(calls) == 2


def mat_upload(variables: dict[str, object]) -> aiohttp.FormData:
    buffer = io.BytesIO()
    scipy.io.savemat(buffer, variables)
    form = aiohttp.FormData()
    form.add_field("file", buffer.getvalue(), filename="design.mat",
                   content_type="application/octet-stream")
    return form


async def test_load_mat(client: TestClient) -> None:
    variables = {"Rturb": 2.1, "rotor": 2.0, "Rout": 225.0, "Rin": 178.5, "hr": 10.0,
                 "la": 46.0, "wm": 30.0, "hm": 10.0, "BHmax": 342.0, "magnet_num": 16.0,
                 "tw": 13.0, "coil_type": 1.0, "wc": 24.0, "coil_hole_Rout_constr": 30.0,
                 "coil_hole_Rin_constr": 30.0, "g": 3.0, "dist_magnet_Rin": 40.0, "q": 4.0,
                 "mcu_constr": 6.0, "dc": 1.6, "No_wires_at_hand": 2.0, "Nc": 60.0}
    response = await client.post("/api/loadmat", data=mat_upload(variables))
    assert response.status == 200
    body = await response.json()
    assert body["preset"] == "H Shape"
    assert body["magnafpm"]["RotorDiameter"] == 4200
    assert body["magnafpm"]["MagnetMaterial"] == "NdFeB N42"


async def test_load_mat_refuses_foreign_files(client: TestClient) -> None:
    form = aiohttp.FormData()
    form.add_field("file", b"not a mat file at all", filename="x.mat")
    response = await client.post("/api/loadmat", data=form)
    assert response.status == 400
    assert "not a readable MATLAB .mat file" in (await response.json())["error"]
    response = await client.post("/api/loadmat", data=b"{}",
                                 headers={"Content-Type": "application/json"})
    assert response.status == 400
    assert (await response.json()) == {
        "error": "send the .mat file as multipart/form-data, field 'file'"}


async def test_health(client: TestClient) -> None:
    body = await (await client.get("/api/health")).json()
    assert body["status"] == "ok" and body["workers"] == 2
    for counter in ("jobs_started", "jobs_completed", "jobs_cancelled", "jobs_failed",
                    "cache_hits", "subscribers", "in_flight"):
        assert isinstance(body[counter], int) and body[counter] >= 0


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", "/api/nothing-here", 404),
    ("POST", "/api/presets", 405),
    ("GET", "/api/download/secrets.txt", 404),
])
async def test_errors_are_json(client: TestClient, method: str, path: str, status: int) -> None:
    response = await client.request(method, path)
    assert response.status == status
    assert response.content_type == "application/json"
    assert "error" in await response.json()


async def test_oversized_query_is_refused(client: TestClient) -> None:
    response = await client.get("/api/validate?user.BladeWidth=1" + "0" * 9000)
    assert response.status == 413
    assert (await response.json()) == {"error": "query string longer than 8192 bytes"}


async def test_download_with_bad_parameters(client: TestClient) -> None:
    response = await client.get("/api/download/design.xlsx",
                                params={"magnafpm.RotorDiskRadius": "0.2"})
    assert response.status == 422
    assert (await response.json())["fields"][0]["name"] == "magnafpm.RotorDiskRadius"
