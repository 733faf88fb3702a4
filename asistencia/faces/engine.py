"""The face engine: dlib models loaded once per process, detection and descriptors.

dlib's HOG detector and shape predictor run in parallel from several threads. The ResNet
descriptor network keeps per-call state, so its calls are serialised with a lock.

NOTE: dlib-bin 20.0 holds the GIL during ``compute_face_descriptor`` (measured: a Python
thread made no progress during it), so descriptors never use a second core and the event
loop pauses for each one. Running the network in a separate process would lift both.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from asistencia.core.logging import get_logger
from asistencia.faces.errors import (
    FaceTooSmall,
    ModelFileMissing,
    MultipleFaces,
    NoFaceDetected,
)

log = get_logger(__name__)

MODEL_NAME = "dlib_face_recognition_resnet_model_v1"
LANDMARKS_FILE = "shape_predictor_5_face_landmarks.dat"
RECOGNITION_FILE = "dlib_face_recognition_resnet_model_v1.dat"
WARMUP_IMAGE = Path(__file__).resolve().parent / "assets" / "warmup.png"
# The largest face is used only when it is at least this many times the area of the next one.
DOMINANT_FACE_AREA_RATIO = 2.0


@dataclass(frozen=True, slots=True)
class FaceBox:
    left: int
    top: int
    width: int
    height: int

    @property
    def area(self) -> int:
        return self.width * self.height


@dataclass(frozen=True, slots=True)
class FaceAnalysis:
    """One face found in a photo: its descriptor and where it was, in working-copy pixels."""

    descriptor: np.ndarray
    box: FaceBox
    image_width: int
    image_height: int
    faces_found: int
    upsampled: bool


def model_directory() -> Path:
    """Locate the model folder of ``face_recognition_models`` without importing it.

    Importing the package would pull in ``pkg_resources``; only its files are needed.
    """
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        raise ModelFileMissing(path="face_recognition_models/models")
    return Path(next(iter(spec.submodule_search_locations))) / "models"


def model_files() -> dict[str, Path]:
    folder = model_directory()
    return {"landmarks": folder / LANDMARKS_FILE, "recognition": folder / RECOGNITION_FILE}


def check_model_files() -> dict[str, Path]:
    """Return the model paths, raising ModelFileMissing naming the first missing file."""
    files = model_files()
    for path in files.values():
        if not path.is_file() or path.stat().st_size == 0:
            raise ModelFileMissing(path=str(path))
    return files


def models_version() -> str:
    try:
        return importlib.metadata.version("face_recognition_models")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


class FaceEngine:
    """Detector, landmark model and descriptor network, created only by ``load_engine``."""

    def __init__(self, *, min_face_size: int) -> None:
        import dlib

        files = check_model_files()
        self.min_face_size = min_face_size
        self.model_name = MODEL_NAME
        self.model_version = models_version()
        self._dlib = dlib
        self._shape_predictor = dlib.shape_predictor(str(files["landmarks"]))
        self._recognizer = dlib.face_recognition_model_v1(str(files["recognition"]))
        self._recognizer_lock = threading.Lock()
        # The HOG detector is built from data compiled into dlib, not read from a file, so
        # each worker thread gets its own instance instead of sharing one.
        self._local = threading.local()

    def _detector(self):  # type: ignore[no-untyped-def]
        detector = getattr(self._local, "detector", None)
        if detector is None:
            detector = self._dlib.get_frontal_face_detector()
            self._local.detector = detector
        return detector

    def warm_up(self) -> None:
        """Run the detector and the descriptor network once on the bundled image."""
        from PIL import Image

        with Image.open(WARMUP_IMAGE) as image:
            pixels = np.ascontiguousarray(np.asarray(image.convert("RGB")))
        self._detector()(pixels, 0)
        whole = self._dlib.rectangle(0, 0, pixels.shape[1] - 1, pixels.shape[0] - 1)
        shape = self._shape_predictor(pixels, whole)
        with self._recognizer_lock:
            self._recognizer.compute_face_descriptor(pixels, shape)

    def analyze(self, pixels: np.ndarray) -> FaceAnalysis:
        """Find the one usable face in ``pixels`` and compute its 128-d descriptor.

        Raises NoFaceDetected, MultipleFaces or FaceTooSmall.
        """
        detector = self._detector()
        upsampled = False
        detections = list(detector(pixels, 0))
        if not detections:
            detections = list(detector(pixels, 1))
            upsampled = True
        if not detections:
            raise NoFaceDetected()

        height, width = pixels.shape[:2]
        boxes = sorted(
            (_clip_box(rect, width, height) for rect in detections),
            key=lambda pair: pair[1].area,
            reverse=True,
        )
        if len(boxes) > 1 and boxes[0][1].area < DOMINANT_FACE_AREA_RATIO * boxes[1][1].area:
            raise MultipleFaces(count=len(boxes))

        rect, box = boxes[0]
        if min(box.width, box.height) < self.min_face_size:
            raise FaceTooSmall(size=min(box.width, box.height), minimum=self.min_face_size)

        shape = self._shape_predictor(pixels, rect)
        with self._recognizer_lock:
            values = self._recognizer.compute_face_descriptor(pixels, shape)
        descriptor = np.asarray(values, dtype=np.float32)
        return FaceAnalysis(
            descriptor=descriptor,
            box=box,
            image_width=width,
            image_height=height,
            faces_found=len(boxes),
            upsampled=upsampled,
        )


def _clip_box(rect, width: int, height: int):  # type: ignore[no-untyped-def]
    left = max(0, rect.left())
    top = max(0, rect.top())
    right = min(width - 1, rect.right())
    bottom = min(height - 1, rect.bottom())
    return rect, FaceBox(left=left, top=top, width=max(0, right - left), height=max(0, bottom - top))


_engine: FaceEngine | None = None
_engine_lock = threading.Lock()
_load_count = 0


def load_engine(*, min_face_size: int) -> FaceEngine:
    """Load the models and warm up, once per process; later calls log a warning and reuse it."""
    global _engine, _load_count
    with _engine_lock:
        if _engine is not None:
            log.warning("face_engine.load.skipped", reason="already loaded in this process")
            return _engine

        started = time.perf_counter()
        engine = FaceEngine(min_face_size=min_face_size)
        loaded = time.perf_counter()
        engine.warm_up()
        _load_count += 1
        _engine = engine
        log.info(
            "face_engine.loaded",
            model=engine.model_name,
            version=engine.model_version,
            load_ms=round((loaded - started) * 1000),
            warmup_ms=round((time.perf_counter() - loaded) * 1000),
            load_count=_load_count,
        )
        return engine


def engine_load_count() -> int:
    """Number of times the models were read from disk in this process."""
    return _load_count


def loaded_engine() -> FaceEngine | None:
    return _engine
