import argparse

from django.core.management.base import BaseCommand, CommandError

from api.models import ApiKey
from api.throttling import parse_rate


def rate(value):
    try:
        parse_rate(value)
    except (ValueError, KeyError):
        raise argparse.ArgumentTypeError(f"not a rate like 1000/hour: {value!r}") from None
    return value


class Command(BaseCommand):
    help = "Create an API key (sent as `Authorization: Token <key>`) and print it, once."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument(
            "--rate", type=rate, default="", help="requests per period, e.g. 1000/hour"
        )

    def handle(self, *args, name, rate, **options):
        if ApiKey.objects.filter(name=name).exists():
            raise CommandError(f"an API key named {name!r} exists already")
        _, key = ApiKey.issue(name, rate)
        self.stdout.write(key)
