"""Curator edits survive the mirror: an object saved in the admin is marked curated, imports
and syncs leave its values alone (and still link to it) until it is released. The people and
events too: a save through their forms keeps every value, and marks them."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import serializers
from django.db import connection
from django.forms import MultiWidget
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ingest.upsert import Importer
from spaceflight import models as m
from spaceflight.models import Curated, DockingEvent, DockingLocation, SpaceStation
from tests.conftest import REFERENCE, reference
from tests.support import crews, factories
from tests.support.imports import run

pytestmark = pytest.mark.django_db

PAGE = REFERENCE / "v2.3.0_docking_events_list_offset10_b.json"
ISS = 4
LL2_NAME = "International Space Station"


@pytest.fixture
def curator(client):
    client.force_login(User.objects.create_superuser("curator", "c@example.org", "pw"))
    return client


def edit(curator, obj, **changes):
    """Save `obj` through its admin change form, as a curator would."""
    data = {key: "" if value is None else value for key, value in model_to_dict(obj).items()}
    url = reverse(f"admin:spaceflight_{obj._meta.model_name}_change", args=[obj.pk])
    response = curator.post(url, {**data, **changes})
    assert response.status_code == 302, response.context["adminform"].form.errors


def release(curator, model, *pks):
    url = reverse(f"admin:spaceflight_{model._meta.model_name}_changelist")
    response = curator.post(url, {"action": "release", "_selected_action": [str(pk) for pk in pks]})
    assert response.status_code == 302


def test_an_edit_is_kept_by_a_reimport_until_released(curator):
    run(PAGE)
    edit(curator, SpaceStation.objects.get(pk=ISS), name="ISS (curated)")
    assert Curated.objects.filter(model="spaceflight.spacestation", object_id=str(ISS)).exists()

    output = run(PAGE)

    assert SpaceStation.objects.get(pk=ISS).name == "ISS (curated)"
    assert "SpaceStation 0/0/0/1" in output

    release(curator, SpaceStation, ISS)
    assert not Curated.objects.exists()
    output = run(PAGE)

    assert SpaceStation.objects.get(pk=ISS).name == LL2_NAME
    assert "SpaceStation 0/1/0/0" in output


def test_new_events_still_link_to_a_curated_station(curator):
    run(PAGE)
    edit(curator, SpaceStation.objects.get(pk=ISS), name="ISS (curated)", orbit="Low Earth")

    run(REFERENCE / "v2.3.0_docking_events_618_detailed.json")

    assert DockingEvent.objects.get(pk=618).space_station_target_id == ISS
    station = SpaceStation.objects.get(pk=ISS)
    assert (station.name, station.orbit) == ("ISS (curated)", "Low Earth")


def test_the_mirror_keeps_curated_values_too(curator):
    page = reference(PAGE.name)
    Importer().import_document(page)
    location = DockingLocation.objects.get(pk=page["results"][0]["docking_location"]["id"])
    edit(curator, location, name="Harmony forward (curated)")

    Importer().import_document(page)

    location.refresh_from_db()
    assert location.name == "Harmony forward (curated)"


def test_adding_through_the_admin_marks_the_new_object(curator):
    response = curator.post(
        reverse("admin:spaceflight_dockinglocation_add"), {"id": 999, "name": "New port"}
    )

    assert response.status_code == 302
    assert Curated.objects.filter(model="spaceflight.dockinglocation", object_id="999").exists()


def test_the_lists_show_what_is_curated_and_release_from_the_marks(curator):
    run(PAGE)
    edit(curator, SpaceStation.objects.get(pk=ISS), name="ISS (curated)")
    stations = reverse("admin:spaceflight_spacestation_changelist")

    listed = curator.get(stations).context["cl"].result_list
    assert {station.pk: station.is_curated for station in listed} == {ISS: True}
    assert curator.get(f"{stations}?curated=no").context["cl"].result_count == 0
    marks = curator.get(reverse("admin:spaceflight_curated_changelist"))
    assert f'href="{reverse("admin:spaceflight_spacestation_change", args=[ISS])}"' in (
        marks.content.decode()
    )

    mark = Curated.objects.get()
    response = curator.post(
        reverse("admin:spaceflight_curated_changelist"),
        {"action": "release", "_selected_action": [mark.pk]},
    )

    assert response.status_code == 302
    assert not Curated.objects.exists()
    assert curator.get(stations).context["cl"].result_list[0].is_curated is False


def test_the_curated_column_costs_one_query_per_page_not_per_row(curator):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert curator.get(reverse("admin:spaceflight_spacestation_changelist")).status_code
        return len(captured)

    factories.station("Mir")
    few = queries()
    for name in ("Salyut 6", "Salyut 7", "Skylab", "Tiangong"):
        factories.station(name)
    assert queries() == few


# People and events (tests/support/crews.py) -------------------------------------------------

crewed = crews.crewed
CREW_MODELS = [
    m.Astronaut,
    m.AstronautFlight,
    m.AstronautRole,
    m.AstronautStatus,
    m.AstronautType,
    m.Expedition,
    m.Spacewalk,
    m.Event,
    m.EventType,
]


def as_the_form_shows(curator, obj):
    """The data of `obj`'s admin change form as its page fills it in."""
    url = reverse(f"admin:spaceflight_{obj._meta.model_name}_change", args=[obj.pk])
    form = curator.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field.widget, MultiWidget):  # a date-time: a date and a time
            for index, part in enumerate(field.widget.decompress(value)):
                data[f"{name}_{index}"] = "" if part is None else part
        elif isinstance(value, list):
            data[name] = [str(item) for item in value]
        elif value is not None and value is not False:
            data[name] = value
    return url, data


def row(obj):
    return serializers.serialize("json", [type(obj).objects.get(pk=obj.pk)])


@pytest.mark.parametrize("model", CREW_MODELS, ids=lambda model: model.__name__)
def test_saving_a_crew_row_unchanged_marks_it_and_changes_nothing(curator, crewed, model):
    obj = model.objects.order_by("pk").first()
    before = row(obj)
    url, data = as_the_form_shows(curator, obj)

    response = curator.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert row(obj) == before
    assert Curated.objects.filter(model=obj._meta.label_lower, object_id=str(obj.pk)).exists()


def test_an_import_leaves_a_curated_astronauts_values_alone(curator, crewed, tmp_path, frozen):
    astronaut = m.Astronaut.objects.get(pk=4)
    url, data = as_the_form_shows(curator, astronaut)
    assert curator.post(url, {**data, "name": "Astronaut 4 (curated)"}).status_code == 302
    m.Astronaut.objects.filter(pk=4).update(in_space=False)  # as if the curator had said so
    before = row(astronaut)

    output = crews.import_crews(tmp_path, frozen)

    assert row(astronaut) == before
    created, updated, _, kept = re.search(r"Astronaut (\d+)/(\d+)/(\d+)/(\d+)", output).groups()
    assert (created, updated, kept) == ("0", "0", "1")
    expedition = m.Expedition.objects.get(pk=902)
    assert 4 in set(expedition.crew.values_list("astronaut", flat=True))

    release(curator, m.Astronaut, 4)
    crews.import_crews(tmp_path, frozen)
    astronaut.refresh_from_db()
    assert (astronaut.name, astronaut.in_space) == ("Astronaut 4", True)
