import argparse

from django.core.management.base import BaseCommand, CommandError

from api.models import ApiKey
from api.rates import parse_rate


def rate(value):
    try:
        parse_rate(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return value


class Command(BaseCommand):
    help = (
        "Create an API key and print it, once: the key alone on standard output (for "
        "scripts), how to send it (`Authorization: Token <key>`) on standard error."
    )

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument(
            "--rate",
            type=rate,
            default="",
            help="requests per period, e.g. 1000/hour (default: the THROTTLE_KEY_RATE setting)",
        )

    def handle(self, *args, name, rate, **options):
        if ApiKey.objects.filter(name=name).exists():
            raise CommandError(f"an API key named {name!r} exists already")
        _, key = ApiKey.issue(name, rate)
        self.stdout.write(key)
        self.stderr.write(
            f"Send it as the header `Authorization: Token {key}`; it is stored as a digest "
            "and never shown again.",
            style_func=self.style.SUCCESS,
        )
