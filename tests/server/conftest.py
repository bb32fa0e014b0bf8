"""One real server shared by a module's tests: starting workers (CadQuery included) takes
seconds; tests that need their own settings start their own with ``running_server``."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio
from aiohttp.test_utils import TestClient
from app_servers import running_server


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def client() -> AsyncIterator[TestClient]:
    async with running_server() as shared:
        yield shared
