"""JSON endpoints: presets, schema, validation, .mat import, health and downloads."""

from __future__ import annotations

import time
from typing import Any

from aiohttp import web

from cadstream.params.matfile import MatFileError, read_mat
from cadstream.params.presets import presets
from cadstream.params.problems import ParameterError
from cadstream.params.schema import schema_document
from cadstream.results import ASSEMBLIES, DesignOutputs
from cadstream.server.designs import DesignUnavailable
from cadstream.server.keys import DESIGNS, SETTINGS, STARTED
from cadstream.server.requests import (
    client_id,
    design_request,
    error_body,
    validated_from_query,
)

__all__ = ["cut_list", "download", "downloads", "health", "load_mat", "parameters_schema",
           "preset_defaults", "validate_parameters"]

_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def preset_defaults(_request: web.Request) -> web.Response:
    return web.json_response({
        name: {"description": preset.description, **preset.parameters.as_groups()}
        for name, preset in presets().items()
    })


async def parameters_schema(_request: web.Request) -> web.Response:
    return web.json_response(schema_document())


async def validate_parameters(request: web.Request) -> web.Response:
    try:
        validated = validated_from_query(request)
    except ParameterError as error:
        return web.json_response(error_body(error), status=422)
    return web.json_response({"warnings": [w.as_json() for w in validated.warnings]})


async def load_mat(request: web.Request) -> web.Response:
    """A multipart upload with the .mat file in the field ``file``."""
    if not request.content_type.startswith("multipart/"):
        raise web.HTTPBadRequest(reason="send the .mat file as multipart/form-data, field 'file'")
    data: bytes | None = None
    reader = await request.multipart()
    while (part := await reader.next()) is not None:
        if getattr(part, "name", None) == "file":
            data = await part.read()  # type: ignore[union-attr]
            break
    if data is None:
        raise web.HTTPBadRequest(reason="no 'file' field in the upload")
    try:
        imported = read_mat(data)
    except MatFileError as error:
        raise web.HTTPBadRequest(reason=str(error)) from None
    return web.json_response({"preset": imported.preset, "magnafpm": imported.magnafpm})


async def health(request: web.Request) -> web.Response:
    service = request.app[DESIGNS]
    stats = service.flights.stats()
    body: dict[str, Any] = {
        "status": "ok",
        "uptime": round(time.monotonic() - request.app[STARTED], 3),
        "workers": service.pool.workers,
        "workers_busy": service.pool.running,
        "worker_pids": list(service.pool.worker_pids),
        # Cancelled jobs whose worker has not stopped yet (killed after the cancel grace).
        "jobs_stopping": service.pool.stopping,
        "worker_restarts": service.pool.restarts,
        "in_flight": stats.in_flight,
        "jobs_started": stats.jobs_started,
        "jobs_completed": stats.jobs_completed,
        "jobs_cancelled": stats.jobs_cancelled,
        "jobs_failed": stats.jobs_failed,
        "cache_hits": service.cache.hits,
        "subscribers": stats.subscribers,
        "cache_directory": request.app[SETTINGS].cache.directory or None,
    }
    return web.json_response(body)


def _file(outputs: DesignOutputs, name: str) -> tuple[bytes, str]:
    if name == "design.xlsx":
        return outputs.workbook, _XLSX
    if name == "dxf.zip":
        return outputs.dxf_zip, "application/zip"
    assembly, dot, extension = name.partition(".")
    if dot and extension == "obj" and assembly in outputs.objs:
        return outputs.objs[assembly].encode("utf-8"), "text/plain"
    if dot and extension == "step" and assembly in outputs.steps:
        return outputs.steps[assembly], "application/step"
    raise AssertionError(name)


#: Every file ``/api/download/{file}`` serves.
_DOWNLOADS = ("design.xlsx", "dxf.zip",
              *(f"{assembly}.{kind}" for assembly in ASSEMBLIES for kind in ("obj", "step")))


async def _built(request: web.Request) -> DesignOutputs | web.Response:
    """The queried design once its job is done (joining or starting it), or the 422 answer
    naming what is wrong with the query."""
    try:
        design = design_request(request)
    except ParameterError as error:
        return web.json_response(error_body(error), status=422)
    try:
        return await request.app[DESIGNS].outputs(design, client_id(request))
    except DesignUnavailable as error:
        raise web.HTTPServiceUnavailable(reason=str(error)) from None


async def download(request: web.Request) -> web.Response:
    name = request.match_info["file"]
    if name not in _DOWNLOADS:
        raise web.HTTPNotFound(reason=f"no file {name!r}: choose {', '.join(_DOWNLOADS)}")
    outputs = await _built(request)
    if isinstance(outputs, web.Response):
        return outputs
    body, content_type = _file(outputs, name)
    return web.Response(body=body, content_type=content_type,
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})


async def downloads(_request: web.Request) -> web.Response:
    """The files ``/api/download/{file}`` serves in this version, so a page offers only those."""
    return web.json_response({"files": list(_DOWNLOADS)})


async def cut_list(request: web.Request) -> web.Response:
    """The design's cut list (``cnc-parts.json``), waiting for its job like a download."""
    outputs = await _built(request)
    if isinstance(outputs, web.Response):
        return outputs
    return web.json_response(outputs.cut_list)
