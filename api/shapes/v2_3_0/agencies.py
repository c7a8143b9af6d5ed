"""2.3.0's agencies, agency types and countries."""

from rest_framework import serializers as s

from api.shapes.base import BY_NAME, Constant, Later, Link, Records, Shape, Subset, plain
from api.shapes.v2_3_0.images import Image
from api.shapes.v2_3_0.records import SOCIAL_MEDIA_LINK
from spaceflight import models as m

Country = plain(
    "Country",
    m.Country,
    ["id", "name", "alpha_2_code", "alpha_3_code", "nationality_name", "nationality_name_composed"],
)
AgencyType = plain("AgencyType", m.AgencyType, ["id", "name"])


class AgencyMini(Shape):
    response_mode = Constant("list")
    id = s.IntegerField()
    url = Link("agencies")
    name = s.CharField()
    abbrev = s.CharField()
    type = AgencyType()


class AgencyNormal(Shape):
    response_mode = Constant("normal")
    id = s.IntegerField()
    url = Link("agencies")
    name = s.CharField()
    abbrev = s.CharField()
    type = AgencyType()
    featured = s.BooleanField()
    country = Country(many=True, source="countries")
    description = s.CharField()
    administrator = s.CharField()
    founding_year = s.IntegerField()
    launchers = s.CharField()
    spacecraft = s.CharField()
    parent = s.CharField()
    image = Image()
    logo = Image()
    social_logo = Image()


class AgencyDetailed(AgencyNormal):
    # LL2 labels this shape "normal" too (seed 000, a mission's agencies).
    total_launch_count = s.IntegerField()
    consecutive_successful_launches = s.IntegerField()
    successful_launches = s.IntegerField()
    failed_launches = s.IntegerField()
    pending_launches = s.IntegerField()
    consecutive_successful_landings = s.IntegerField()
    successful_landings = s.IntegerField()
    failed_landings = s.IntegerField()
    attempted_landings = s.IntegerField()
    successful_landings_spacecraft = s.IntegerField()
    failed_landings_spacecraft = s.IntegerField()
    attempted_landings_spacecraft = s.IntegerField()
    successful_landings_payload = s.IntegerField()
    failed_landings_payload = s.IntegerField()
    attempted_landings_payload = s.IntegerField()
    info_url = s.CharField()
    wiki_url = s.CharField()
    social_media_links = Records(SOCIAL_MEDIA_LINK)


class AgencyEndpointDetailed(AgencyDetailed):
    response_mode = Constant("detailed")
    launcher_list = Later(
        "launchers.LauncherConfigDetailedSerializerNoManufacturer",
        within=Subset,
        relation="launchers_made",
        **BY_NAME,
    )
    spacecraft_list = Later(
        "spacecraft.SpacecraftConfigDetailed",
        within=Subset,
        relation="spacecraftconfig_set",
        **BY_NAME,
    )
