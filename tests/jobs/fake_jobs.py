"""Tiny job functions for the pool's tests, run in real worker processes.

They live in their own module, not in the test module, so a worker imports only this: the
forkserver workers unpickle a job function by module name, and this folder is on their
``sys.path`` because pytest (default ``prepend`` import mode, no ``__init__.py`` in ``tests/``)
puts it on the test process's ``sys.path`` and every new worker receives the parent's ``sys.path``.
"""

from __future__ import annotations

import os
import time

from cadstream.jobs.pool import JobCancelled, JobContext

#: Set by ``initialize`` in each worker, read back by ``initialized``.
_initialized_in: int | None = None


def initialize() -> None:
    """A worker initializer, standing in for the one that imports cadquery."""
    global _initialized_in
    _initialized_in = os.getpid()


def broken_initializer() -> None:
    """A worker initializer that fails, as one would if cadquery were missing."""
    raise ImportError("No module named 'cadquery'")


def slow_initializer() -> None:
    """A worker initializer that takes its time, as importing cadquery on a busy machine."""
    time.sleep(30)


def initialized(context: JobContext) -> bool:
    """Whether this worker ran ``initialize`` before its first job."""
    return _initialized_in == os.getpid()


def steps(context: JobContext, count: int, pause: float) -> str:
    """Report ``count`` steps, pausing ``pause`` s after each; return a fixed result."""
    for i in range(1, count + 1):
        context.check()
        time.sleep(pause)
        context.progress(100 * i // count, f"step {i}")
    return "done"


def fail(context: JobContext, message: str) -> None:
    """Raise a plain exception from the job function."""
    context.progress(10, "about to fail")
    raise ValueError(message)


def cooperative(context: JobContext) -> str:
    """Report the worker pid, then check for cancellation every 10 ms for up to 30 s."""
    context.progress(0, str(os.getpid()))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            context.check()
        except JobCancelled:
            context.progress(0, "saw the Event")
            raise
        time.sleep(0.01)
    return "never cancelled"


def stubborn(context: JobContext, seconds: float) -> int:
    """Report the worker pid, then sleep ``seconds`` without ever checking for cancellation."""
    context.progress(0, str(os.getpid()))
    time.sleep(seconds)
    return os.getpid()


def broken_design(context: JobContext, groups: object, key: str, step_delay: float) -> None:
    """Stands in for ``cadstream.worker.build_design`` failing in its own code: the message names
    a file of the server, which no client may see."""
    context.progress(10, "Building rotor disks")
    open("/srv/cadstream/internal/no-such-template.step", "rb")  # noqa: SIM115


def underivable_design(context: JobContext, groups: object, key: str,
                       step_delay: float) -> None:
    """Stands in for a design whose sheet cannot be computed: the message says what to change."""
    from cadstream.design.derive import DerivationError

    raise DerivationError("Tail", ValueError("math domain error"))
