"""The older versions' shapes (2.0.0, 2.2.0) in the 2.3.0 form, so there is one path into the
database (see SPEC, mapping from the model). Their output side is api/shapes/v2_*.py."""


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


def legacy_agency(data):
    data = legacy_with_image_url(data)
    if "country_code" in data and "country" not in data:
        data = dict(data)
        codes = data.pop("country_code") or ""
        data["country"] = [code.strip() for code in codes.split(",") if code.strip()]
    return data


LEGACY = {
    "DockingEvent": legacy_docking_event,
    "Agency": legacy_agency,
    "SpacecraftConfig": legacy_with_image_url,
    "SpaceStation": legacy_with_image_url,
}


def as_current(kind_name, data):
    """`data`, an object of `kind_name` in any version's shape, in 2.3.0's."""
    translate = LEGACY.get(kind_name)
    return data if translate is None else translate(data)
