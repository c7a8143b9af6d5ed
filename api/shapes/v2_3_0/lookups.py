"""The config lookups 2.3.0's shapes embed, and that we hold: (path under `config/`, shape,
model), each a resource of its own (api/resources/lookups.py)."""

from api.shapes.v2_3_0.agencies import AgencyType, Country
from api.shapes.v2_3_0.crew import AstronautRole, AstronautStatus, AstronautType
from api.shapes.v2_3_0.events import EventType
from api.shapes.v2_3_0.images import ImageLicense, ImageVariantType
from api.shapes.v2_3_0.launches import LaunchStatus, NetPrecision, Orbit, ProgramType
from api.shapes.v2_3_0.payloads import PayloadType
from api.shapes.v2_3_0.places import CelestialBodyType, LandingLocation, LandingType
from api.shapes.v2_3_0.spacecraft import SpacecraftConfigType, SpacecraftStatus
from api.shapes.v2_3_0.stations import SpaceStationStatus
from spaceflight import models as m

LOOKUPS = [
    ("agency_types", AgencyType, m.AgencyType),
    ("astronaut_roles", AstronautRole, m.AstronautRole),
    ("astronaut_statuses", AstronautStatus, m.AstronautStatus),
    ("astronaut_types", AstronautType, m.AstronautType),
    ("celestial_body_types", CelestialBodyType, m.CelestialBodyType),
    ("countries", Country, m.Country),
    ("event_types", EventType, m.EventType),
    ("image_licenses", ImageLicense, m.ImageLicense),
    ("image_variant_types", ImageVariantType, m.ImageVariantType),
    ("landing_locations", LandingLocation, m.LandingLocation),
    ("landing_types", LandingType, m.LandingType),
    ("launch_statuses", LaunchStatus, m.LaunchStatus),
    ("net_precisions", NetPrecision, m.NetPrecision),
    ("orbits", Orbit, m.Orbit),
    ("payload_types", PayloadType, m.PayloadType),
    ("program_types", ProgramType, m.ProgramType),
    ("space_station_statuses", SpaceStationStatus, m.SpaceStationStatus),
    ("spacecraft_configuration_types", SpacecraftConfigType, m.SpacecraftConfigType),
    ("spacecraft_statuses", SpacecraftStatus, m.SpacecraftStatus),
]

# 2.2.0's paths of those its crews and events show, in the same shapes.
LEGACY_LOOKUPS = [
    ("astronautrole", AstronautRole, m.AstronautRole),
    ("astronautstatus", AstronautStatus, m.AstronautStatus),
    ("astronauttype", AstronautType, m.AstronautType),
    ("eventtype", EventType, m.EventType),
]
