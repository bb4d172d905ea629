"""Work handed to a thread of its own (writing while the next piece is computed), with bounded memory and the
thread's error raised in the caller's thread."""

from __future__ import annotations

import queue
import threading

from .errors import QT_TRANSLATE_NOOP, AnalysisError


def write_failed(error: BaseException) -> AnalysisError:
    """The message for an output the background thread could not write (disk full, folder gone…)."""
    return AnalysisError(
        "raster_write_failed",
        QT_TRANSLATE_NOOP("AnalysisError", "Writing the output failed: {error}. Check the free disk space and that "
                                           "the folder is writable."),
        error=error)


class BackgroundWriter:
    """Calls ``work(item)`` on a thread of its own for each item :meth:`put`, at most ``depth`` items waiting.
    After a failure the remaining items are dropped and the next :meth:`put`, or :meth:`finish`, raises
    :func:`write_failed` in the caller's thread."""

    def __init__(self, work, depth: int = 1, name: str = "territoire-writer"):
        self._work = work
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if self.error is not None:
                continue  # drain: the caller learns of the error at its next put or at finish
            try:
                self._work(item)
            except BaseException as exc:  # noqa: BLE001 - handed over to the caller's thread
                self.error = exc

    def raise_if_failed(self) -> None:
        if self.error is not None:
            raise write_failed(self.error) from self.error

    def put(self, item) -> None:
        self.raise_if_failed()
        self._queue.put(item)

    def finish(self, check: bool = True) -> None:
        """Wait for the items already given; with ``check``, raise the thread's error if it had one."""
        self._queue.put(None)
        self._thread.join()
        if check:
            self.raise_if_failed()
