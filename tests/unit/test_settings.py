"""Settings: the development secret kept in the data folder."""

from asistencia.core.settings import DEV_SECRET_KEY, Settings


def test_development_secret_created_and_reused(tmp_path):
    settings = Settings(environment="development", data_dir=tmp_path, secret_key=DEV_SECRET_KEY)

    first = settings.with_development_secret()
    second = settings.with_development_secret()

    assert first.secret_key != DEV_SECRET_KEY
    assert len(first.secret_key) >= 32
    assert second.secret_key == first.secret_key
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_explicit_secret_kept(tmp_path):
    settings = Settings(environment="development", data_dir=tmp_path, secret_key="x" * 40)

    assert settings.with_development_secret().secret_key == "x" * 40
    assert not (tmp_path / "secret_key").exists()
