"""A time limit for a block of Python code, shared by batch extraction and the testing kit."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["time_limit"]


@contextmanager
def time_limit(seconds: float | None, expired: Callable[[], BaseException]) -> Iterator[None]:
    """Raise ``expired()`` inside the block once it has run *seconds* (``None``: no limit).

    Uses ``SIGALRM``, so it guards only on POSIX in the main thread, and
    interrupts Python code only: a C call that never returns is not
    interrupted (callers that must survive that run the block in a process
    they can kill).  Elsewhere the block runs unguarded.
    """
    main_thread = threading.current_thread() is threading.main_thread()
    if seconds is None or not hasattr(signal, "setitimer") or not main_thread:
        yield
        return
    limit: float = seconds

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise expired()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
