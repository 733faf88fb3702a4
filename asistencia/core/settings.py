"""Application settings, read from the environment with the ``ASISTENCIA_`` prefix."""

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = {"", "changeme", "change-me", "secret", "dev-insecure-secret-key"}
DEV_SECRET_KEY = "dev-insecure-secret-key"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="ASISTENCIA_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    environment: Literal["development", "test", "production"] = "development"
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    data_dir: Path = Path("data")
    # Empty means SQLite at DATA_DIR/asistencia.db.
    database_url: str = ""
    secret_key: str = DEV_SECRET_KEY
    access_token_minutes: int = Field(default=12 * 60, ge=1)
    admin_email: str = "admin@example.com"
    # Empty means a random password is generated and printed once on first start.
    admin_password: str = ""
    timezone: str = "America/Lima"
    default_locale: Literal["es", "en"] = "es"
    log_level: str = "INFO"

    # Maximum Euclidean distance between descriptors for a match. Measured on the
    # shared test photos: same person 0.04-0.45, different people 0.81-0.87.
    match_threshold: float = Field(default=0.5, gt=0, le=2)
    # The second-nearest other employee must be at least this much further away.
    match_margin: float = Field(default=0.1, ge=0, le=2)
    max_templates_per_employee: int = Field(default=10, ge=1, le=100)
    duplicate_window_seconds: int = Field(default=60, ge=0)
    max_image_pixels: int = Field(default=40_000_000, ge=1)
    max_upload_bytes: int = Field(default=25 * 1024 * 1024, ge=1)
    # Longer image side used for detection; larger finds smaller faces but is slower.
    detection_max_side: int = Field(default=800, ge=160, le=4000)
    # Faces whose box is narrower than this (in working-copy pixels) are rejected. Measured
    # on obama.jpg shrunk onto a larger canvas: a 36 px face lies 0.50 from another photo of
    # the same person, at the match threshold, while 43 px and larger stay near 0.42.
    min_face_size: int = Field(default=40, ge=10)
    face_workers: int = Field(default=2, ge=1, le=32)

    # An alert is raised when an employee's late arrivals or absences in a rolling 30 days
    # reach these counts. It is raised again only after the count drops below and rises again.
    alert_late_count: int = Field(default=3, ge=1, le=31)
    alert_absence_count: int = Field(default=2, ge=1, le=31)
    # Largest document attached to a leave request or justification.
    max_attachment_bytes: int = Field(default=10 * 1024 * 1024, ge=1)

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown IANA time zone {value!r}") from exc
        return value

    @model_validator(mode="after")
    def _check_secret_key(self) -> "Settings":
        if self.environment != "development" and self.secret_key in PLACEHOLDER_SECRETS:
            raise ValueError(
                "ASISTENCIA_SECRET_KEY is missing or a placeholder; set a long random value "
                "(for example: python -c 'import secrets; print(secrets.token_urlsafe(48))')"
            )
        return self

    def with_development_secret(self) -> "Settings":
        """Return settings whose placeholder secret is replaced by one kept in DATA_DIR.

        Only in development: tokens then survive restarts and the key is long enough for
        HS256, without anyone having to set ASISTENCIA_SECRET_KEY on a laptop.
        """
        if self.environment != "development" or self.secret_key not in PLACEHOLDER_SECRETS:
            return self
        path = self.data_dir / "secret_key"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48), encoding="utf-8")
            path.chmod(0o600)
        return self.model_copy(update={"secret_key": path.read_text(encoding="utf-8").strip()})

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'asistencia.db').resolve()}"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@lru_cache
def get_settings() -> Settings:
    return Settings()
