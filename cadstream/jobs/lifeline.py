"""A pool process ends with the process that owns the pool, even when that one is killed.

Workers and the Manager are children of the forkserver, not of the server, and the forkserver
stays alive while any of them does; so when the server is killed outright (SIGKILL, the OOM
killer) nothing tells them to go, and each would keep its half a gigabyte forever. Each one
therefore watches its owner and exits as soon as the owner has.
"""

from __future__ import annotations

import os
import select
import threading
import time

__all__ = ["exit_with"]

#: How often to look for the owner where the kernel cannot say when it exits (no pidfd).
_POLL_SECONDS = 0.5


def exit_with(owner: int) -> None:
    """End this process (``os._exit``) once process ``owner`` has ended: a daemon thread waits
    on a pidfd for it, or polls where there is none."""
    threading.Thread(target=_wait_then_exit, args=(owner,), name="cadstream-lifeline",
                     daemon=True).start()


def _wait_then_exit(owner: int) -> None:
    try:
        descriptor = os.pidfd_open(owner)
    except ProcessLookupError:  # already gone
        os._exit(1)
    except OSError:  # a kernel before 5.3, or no permission: look now and then
        while _alive(owner):
            time.sleep(_POLL_SECONDS)
    else:
        select.select([descriptor], [], [])  # readable once the process has exited
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, under another user
        return True
    return True
