"""2.2.0's agencies: their types as strings, images as bare URLs."""

from rest_framework import serializers as s

from api.shapes.base import BY_NAME, Later, Link, NotHeld, RelatedUrl, Shape, Subset


class AgencyMini(Shape):
    id = s.IntegerField()
    url = Link("agencies")
    name = s.CharField()
    type = s.CharField(source="type.name", allow_null=True)


class AgencyList(Shape):
    id = s.IntegerField()
    url = Link("agencies")
    name = s.CharField()
    abbrev = s.CharField()


# What every agency shape but the mini ones starts with (not a shape of its own).
class AgencyBase(Shape):
    prefetch = ("countries",)  # read by `country_code`

    id = s.IntegerField()
    url = Link("agencies")
    name = s.CharField()
    featured = s.BooleanField()
    type = s.CharField(source="type.name", allow_null=True)
    country_code = s.CharField()
    abbrev = s.CharField()
    description = s.CharField()
    administrator = s.CharField()
    founding_year = s.CharField()
    launchers = s.CharField()
    spacecraft = s.CharField()


# LL2's `Agency`: the agencies list, and the agency inside a full spacecraft configuration.
# 2.2.0's newest form ends with `logo_url` (2.0.0's ends at `image_url`).
class AgencyDetailed(AgencyBase):
    parent = s.CharField()
    image_url = RelatedUrl(source="image")
    logo_url = RelatedUrl(source="logo")


class AgencySerializerDetailedCommon(AgencyBase):
    # The page LL2 took the agency from (Launch Library 1): none of ours.
    launch_library_url = NotHeld("string")
    total_launch_count = s.IntegerField()
    consecutive_successful_launches = s.IntegerField()
    successful_launches = s.IntegerField()
    failed_launches = s.IntegerField()
    pending_launches = s.IntegerField()
    consecutive_successful_landings = s.IntegerField()
    successful_landings = s.IntegerField()
    failed_landings = s.IntegerField()
    attempted_landings = s.IntegerField()
    info_url = s.CharField()
    wiki_url = s.CharField()
    logo_url = RelatedUrl(source="logo")
    image_url = RelatedUrl(source="image")
    nation_url = NotHeld("string")  # 2.3.0 no longer shows a nation image: no import brings it


class AgencySerializerDetailed(AgencyBase):
    parent = s.CharField()
    launch_library_url = NotHeld("string")
    total_launch_count = s.IntegerField()
    successful_launches = s.IntegerField()
    consecutive_successful_launches = s.IntegerField()
    failed_launches = s.IntegerField()
    pending_launches = s.IntegerField()
    successful_landings = s.IntegerField()
    failed_landings = s.IntegerField()
    attempted_landings = s.IntegerField()
    consecutive_successful_landings = s.IntegerField()
    info_url = s.CharField()
    wiki_url = s.CharField()
    logo_url = RelatedUrl(source="logo")
    image_url = RelatedUrl(source="image")
    nation_url = NotHeld("string")
    launcher_list = Later(
        "launchers.LauncherConfigDetailSerializerForAgency",
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
