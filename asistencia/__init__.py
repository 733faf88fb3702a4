"""Asistencia: self-hosted employee attendance with face-recognition check-in."""

__version__ = "0.1.0"
