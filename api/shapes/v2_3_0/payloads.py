"""2.3.0's payloads and payload flights."""

from rest_framework import serializers as s

from api.shapes.base import BY_DOCKING, Constant, Later, Link, Shape, Subset, plain
from api.shapes.v2_3_0.agencies import AgencyDetailed, AgencyMini, AgencyNormal
from api.shapes.v2_3_0.images import Image
from api.shapes.v2_3_0.launches import LaunchMini, LaunchNormal, ProgramMini, ProgramNormal
from api.shapes.v2_3_0.places import Landing
from spaceflight import models as m

PayloadType = plain("PayloadType", m.PayloadType, ["id", "name"])


class PayloadMini(Shape):
    response_mode = Constant("list")
    id = s.IntegerField()
    name = s.CharField()
    type = PayloadType()
    manufacturer = AgencyMini()
    operator = AgencyMini()
    image = Image()


class PayloadNormal(PayloadMini):
    response_mode = Constant("normal")
    manufacturer = AgencyNormal()
    operator = AgencyNormal()
    wiki_link = s.CharField()
    info_link = s.CharField()
    program = ProgramMini(many=True, source="programs")
    cost = s.IntegerField()
    mass = s.FloatField()
    description = s.CharField()


class PayloadDetailed(PayloadNormal):
    response_mode = Constant("detailed")
    manufacturer = AgencyDetailed()
    operator = AgencyDetailed()
    program = ProgramNormal(many=True, source="programs")


class PayloadFlightMini(Shape):
    response_mode = Constant("list")
    id = s.IntegerField()
    url = Link("payload_flights")
    destination = s.CharField()
    amount = s.IntegerField()
    payload = PayloadMini()
    launch = LaunchMini()
    landing = Landing()


class PayloadFlightNormal(PayloadFlightMini):
    response_mode = Constant("normal")
    payload = PayloadNormal()
    launch = LaunchNormal()


class PayloadFlightDetailed(PayloadFlightNormal):
    response_mode = Constant("detailed")
    payload = PayloadDetailed()
    docking_events = Later(
        "docking.DockingEventForChaserNormal",
        within=Subset,
        relation="docking_events",
        **BY_DOCKING,
    )


# A detailed launch shows its payload flights without the launch (launches.py), a landing
# its flight without the landing (places.py).
class PayloadFlightSerializerNoLaunch(PayloadFlightDetailed):
    launch = None


class PayloadFlightMiniSerializerNoLanding(PayloadFlightMini):
    landing = None


class PayloadFlightNormalSerializerNoLanding(PayloadFlightNormal):
    landing = None


class PayloadFlightDetailedSerializerNoLanding(PayloadFlightDetailed):
    landing = None
