"""Servers for tests: a real app on a loopback socket with real worker processes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace

from aiohttp.test_utils import TestClient, TestServer

from cadstream.config import JobSettings, Settings
from cadstream.server.app import create_app

#: Short graces keep the tests quick; the behaviour is the same as with the defaults.
TEST_JOBS = JobSettings(workers=2, timeout=120.0, cancel_grace=2.0, idle_grace=0.5)


@asynccontextmanager
async def running_server(settings: Settings | None = None) -> AsyncIterator[TestClient]:
    settings = settings or Settings(jobs=TEST_JOBS)
    async with TestClient(TestServer(create_app(settings))) as client:
        yield client


def with_jobs(**changes: float) -> Settings:
    return Settings(jobs=replace(TEST_JOBS, **changes))  # type: ignore[arg-type]
