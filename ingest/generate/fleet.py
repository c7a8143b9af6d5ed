"""Which spacecraft flies each flight: a new one, or a reusable one back from its last mission.

A reusable spacecraft flies again only after its previous mission has ended and its
configuration's turnaround has passed, at most its life's number of flights (drawn per
spacecraft up to the configuration's `life`), then retires; one still docked at the end of
the data stays in space. Each spacecraft's statistics are those of the flights generated.
"""

import heapq
from datetime import timedelta

from spaceflight import models as m


class Fleets:
    def __init__(self, rng, reference):
        self.rng = rng
        self.ref = reference
        self.ready = {}  # config index -> heap of (ready from, spacecraft id, spacecraft)
        self.state = {}  # spacecraft id -> [flights left, last launch]

    def fly(self, batch, index, config_index, config, net):
        """The spacecraft of event `index`'s flight, launched at `net`: `(spacecraft,
        turnaround)`, the turnaround None on a spacecraft's first flight."""
        ready = self.ready.setdefault(config_index, [])
        if ready and ready[0][0] <= net:
            _, _, craft = heapq.heappop(ready)
            state = self.state[craft.pk]
            turnaround = net - state[1]
            state[0] -= 1
            state[1] = net
            batch.touch(craft)
            return craft, turnaround
        craft = m.Spacecraft(
            id=index + 1,
            name=f"{config.name} {index + 1}",
            serial_number=f"SN-{index + 1}",
            image=self.ref.image(index),
            status=self.ref.craft_status["Active" if config.reusable else "Single Use"],
            description=f"{config.name} spacecraft number {index + 1}.",
            spacecraft_config=self.ref.configs[config_index],
            in_space=False,
            time_in_space=timedelta(0),
            time_docked=timedelta(0),
            flights_count=0,
            mission_ends_count=0,
        )
        batch.add(craft)
        if config.reusable:
            life = self.rng.randint(max(1, config.life // 2), config.life)
            self.state[craft.pk] = [life - 1, net]
        return craft, None

    def flown(self, config_index, config, flight, docking, departure):
        """Count `flight` in its spacecraft's statistics; put the spacecraft back in its
        fleet, retire it, or leave it in space."""
        craft = flight.spacecraft
        craft.flights_count += 1
        if flight.turn_around_time is not None:
            fastest = craft.fastest_turnaround
            craft.fastest_turnaround = min(
                fastest or flight.turn_around_time, flight.turn_around_time
            )
        if flight.mission_end is None:
            craft.in_space = True
            return
        craft.mission_ends_count += 1
        craft.time_in_space += flight.mission_end - flight.launch.net
        craft.time_docked += departure - docking
        if not config.reusable:
            return
        if self.state[craft.pk][0] == 0:
            craft.status = self.ref.craft_status["Retired"]
            del self.state[craft.pk]
            return
        ready_from = flight.mission_end + timedelta(days=config.turnaround)
        heapq.heappush(self.ready[config_index], (ready_from, craft.pk, craft))
