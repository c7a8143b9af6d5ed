"""The description LL2's pages show above a resource's list (and our OpenAPI beside each of its
operations), written from what the resource serves, in LL2's words and layout: its modes, and
its filters, search and ordering where it gives an example query for them (`examples`)."""

HELP = (
    "Find all the FAQs and support links on the documentation homepage - "
    "[lldev.thespacedevs.com/docs](https://lldev.thespacedevs.com/docs/)"
)


def _codes(names):
    return ", ".join(f"`{name}`" for name in names)


def _section(title, text, path=None, query=None):
    example = f"\n\nExample - [{path}?{query}](./?{query})" if query else ""
    return f"#### {title}\n{text}{example}"


def describe(view):
    path, examples, modes = f"/{view.resource}/", view.examples, view.modes
    sections = []
    if len(modes) > 1:
        shown = next(mode for mode in modes if mode != "normal")
        text = f"Levels of detail in the response - {_codes(modes)}"
        sections.append(_section("Modes", text, path, f"mode={shown}"))
    if "filter" in examples:
        text = f"Parameters - {_codes(sorted(view.filterset_class.base_filters))}"
        sections.append(_section("Filters", text, path, examples["filter"]))
    if "search" in examples:
        text = f"Fields searched - {_codes(sorted(view.search_fields))}"
        sections.append(_section("Search", text, path, f"search={examples['search']}"))
    if "ordering" in examples:
        text = f"Fields - {_codes(sorted(view.ordering_fields))}"
        sections.append(_section("Ordering", text, path, f"ordering={examples['ordering']}"))
    text = "Use `limit` to control the number of objects in the response (max 100)"
    sections.append(_section("Number of results", text, path, "limit=2"))
    text = f"Switch to JSON output - [{path}?format=json](./?format=json)"
    sections.append(_section("Format", text))
    sections.append(_section("Help", HELP))
    return "\n\n".join(sections)
