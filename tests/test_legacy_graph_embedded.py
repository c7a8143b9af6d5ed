"""An object the 2.0.0 and 2.2.0 resources show inside another is what its own endpoint
serves: the agency and spacecraft configuration of a real 2.0.0 docking event, a spacecraft
flight's launch and a launch's spacecraft stage, and every object with a `url` of ours nested
in any list of these resources (agencies, configurations, pads, programs, flights, spacecraft
among them)."""

import pytest

from tests import legacy_graph_helpers
from tests.conftest import as_json, assert_same_json, import_documents, reference, without_hosts
from tests.legacy_graph_helpers import LATER, LIST, PROGRESS_MS_30, VERSIONS
from tests.test_embedded import LINK, assert_within

pytestmark = pytest.mark.django_db

graph = legacy_graph_helpers.graph


def test_the_agency_and_configuration_of_2_0_0_event_633_are_what_their_endpoints_serve(api):
    event = reference("v2.0.0_docking_event_633.json")
    import_documents(event)
    config = event["flight_vehicle"]["spacecraft"]["spacecraft_config"]

    agencies = as_json(api.get("/2.0.0/agencies/?format=api&limit=100"))["results"]
    assert_same_json(next(a for a in agencies if a["id"] == 17), config["agency"])
    assert_same_json(as_json(api.get("/2.0.0/config/spacecraft/2/?format=api")), config)
    listed = as_json(api.get("/2.0.0/config/spacecraft/?format=api&mode=detailed"))["results"]
    assert_same_json(next(c for c in listed if c["id"] == 2), config)
    own = as_json(api.get("/2.0.0/agencies/17/?format=api"))
    assert_within(without_hosts(config["agency"]), without_hosts(own), "agency 17")
    spacecraft_list = next(c for c in own["spacecraft_list"] if c["id"] == 2)
    assert_same_json(spacecraft_list, config)


@pytest.mark.parametrize("version", VERSIONS)
def test_a_flights_launch_is_the_launch_list_object(api, graph, version):
    normal = api.get(f"/{version}/launch/?mode=normal&limit=100").json()["results"]
    by_id = {launch["id"]: launch for launch in normal}
    for mode in ("normal", "detailed"):
        for flight in api.get(f"/{version}/spacecraft/flight/?mode={mode}&limit=100").json()[
            "results"
        ]:
            assert_same_json(flight["launch"], by_id[flight["launch"]["id"]])
    detailed = api.get(f"/{version}/launch/{PROGRESS_MS_30}/").json()
    flight = api.get(f"/{version}/spacecraft/flight/872/").json()
    assert_within(detailed["rocket"]["spacecraft_stage"], flight, "spacecraft_stage")
    assert_within(by_id[PROGRESS_MS_30], detailed, "launch")


def embedded_objects(value, top=True):
    """Every object nested in `value` (not `value` itself) with a `url` we serve."""
    if isinstance(value, dict):
        if not top and LINK.match(value.get("url") or ""):
            yield value
        for item in value.values():
            yield from embedded_objects(item, top=False)
    elif isinstance(value, list):
        for item in value:
            yield from embedded_objects(item, top=False)


@pytest.mark.parametrize("version", VERSIONS)
def test_every_object_shown_inside_another_is_what_its_endpoint_serves(api, frozen, graph, version):
    checked = set()
    with frozen(LATER):
        for resource, mode in sorted(LIST):
            if resource == "launch/upcoming":
                continue
            page = api.get(f"/{version}/{resource}/?mode={mode}&limit=100").json()
            for shown in (obj for item in page["results"] for obj in embedded_objects(item)):
                path = LINK.match(shown["url"]).group(1)
                own = api.get(path)
                assert own.status_code == 200, path
                shown = without_hosts(shown)
                if "/location/" in path:
                    shown.pop("url")  # LL2's `LocationDetail` has no `url`
                assert_within(shown, without_hosts(own.json()), path)
                checked.add(LINK.match(shown.get("url", path)).group(3))
    assert checked >= {
        "agencies",
        "config/launcher",
        "config/spacecraft",
        "pad",
        "program",
        "spacecraft/flight",
        "spacecraft",
    }
