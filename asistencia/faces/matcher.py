"""In-memory 1:N matcher over every enrolled descriptor, kept as one float32 matrix."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Iterable

import numpy as np

DESCRIPTOR_SIZE = 128


@dataclass(frozen=True, slots=True)
class Candidate:
    employee_id: int
    distance: float


@dataclass(frozen=True, slots=True)
class MatchResult:
    """Nearest employee and the distance to the nearest other employee (None if alone)."""

    best: Candidate | None
    second: Candidate | None

    @property
    def margin(self) -> float | None:
        if self.best is None or self.second is None:
            return None
        return self.second.distance - self.best.distance


def descriptor_to_bytes(descriptor: np.ndarray) -> bytes:
    return np.asarray(descriptor, dtype="<f4").reshape(DESCRIPTOR_SIZE).tobytes()


def descriptor_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<f4").astype(np.float32).reshape(DESCRIPTOR_SIZE)


class TemplateIndex:
    """Descriptors with their template and employee ids.

    The three arrays form one immutable snapshot that writers replace as a whole under a
    lock, so a search never reads a half-applied enrolment or deletion.

    Each process has its own index. Templates written by another process (the CLI, another
    server) arrive through ``faces.sync`` within its polling interval.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._snapshot = _Snapshot.empty()

    def __len__(self) -> int:
        return int(self._snapshot.template_ids.shape[0])

    def replace_all(self, rows: Iterable[tuple[int, int, np.ndarray]]) -> None:
        """Load (template_id, employee_id, descriptor) rows, dropping what was there."""
        rows = list(rows)
        snapshot = _Snapshot.empty()
        if rows:
            snapshot = _Snapshot(
                matrix=np.vstack([row[2] for row in rows]).astype(np.float32),
                template_ids=np.array([row[0] for row in rows], dtype=np.int64),
                employee_ids=np.array([row[1] for row in rows], dtype=np.int64),
            )
        with self._lock:
            self._snapshot = snapshot

    def add(self, template_id: int, employee_id: int, descriptor: np.ndarray) -> None:
        with self._lock:
            old = self._snapshot
            self._snapshot = _Snapshot(
                matrix=np.vstack([old.matrix, descriptor.reshape(1, DESCRIPTOR_SIZE)]),
                template_ids=np.append(old.template_ids, template_id),
                employee_ids=np.append(old.employee_ids, employee_id),
            )

    def remove_employee(self, employee_id: int) -> None:
        with self._lock:
            self._snapshot = self._snapshot.filtered(self._snapshot.employee_ids != employee_id)

    def remove_templates(self, template_ids: Iterable[int]) -> None:
        removed = np.fromiter(template_ids, dtype=np.int64)
        with self._lock:
            self._snapshot = self._snapshot.filtered(~np.isin(self._snapshot.template_ids, removed))

    def template_ids(self) -> list[int]:
        return [int(value) for value in self._snapshot.template_ids]

    def employee_ids(self) -> set[int]:
        return {int(value) for value in self._snapshot.employee_ids}

    def search(self, descriptor: np.ndarray, *, exclude_employee: int | None = None) -> MatchResult:
        """Return the nearest employee (minimum over their templates) and the runner-up."""
        snapshot = self._snapshot
        if exclude_employee is not None:
            snapshot = snapshot.filtered(snapshot.employee_ids != exclude_employee)
        if snapshot.matrix.shape[0] == 0:
            return MatchResult(best=None, second=None)

        distances = snapshot.distances(descriptor)
        order = np.argsort(distances, kind="stable")
        employee_ids = snapshot.employee_ids
        best_employee = int(employee_ids[order[0]])
        best = Candidate(best_employee, float(distances[order[0]]))
        others = order[employee_ids[order] != best_employee]
        second = None
        if others.size:
            second = Candidate(int(employee_ids[others[0]]), float(distances[others[0]]))
        return MatchResult(best=best, second=second)

    def distance_to(self, descriptor: np.ndarray, employee_id: int) -> float | None:
        """Smallest distance between ``descriptor`` and one employee's templates."""
        snapshot = self._snapshot
        own = snapshot.filtered(snapshot.employee_ids == employee_id)
        if own.matrix.shape[0] == 0:
            return None
        return float(own.distances(descriptor).min())


@dataclass(frozen=True, slots=True)
class _Snapshot:
    matrix: np.ndarray
    template_ids: np.ndarray
    employee_ids: np.ndarray

    @classmethod
    def empty(cls) -> "_Snapshot":
        return cls(
            matrix=np.zeros((0, DESCRIPTOR_SIZE), dtype=np.float32),
            template_ids=np.zeros(0, dtype=np.int64),
            employee_ids=np.zeros(0, dtype=np.int64),
        )

    def filtered(self, keep: np.ndarray) -> "_Snapshot":
        return _Snapshot(self.matrix[keep], self.template_ids[keep], self.employee_ids[keep])

    def distances(self, descriptor: np.ndarray) -> np.ndarray:
        return np.linalg.norm(self.matrix - descriptor.reshape(1, DESCRIPTOR_SIZE), axis=1)
