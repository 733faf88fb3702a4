"""The command line as a user runs it, in a separate process, in Spanish and English."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import TEST_SECRET


@pytest.fixture()
def cli_env(tmp_path: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("ASISTENCIA_") and key not in ("LANG", "LC_ALL", "LC_MESSAGES")
    }
    env.update(
        {
            "ASISTENCIA_DATA_DIR": str(tmp_path / "data"),
            "ASISTENCIA_SECRET_KEY": TEST_SECRET,
            "ASISTENCIA_ADMIN_PASSWORD": "cli-admin-password",
            "COLUMNS": "200",
        }
    )
    return env


def run(env: dict[str, str], *args: str, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    if lang:
        env = {**env, "LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "asistencia", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_doctor_passes_after_migrate(cli_env):
    migrated = run(cli_env, "migrate")
    doctor = run(cli_env, "doctor")

    assert migrated.returncode == 0, migrated.stderr
    assert "La base de datos está en la revisión" in migrated.stdout
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    for row in ("Versión de Python", "Archivos del modelo facial", "Base de datos", "Zona horaria"):
        assert row in doctor.stdout


def test_doctor_fails_on_unmigrated_database_in_english(cli_env):
    doctor = run(cli_env, "doctor", lang="en_US.UTF-8")

    assert doctor.returncode == 1
    assert "failed" in doctor.stdout
    assert "run: asistencia migrate" in doctor.stdout


def test_doctor_fails_on_unwritable_data_dir(cli_env, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    env = {**cli_env, "ASISTENCIA_DATA_DIR": str(blocker / "data")}

    doctor = run(env, "doctor", lang="en_US.UTF-8")

    assert doctor.returncode == 1
    assert "Data directory writable" in doctor.stdout


def test_invalid_timezone_stops_with_message(cli_env):
    result = run({**cli_env, "ASISTENCIA_TIMEZONE": "Mars/Olympus"}, "doctor")

    assert result.returncode == 2
    assert "ASISTENCIA_TIMEZONE no es un nombre de zona horaria IANA conocido" in result.stderr


def test_serve_refuses_placeholder_secret_outside_development(cli_env):
    env = {**cli_env, "ASISTENCIA_ENVIRONMENT": "production", "ASISTENCIA_SECRET_KEY": "changeme"}

    result = run(env, "serve", lang="en_US.UTF-8")

    assert result.returncode == 2
    assert "ASISTENCIA_SECRET_KEY is missing or a placeholder" in result.stderr


def test_seed_twice_creates_nothing_new(cli_env):
    first = run(cli_env, "seed", lang="en_US.UTF-8")
    second = run(cli_env, "seed", lang="en_US.UTF-8")

    assert first.returncode == 0, first.stderr
    assert "3 roles and 3 shifts created; administrator created: yes" in first.stdout
    assert "0 roles and 0 shifts created; administrator created: no" in second.stdout


def test_enroll_and_check_in_from_cli(cli_env, faces_dir):
    enrolled = run(cli_env, "enroll", "E500", str(faces_dir / "obama.jpg"), "--name", "Barack Obama")
    checked = run(cli_env, "check-in", str(faces_dir / "obama2.jpg"))
    repeated = run(cli_env, "check-in", str(faces_dir / "obama2.jpg"), lang="en_US.UTF-8")
    stranger = run(cli_env, "check-in", str(faces_dir / "biden.jpg"))

    assert enrolled.returncode == 0, enrolled.stdout + enrolled.stderr
    assert "Fotos registradas para E500: 1." in enrolled.stdout
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Entrada registrada de Barack Obama (E500)" in checked.stdout
    assert "Already recorded: check-in for Barack Obama (E500)" in repeated.stdout
    assert stranger.returncode == 1
    assert "face_not_recognized" in stranger.stderr


def test_enroll_reports_each_bad_photo(cli_env, faces_dir, tmp_path):
    text_file = tmp_path / "notes.jpg"
    text_file.write_text("esto no es una foto")

    result = run(
        cli_env, "enroll", "E501", str(text_file), str(tmp_path / "missing.jpg"), "--name", "Nadie", lang="en_US.UTF-8"
    )

    assert result.returncode == 1
    assert "image_unsupported" in result.stderr
    assert "file_unreadable" in result.stderr


def test_generated_admin_password_printed_once(cli_env, tmp_path):
    import re
    import sqlite3

    from asistencia.accounts.security import verify_password

    env = {key: value for key, value in cli_env.items() if key != "ASISTENCIA_ADMIN_PASSWORD"}

    first = run(env, "seed", lang="en_US.UTF-8")
    second = run(env, "seed", lang="en_US.UTF-8")

    found = re.search(r"with password (\S+) \(shown only once", first.stdout)
    assert found, first.stdout
    with sqlite3.connect(tmp_path / "data" / "asistencia.db") as connection:
        (stored_hash,) = connection.execute("SELECT password_hash FROM users").fetchone()
    assert verify_password(found.group(1), stored_hash)
    assert "with password" not in second.stdout
