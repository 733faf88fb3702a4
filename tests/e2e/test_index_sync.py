"""Templates written outside the server (CLI, another process) reach its index."""

import pytest

from asistencia.core.database import session_scope
from asistencia.faces.matcher import descriptor_to_bytes
from asistencia.faces.models import FaceTemplate
from asistencia.faces.sync import sync_index
from helpers import check_in, create_employee, enrol

pytestmark = pytest.mark.e2e


def test_sync_loads_template_added_elsewhere(client, admin_headers, faces_dir):
    state = client.app_state
    source = create_employee(client, admin_headers, code="E001")
    enrol(client, admin_headers, source["id"], faces_dir / "biden.jpg")
    target = create_employee(client, admin_headers, code="E002")
    index = state["template_index"]
    descriptor = index._snapshot.matrix[0].copy()
    with session_scope(state["session_factory"]) as session:
        # A template written straight to the database, as the CLI does in its own process.
        session.query(FaceTemplate).filter_by(employee_id=source["id"]).update({"employee_id": target["id"]})
        session.add(
            FaceTemplate(
                employee_id=target["id"], descriptor=descriptor_to_bytes(descriptor), model_name="m",
                model_version="v", box_left=0, box_top=0, box_width=100, box_height=100,
                image_width=640, image_height=800,
            )
        )

    reloaded = sync_index(state["session_factory"], index)
    again = sync_index(state["session_factory"], index)
    response = check_in(client, admin_headers, (faces_dir / "biden2.jpg").read_bytes())

    assert reloaded is True
    assert again is False
    assert index.employee_ids() == {target["id"]}
    assert response.json()["employee"]["employee_code"] == "E002"


def test_sync_job_registered(client):
    assert client.app_state["scheduler"].scheduler.get_job("face_index_sync") is not None
