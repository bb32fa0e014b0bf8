"""What runs inside a worker process: its warm-up and the design job's entry point.

This module is imported by the server to name these functions, so it must not import cadquery
itself: the heavy imports happen inside the functions, in the worker only (the initializer does
them once at start-up, so no request pays for them).
"""

from __future__ import annotations

import importlib
import time
from typing import Any

from cadstream.jobs.pool import JobContext
from cadstream.params.model import Parameters
from cadstream.results import DesignOutputs

__all__ = ["build_design", "warm_up"]

_PIPELINE = "cadstream.pipeline"


def warm_up() -> None:
    """Worker initializer: import CadQuery and the whole pipeline before any request arrives."""
    importlib.import_module(_PIPELINE)


class _PacedSteps:
    """The job's context, optionally pausing between steps (a test setting, off by default)."""

    def __init__(self, context: JobContext, step_delay: float) -> None:
        self._context = context
        self._step_delay = step_delay

    def progress(self, percent: int, message: str) -> None:
        self._context.progress(percent, message)

    def check(self) -> None:
        self._context.check()
        deadline = time.monotonic() + self._step_delay
        while (left := deadline - time.monotonic()) > 0:
            time.sleep(min(left, 0.02))
            self._context.check()


def build_design(context: JobContext, groups: dict[str, dict[str, Any]], key: str,
                 step_delay: float) -> DesignOutputs:
    """Build the validated parameter ``groups`` (plain dicts, so they pickle) into outputs,
    compressed here: the server then unpickles and keeps a quarter of the bytes, and the
    compressing takes none of its time."""
    pipeline = importlib.import_module(_PIPELINE)
    result: DesignOutputs = pipeline.build_design(Parameters.from_groups(groups), key,
                                                  _PacedSteps(context, step_delay))
    return result.compressed()
