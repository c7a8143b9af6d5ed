"""The pages in a real browser: Debian's Chromium driven by Playwright, against the production
server (granian, collected static files) on the bundled data. Nothing may come from another host
and nothing may be logged as an error. Saves the ISS page's screenshot for the README."""

import json
import os
import zlib
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tools.servers import get, manage, running, server_env

CHROMIUM = Path("/usr/bin/chromium")
# The README's picture, made again only when asked: UPDATE_SCREENSHOT=1 make test.
SCREENSHOT = Path(__file__).parent.parent / "docs" / "station-page.png"
# Playwright's own browser download needs the network; Debian's Chromium is used instead.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ISS, SALYUT_6 = 4, 14

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="no /usr/bin/chromium (scripts/services installs it for the production-stack pass)",
)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    env = server_env(
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        THROTTLE_COUNTER_FILE=str(folder / "counters.sqlite3"),
        THROTTLE_ANON_RATE="",
    )
    manage(env, "migrate", "--no-input")
    manage(env, "load_bundled_data")
    manage(env, "collectstatic_once")
    with running(env) as (url,):
        yield url, env


@pytest.fixture(scope="module")
def base(server):
    return server[0]


def change_data(server, code):
    """Run `code` in the server's database, as a process of its own, and tell the server."""
    manage(
        server[1],
        "shell",
        "-c",
        f"{code}\nfrom spaceflight.changes import data_changed\ndata_changed()",
    )


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def visit(browser, base):
    """`visit(path)` opens a page; when the test is done, every URL the page requested must be
    on our host, and its console must hold no error."""
    requests, errors, pages = [], [], []

    def open_page(path, width=1280, height=800):
        page = browser.new_page(viewport={"width": width, "height": height})
        page.on("request", lambda request: requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        assert page.goto(base + path).status == 200
        page.wait_for_load_state("networkidle")
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        page.close()
    assert errors == []
    assert requests and [url for url in requests if not url.startswith(f"{base}/")] == []


def api(base, path):
    status, body = get(f"{base}{path}")
    assert status == 200
    return json.loads(body)["results"]


def astros(base):
    status, body = get(f"{base}/astros.json")
    assert status == 200
    return json.loads(body)


def aboard(base, station):
    return sorted(p["name"] for p in astros(base)["people"] if p["craft"] == station)


def docked(base, station):
    return api(base, f"/2.3.0/docking_events/?docked=true&space_station_target__id={station}")


def events(base, station):
    return api(base, f"/2.3.0/docking_events/?space_station_target__id={station}&limit=100")


def distinct_bytes(png):
    """How many byte values the image's pixel data (its IDAT chunks, inflated) holds: a page of
    one colour gives a handful, a drawn page a few hundred."""
    data, at = b"", 8
    while at < len(png):
        length = int.from_bytes(png[at : at + 4], "big")
        if png[at + 4 : at + 8] == b"IDAT":
            data += png[at + 8 : at + 8 + length]
        at += 12 + length
    return len(set(zlib.decompress(data)))


def test_home(visit, base):
    page = visit("/")
    text = page.inner_text("main")
    for station in ("International Space Station", "Salyut 6", "Tiangong space station"):
        assert station in text
    for event in docked(base, ISS) + docked(base, 18):
        assert event["flight_vehicle_chaser"]["spacecraft"]["name"] in text
    for link in ("/2.3.0/", "/2.2.0/", "/2.0.0/", "/2.3.0/swagger/", "/docs/"):
        assert page.locator(f"main a[href='{link}']").count() == 1
    assert int(page.inner_text(".in-space .count")) == astros(base)["number"] == 10
    assert page.inner_text("#data-as-of").startswith("Data as of 2026-04-05 04:17 UTC")


def test_iss_page(visit, base):
    page = visit(f"/stations/{ISS}/")
    assert page.inner_text("h1") == "International Space Station"
    table = page.inner_text("table.docked-now")
    for event in docked(base, ISS):
        assert event["flight_vehicle_chaser"]["spacecraft"]["name"] in table
    assert page.locator("svg.timeline a.bar").count() == len(events(base, ISS))
    crew = page.locator("table.aboard tbody th[scope=row]").all_inner_texts()
    assert sorted(crew) == aboard(base, "International Space Station")
    assert len(crew) == 7

    png = page.screenshot(path=SCREENSHOT if os.environ.get("UPDATE_SCREENSHOT") else None)
    assert len(png) < 300_000
    assert distinct_bytes(png) > 100


def test_durations_stop_at_the_datas_date(visit):
    """The bundled data is of April 2026: nothing on its pages counts on to today."""
    page = visit(f"/stations/{ISS}/")
    cell = page.locator("table.docked-now td time").last
    before = cell.inner_text()
    page.wait_for_timeout(1100)
    assert cell.inner_text() == before
    assert page.locator("time.live").count() == 0
    assert page.inner_text("#counted-to").startswith("Durations counted to 2026-04-05 04:17 UTC")


def test_salyut_6_zoomed_to_1978_1982(visit, base):
    page = visit(f"/stations/{SALYUT_6}/?from=1978&to=1982")
    assert page.inner_text("h1") == "Salyut 6"
    assert page.locator("svg.timeline a.bar").count() == len(events(base, SALYUT_6)) == 10
    assert page.input_value("input[name=from]") == "1978"
    png = page.screenshot()
    assert distinct_bytes(png) > 100


def test_pages_hold_on_a_phone(visit):
    for path in ("/", f"/stations/{ISS}/", "/docs/"):
        page = visit(path, width=390, height=844)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    station = visit(f"/stations/{ISS}/", width=390, height=844)
    assert station.locator("svg.timeline").bounding_box()["width"] <= 390


# These change the server's data: they run last.


def test_durations_count_on_live_while_the_data_is_current(visit, server):
    change_data(
        server,
        "from django.utils import timezone\nfrom ingest.models import Capture\n"
        "Capture.objects.create(captured_at=timezone.now())",
    )
    page = visit(f"/stations/{ISS}/")
    for cell in (
        page.locator("table.docked-now time.live").first,
        page.locator("table.aboard time.live").first,
    ):
        before = cell.inner_text()
        page.wait_for_timeout(1100)
        assert cell.inner_text() != before
    assert page.inner_text("#counted-to") == "Durations count on, live."


def test_the_station_page_shows_what_is_next(visit, server, base):
    change_data(server, "from tests.support.crewed import add_crews\nadd_crews()")
    page = visit(f"/stations/{ISS}/")
    listed = page.locator("ol.happenings li.next a").all_inner_texts()
    now = page.get_attribute("li.now time", "datetime")
    status, body = get(f"{base}/2.3.0/events/upcoming/?mode=detailed&limit=100")
    coming = [
        event["name"]
        for event in json.loads(body)["results"]
        if event["date"] > now and ISS in {s["id"] for s in event["spacestations"]}
    ]
    assert listed == coming and listed
    crew = page.locator("table.aboard tbody th[scope=row]").all_inner_texts()
    assert sorted(crew) == aboard(base, "International Space Station")
    assert len(crew) == 7 + 3  # the synthetic expedition's crew of three
