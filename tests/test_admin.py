"""The curator admin: login required, every model editable, edits visible in the API at once."""

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.urls import reverse

from api.models import ApiKey
from tests.support import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator(client):
    user = User.objects.create_superuser("curator", "c@example.org", "pw")
    client.force_login(user)
    return client


def test_admin_requires_login(client):
    response = client.get("/admin/spaceflight/dockingevent/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize(
    "model", list(apps.get_app_config("spaceflight").get_models()), ids=lambda m: m.__name__
)
def test_every_model_has_a_changelist_and_an_add_form(curator, model):
    factories.full_event(1)
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    assert curator.get(reverse(f"{prefix}_changelist")).status_code == 200
    assert curator.get(reverse(f"{prefix}_add")).status_code == 200
    row = model.objects.first()
    if row is not None:
        assert curator.get(reverse(f"{prefix}_change", args=[row.pk])).status_code == 200


def test_docking_events_filter_by_station_docked_and_search(curator):
    station = factories.station("Mir")
    docked = factories.docking(1, target=station)
    factories.docking(2, departure_day=5, target=station)
    factories.docking(3)

    def listed(query):
        response = curator.get(f"/admin/spaceflight/dockingevent/?{query}")
        assert response.status_code == 200
        return {event.pk for event in response.context["cl"].result_list}

    assert len(listed(f"station={station.pk}")) == 2
    assert listed(f"station={station.pk}&docked=yes") == {docked.pk}
    assert docked.pk in listed("q=mir")


def test_an_admin_edit_shows_in_the_api_at_once(curator, api):
    event = factories.docking(1)
    location = event.docking_location
    assert (
        api.get(f"/2.3.0/docking_events/{event.pk}/").json()["docking_location"]["name"] == "Port"
    )

    response = curator.post(
        f"/admin/spaceflight/dockinglocation/{location.pk}/change/",
        {"id": location.pk, "name": "Harmony zenith"},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors

    body = api.get(f"/2.3.0/docking_events/{event.pk}/").json()
    assert body["docking_location"]["name"] == "Harmony zenith"


@pytest.mark.parametrize("rate", ["abc", "10/x", "1e3/hour", "-1/hour", "0/hour", "15/ hour"])
def test_the_admin_refuses_a_rate_the_throttle_cannot_read(curator, rate):
    key, _ = ApiKey.issue("mirror", "100/hour")
    url = f"/admin/api/apikey/{key.pk}/change/"

    response = curator.post(url, {"name": "mirror", "rate": rate, "active": "on"})

    assert response.status_code == 200
    assert "not a rate like 1000/hour" in str(response.context["adminform"].form.errors["rate"])
    key.refresh_from_db()
    assert key.rate == "100/hour"


@pytest.mark.parametrize("rate", ["2/second", "60/min", "5000/hour", "1/d", ""])
def test_the_admin_saves_a_valid_rate(curator, rate):
    key, _ = ApiKey.issue("mirror", "100/hour")
    response = curator.post(
        f"/admin/api/apikey/{key.pk}/change/", {"name": "mirror", "rate": rate, "active": "on"}
    )
    assert response.status_code == 302
    key.refresh_from_db()
    assert key.rate == rate
