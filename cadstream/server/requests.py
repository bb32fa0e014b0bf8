"""Turning a request's query into validated parameters, and problems into answers."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from cadstream.params.problems import ParameterError
from cadstream.params.query import groups_from_query
from cadstream.server.designs import DesignRequest
from cadstream.server.keys import VALIDATIONS
from cadstream.validation import Validated, validate

__all__ = ["CLIENT_KEY", "client_id", "design_request", "error_body", "validated_from_query"]

#: Query parameter naming the browser tab a stream belongs to; not part of the design.
CLIENT_KEY = "client"


def validated_from_query(request: web.Request) -> Validated:
    """``ParameterError`` carries every problem of the query, none is raised half-way.

    The answer to a query is kept (whichever ``client`` asks), so identical requests validate
    once; validation is a pure function of the query.
    """
    pairs = [(name, value) for name, value in request.query.items() if name != CLIENT_KEY]
    answers = request.app[VALIDATIONS]
    key = urlencode(pairs)
    answer = answers.get(key)
    if answer is None:
        try:
            answer = validate(groups_from_query(pairs))
        except ParameterError as error:
            answer = error
        answers.put(key, answer)
    if isinstance(answer, ParameterError):
        raise ParameterError(answer.problems)
    return answer


def design_request(request: web.Request) -> DesignRequest:
    return DesignRequest.of(validated_from_query(request))


def client_id(request: web.Request) -> str:
    """The ``client`` query parameter, or the peer address when a client sends none."""
    return request.query.get(CLIENT_KEY) or f"peer:{request.remote or 'unknown'}"


def error_body(error: ParameterError) -> dict[str, Any]:
    """``{"error": message, "fields": [{"name", "value", "message"}...]}`` for a form to mark."""
    return {"error": str(error), "fields": [problem.as_json() for problem in error.problems]}
