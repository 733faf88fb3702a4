"""Face templates: one 128-d descriptor per enrolled photo, keyed by employee id."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from asistencia.core.database import Base, UTCDateTime, utcnow


class FaceTemplate(Base):
    __tablename__ = "face_templates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="CASCADE"), index=True
    )
    # 128 little-endian float32 values (512 bytes).
    descriptor: Mapped[bytes] = mapped_column(LargeBinary)
    model_name: Mapped[str] = mapped_column(String(100))
    model_version: Mapped[str] = mapped_column(String(50))
    box_left: Mapped[int] = mapped_column(Integer)
    box_top: Mapped[int] = mapped_column(Integer)
    box_width: Mapped[int] = mapped_column(Integer)
    box_height: Mapped[int] = mapped_column(Integer)
    # Size of the working copy the box refers to.
    image_width: Mapped[int] = mapped_column(Integer)
    image_height: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
