"""Run photo decoding and face analysis in a bounded worker pool off the event loop."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from asistencia.core.logging import get_logger
from asistencia.faces.decoding import decode_image
from asistencia.faces.engine import FaceAnalysis, FaceEngine
from asistencia.faces.errors import FaceEngineBusy

log = get_logger(__name__)

# Requests beyond workers x this factor wait at most QUEUE_WAIT_SECONDS, then get a 503.
QUEUE_FACTOR = 8
QUEUE_WAIT_SECONDS = 30.0


class FaceProcessor:
    """Owns the worker threads that run ``FaceEngine``; one per process, built in the lifespan."""

    def __init__(
        self, engine: FaceEngine, *, workers: int, max_pixels: int, max_side: int
    ) -> None:
        self.engine = engine
        self.workers = workers
        self._max_pixels = max_pixels
        self._max_side = max_side
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="face")
        self._slots = asyncio.Semaphore(workers * QUEUE_FACTOR)

    def analyze_bytes(self, data: bytes) -> FaceAnalysis:
        """Decode a photo and analyse its face in the calling thread."""
        image = decode_image(data, max_pixels=self._max_pixels, max_side=self._max_side)
        return self.engine.analyze(image.pixels)

    async def analyze(self, data: bytes) -> FaceAnalysis:
        """Decode and analyse a photo in the pool; the event loop stays free meanwhile."""
        try:
            await asyncio.wait_for(self._slots.acquire(), timeout=QUEUE_WAIT_SECONDS)
        except TimeoutError as exc:
            log.warning("face_engine.queue_full", workers=self.workers)
            raise FaceEngineBusy() from exc
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._executor, self.analyze_bytes, data)
        finally:
            self._slots.release()

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
