from asistencia.cli import app

app()
