from datetime import datetime

from pydantic import BaseModel

from asistencia.employees.schemas import EmployeeSummary


class EventRead(BaseModel):
    id: int
    kind: str
    recorded_at: datetime
    source: str


class MatchRead(BaseModel):
    distance: float
    margin: float | None
    mode: str


class CheckInResponse(BaseModel):
    employee: EmployeeSummary
    event: EventRead
    match: MatchRead
    duplicate: bool = False
