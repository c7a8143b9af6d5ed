"""The older versions' shapes (2.0.0, 2.2.0) in the 2.3.0 form, so there is one path into the
database (see SPEC, mapping from the model). Their output side is api/shapes/ (v2_2_0/,
v2_0_0.py)."""


def legacy_docking_event(data):
    """A 2.0.0/2.2.0 docking event in the 2.3.0 form (see SPEC, mapping from the model)."""
    if "flight_vehicle" not in data and "launch_id" not in data:
        return data
    data = dict(data)
    flight = data.pop("flight_vehicle", None)
    launch_id = data.pop("launch_id", None)
    if flight is not None:
        flight = dict(flight)
        if launch_id is not None:
            flight.setdefault("launch", {"id": launch_id})
    data["flight_vehicle_chaser"] = flight
    if "space_station" in data:
        data["space_station_target"] = data.pop("space_station")
    location = data.get("docking_location")
    if "space_station_target" not in data and isinstance(location, dict):
        if location.get("spacestation"):
            data["space_station_target"] = location["spacestation"]
    return data


def legacy_with_image_url(data):
    if "image_url" not in data or "image" in data:
        return data
    data = dict(data)
    data["image"] = data.pop("image_url")
    return data


def with_country(data):
    """`country_code` (an ISO 3166-1 alpha-3 code) as 2.3.0's `country`, matched by code."""
    if "country_code" not in data or "country" in data:
        return data
    data = dict(data)
    data["country"] = data.pop("country_code") or None
    return data


def legacy_agency(data):
    data = legacy_with_image_url(data)
    if "logo_url" in data and "logo" not in data:
        data = dict(data)
        data["logo"] = data.pop("logo_url")
    if "country_code" in data and "country" not in data:
        data = dict(data)
        codes = data.pop("country_code") or ""
        data["country"] = [code.strip() for code in codes.split(",") if code.strip()]
    return data


def as_number(value):
    """2.2.0 writes a pad's coordinates as strings; 2.3.0 as numbers."""
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return value  # refused with its path by the column's converter
    return value


def legacy_pad(data):
    data = with_country(legacy_with_image_url(data))
    if isinstance(data.get("latitude"), str) or isinstance(data.get("longitude"), str):
        data = dict(data)
        for key in ("latitude", "longitude"):
            if key in data:
                data[key] = as_number(data[key])
    return data


# 2.2.0's and 2.0.0's launch keys under their 2.3.0 names (the detailed shape's link lists).
LAUNCH_RENAMED = {"infoURLs": "info_urls", "vidURLs": "vid_urls"}
# What an older launch list (`mode=list`) shows as names where 2.3.0 nests objects: a name is
# not an id, so these are left out rather than matched.
LAUNCH_NAMES = ("pad", "mission")


def legacy_launch(data):
    legacy = (
        any(key in data for key in LAUNCH_RENAMED)
        or any(isinstance(data.get(key), str) for key in LAUNCH_NAMES)
        or (isinstance(data.get("mission"), dict) and "launch_designator" in data["mission"])
    )
    if not legacy:
        return data
    data = dict(data)
    for old, new in LAUNCH_RENAMED.items():
        if old in data:
            value = data.pop(old)
            # 2.0.0's normal shape writes them as one string: not the list 2.3.0 keeps.
            if isinstance(value, list) and new not in data:
                data[new] = value
    for key in LAUNCH_NAMES:
        if isinstance(data.get(key), str):
            del data[key]
    mission = data.get("mission")
    if isinstance(mission, dict) and "launch_designator" in mission:
        # 2.2.0 shows the designator on the mission, 2.3.0 on the launch.
        mission = dict(mission)
        designator = mission.pop("launch_designator")
        data["mission"] = mission
        if designator is not None:  # a null one hides ours (we show none in 2.2.0)
            data.setdefault("launch_designator", designator)
    return data


def legacy_astronaut(data):
    """2.2.0's astronaut: its profile image by URL, with its thumbnail; its nationality is a
    name (`American`), not the countries 2.3.0 lists, so it is kept as 2.2.0 wrote it, as are
    `twitter` and `instagram` (columns of their own)."""
    if "profile_image" not in data and not isinstance(data.get("nationality"), str):
        return data
    data = dict(data)
    if "profile_image" in data:
        url = data.pop("profile_image")
        thumbnail = data.pop("profile_image_thumbnail", None)
        if isinstance(url, str) and isinstance(thumbnail, str):
            url = {"image_url": url, "thumbnail_url": thumbnail}
        data.setdefault("image", url)
    if isinstance(data.get("nationality"), str):
        data["legacy_nationality"] = data.pop("nationality")
    return data


def legacy_astronaut_flight(data):
    """2.0.0 names a crew member's role (`Commander`) where 2.2.0 nests it with its id: a name
    is not an id, so it is left out."""
    if not isinstance(data.get("role"), str):
        return data
    data = dict(data)
    del data["role"]
    return data


def legacy_event(data):
    """2.2.0's and 2.0.0's event: its image by URL. `news_url` and `video_url` are one link
    each, where 2.3.0 lists links with a title and a source: left out."""
    if "feature_image" not in data and "news_url" not in data and "video_url" not in data:
        return data
    data = dict(data)
    if "feature_image" in data:
        data.setdefault("image", data.pop("feature_image") or None)
    data.pop("news_url", None)
    data.pop("video_url", None)
    return data


LEGACY = {
    "DockingEvent": legacy_docking_event,
    "Agency": legacy_agency,
    "SpacecraftConfig": legacy_with_image_url,
    "SpaceStation": legacy_with_image_url,
    "LauncherConfig": legacy_with_image_url,
    "Program": legacy_with_image_url,
    "Launch": legacy_launch,
    "Pad": legacy_pad,
    "Location": with_country,
    "Astronaut": legacy_astronaut,
    "AstronautFlight": legacy_astronaut_flight,
    "Event": legacy_event,
}


def as_current(kind_name, data):
    """`data`, an object of `kind_name` in any version's shape, in 2.3.0's."""
    translate = LEGACY.get(kind_name)
    return data if translate is None else translate(data)
