"""Render the fragments of every row of some resources now, rather than on each row's first
read (api/rendering/fragments.py): after a bulk import, so that the first visit of every
object's page is answered from kept bytes."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Sum

from api.models import Fragment
from api.rendering import fragments
from api.resources import VERSIONS
from api.serving.responses import snapshot
from api.shapes import SHAPES, modes

DEFAULT = ["2.0.0/docking_event", "2.2.0/docking_event", "2.3.0/docking_events"]


class Command(BaseCommand):
    help = __doc__.split("\n\n")[0]

    def add_arguments(self, parser):
        parser.add_argument(
            "resources",
            nargs="*",
            default=DEFAULT,
            help="version/resource, e.g. 2.3.0/space_stations (default: the docking events of "
            "every version)",
        )
        parser.add_argument("--batch", type=int, default=200, help="rows rendered at once")

    def handle(self, *args, resources, batch, **options):
        served = {(v, r.resource): r for v, kinds in VERSIONS.items() for r in kinds}
        unknown = [name for name in resources if tuple(name.split("/", 1)) not in served]
        if unknown:
            raise CommandError(f"no such resource: {', '.join(unknown)} (version/resource)")
        start, count = time.perf_counter(), 0
        for name in resources:
            version, resource = name.split("/", 1)
            model = served[(version, resource)].queryset.model
            ids = list(model._default_manager.order_by("pk").values_list("pk", flat=True))
            for mode in modes(version, resource):
                shape = SHAPES[(version, resource, mode)]
                if not fragments.kept(shape):
                    continue
                for at in range(0, len(ids), batch):
                    with snapshot():
                        read = fragments.tick()
                        rows = list(model._default_manager.filter(pk__in=ids[at : at + batch]))
                        built = fragments.build(version, shape, rows, fragments.today())
                    count += fragments.store(built, read) if read is not None else 0
        size = Fragment.objects.aggregate(size=Sum("size"))["size"] or 0
        self.stdout.write(
            f"Rendered {count:,} fragments in {time.perf_counter() - start:.1f} s; "
            f"{Fragment.objects.count():,} kept, {size / 1e6:,.1f} MB."
        )
