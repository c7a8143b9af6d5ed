"""What the tests of `import_ll2` on 2.2.0 and 2.0.0 pages (tests/test_import_older_*.py)
share: objects as LL2's 2.2.0 components show them (an agency, a launcher configuration, a
spacecraft configuration, a pad with its location, a launch with all it nests), each with
`**changes` laid over it where a test needs another form, and a document written as a JSON
file."""

import json

LL2 = "https://ll.thespacedevs.com"


def agency_2_2_0(**changes):
    """An agency as 2.2.0's agencies/ list shows it (`Agency`)."""
    return {
        "id": 121,
        "url": f"{LL2}/2.2.0/agencies/121/",
        "name": "SpaceX",
        "featured": True,
        "type": "Commercial",
        "country_code": "USA",
        "abbrev": "SpX",
        "description": "Space Exploration Technologies Corp.",
        "administrator": "CEO: Elon Musk",
        "founding_year": "2002",
        "launchers": "Falcon | Starship",
        "spacecraft": "Dragon",
        "parent": None,
        "image_url": "https://example.com/spacex.png",
        "logo_url": "https://example.com/spacex_logo.png",
        **changes,
    }


def launcher_2_2_0(**changes):
    """A launcher configuration as 2.2.0's agency detail lists it
    (`LauncherConfigDetailSerializerForAgency`)."""
    return {
        "id": 164,
        "url": f"{LL2}/2.2.0/config/launcher/164/",
        "name": "Falcon 9",
        "description": "Falcon 9 is a two-stage rocket.",
        "family": "Falcon",
        "full_name": "Falcon 9 Block 5",
        "variant": "Block 5",
        "alias": "",
        "min_stage": 2,
        "max_stage": 2,
        "length": 70.0,
        "diameter": 3.65,
        "maiden_flight": "2018-05-11",
        "launch_mass": 549,
        "leo_capacity": 22800,
        "gto_capacity": 8300,
        "to_thrust": 7607,
        "apogee": 200,
        "vehicle_range": None,
        "image_url": "https://example.com/f9.jpg",
        "info_url": "https://www.spacex.com/vehicles/falcon-9/",
        "wiki_url": "https://en.wikipedia.org/wiki/Falcon_9",
        "consecutive_successful_launches": 300,
        "successful_launches": 310,
        "failed_launches": 0,
        "pending_launches": 50,
        **changes,
    }


def spacecraft_config_2_2_0(**changes):
    """A spacecraft configuration as 2.2.0's detail shows it (`SpacecraftConfigurationDetail`)."""
    return {
        "id": 33,
        "url": f"{LL2}/2.2.0/config/spacecraft/33/",
        "name": "Crew Dragon",
        "type": {"id": 2, "name": "Capsule"},
        "agency": agency_2_2_0(),
        "in_use": True,
        "capability": "Crew",
        "history": "",
        "details": "",
        "maiden_flight": "2019-03-02",
        "height": 8.1,
        "diameter": 4.0,
        "human_rated": True,
        "crew_capacity": 7,
        "payload_capacity": 6000,
        "flight_life": "Up to 10 days free flight",
        "image_url": "https://example.com/dragon.jpg",
        "nation_url": None,
        "wiki_link": "https://en.wikipedia.org/wiki/Dragon_2",
        "info_link": "https://www.spacex.com/vehicles/dragon/",
        **changes,
    }


def pad_2_2_0():
    return {
        "id": 80,
        "url": f"{LL2}/2.2.0/pad/80/",
        "agency_id": 121,
        "name": "Space Launch Complex 40",
        "info_url": None,
        "wiki_url": "https://en.wikipedia.org/wiki/SLC-40",
        "map_url": "https://maps.example.com/slc40",
        "latitude": "28.56194122",
        "longitude": "-80.57735736",
        "location": {
            "id": 12,
            "url": f"{LL2}/2.2.0/location/12/",
            "name": "Cape Canaveral SFS, FL, USA",
            "country_code": "USA",
            "map_image": "https://example.com/cape.jpg",
            "timezone_name": "America/New_York",
            "total_launch_count": 1000,
            "total_landing_count": 60,
        },
        "country_code": "USA",
        "map_image": "https://example.com/slc40.jpg",
        "total_launch_count": 300,
        "orbital_launch_attempt_count": 299,
    }


def launch_2_2_0(**changes):
    """A launch as 2.2.0's launch/ list shows it (`LaunchSerializerCommon`)."""
    return {
        "id": "9a6ae0a9-9ea3-4d92-95c6-d2b1a2b0e5a1",
        "url": f"{LL2}/2.2.0/launch/9a6ae0a9-9ea3-4d92-95c6-d2b1a2b0e5a1/",
        "slug": "falcon-9-block-5-crew-10",
        "name": "Falcon 9 Block 5 | Crew-10",
        "status": {"id": 3, "name": "Launch Successful", "abbrev": "Success", "description": ""},
        "last_updated": "2025-03-15T00:00:00Z",
        "net": "2025-03-14T23:03:00Z",
        "window_end": "2025-03-14T23:03:00Z",
        "window_start": "2025-03-14T23:03:00Z",
        "net_precision": {"id": 1, "name": "Minute", "abbrev": "MIN", "description": ""},
        "probability": 90,
        "holdreason": "",
        "failreason": "",
        "hashtag": None,
        "launch_service_provider": {
            "id": 121,
            "url": f"{LL2}/2.2.0/agencies/121/",
            "name": "SpaceX",
            "type": "Commercial",
        },
        "rocket": {
            "id": 8000,
            "configuration": {
                "id": 164,
                "url": f"{LL2}/2.2.0/config/launcher/164/",
                "name": "Falcon 9",
                "family": "Falcon",
                "full_name": "Falcon 9 Block 5",
                "variant": "Block 5",
            },
        },
        "mission": {
            "id": 7000,
            "name": "Crew-10",
            "description": "The tenth crew rotation.",
            "launch_designator": "2025-052A",
            "type": "Human Exploration",
            "orbit": {"id": 8, "name": "Low Earth Orbit", "abbrev": "LEO"},
        },
        "pad": pad_2_2_0(),
        "webcast_live": False,
        "image": "https://example.com/crew10.jpg",
        "infographic": None,
        "program": [
            {
                "id": 17,
                "url": f"{LL2}/2.2.0/program/17/",
                "name": "Commercial Crew Program",
                "description": "",
                "agencies": [
                    {
                        "id": 44,
                        "url": f"{LL2}/2.2.0/agencies/44/",
                        "name": "NASA",
                        "type": "Government",
                    }
                ],
                "image_url": "https://example.com/ccp.png",
                "start_date": "2010-01-01T00:00:00Z",
                "end_date": None,
                "info_url": None,
                "wiki_url": None,
                "mission_patches": [],
            }
        ],
        "orbital_launch_attempt_count": 7000,
        "location_launch_attempt_count": 1000,
        "pad_launch_attempt_count": 300,
        "agency_launch_attempt_count": 450,
        "orbital_launch_attempt_count_year": 50,
        "location_launch_attempt_count_year": 20,
        "pad_launch_attempt_count_year": 10,
        "agency_launch_attempt_count_year": 30,
        **changes,
    }


def write_json(path, document):
    path.write_text(json.dumps(document))
    return path
