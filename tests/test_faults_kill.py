"""Writers killed: `import_ll2` and `generate_data` killed with SIGKILL mid-way through their
transaction on PostgreSQL leave every table as it was. When these run, and what they leave
behind: tests/faults.py."""

import time

import pytest

from tests.support.faults import PREFIX, SKIP, Figures, env_for
from tools.fault_postgres import other_backends, table_digest, written_tables
from tools.faults import manage, start_manage, wait_until

pytest_plugins = ["tests.support.fault_fixtures"]
pytestmark = pytest.mark.skipif(SKIP is not None, reason=SKIP or "")

FIGURES = Figures()
report = FIGURES.report


@pytest.fixture(scope="module", autouse=True)
def summary():
    yield from FIGURES.summary()


# --- kill -9 of a writer -------------------------------------------------------------------------


def kill_mid_way(env, url, *args, writing_for=1.5):
    """Start `manage.py args`, SIGKILL it once it has been writing for `writing_for` seconds;
    wait until its database session is gone. Returns figures."""
    process = start_manage(env, *args)
    started = time.monotonic()
    try:

        def writing():
            return process.poll() is not None or bool(written_tables(url))

        assert wait_until(writing, timeout=60, interval=0.05) is not None, f"{args} never wrote"
        assert process.poll() is None, f"{args} ended before it could be killed"
        began = time.monotonic() - started
        time.sleep(writing_for)
        tables = written_tables(url)
        assert process.poll() is None and tables, f"{args} finished too soon to be killed"
        process.kill()
        process.wait(timeout=10)
        killed = time.monotonic() - started
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
    gone = wait_until(lambda: not other_backends(url), timeout=20)
    assert gone is not None, "the killed writer's session is still there"
    return {
        "writing_after_s": round(began, 1),
        "killed_after_s": round(killed, 1),
        "tables_written_when_killed": len(tables),
        "session_gone_after_s": round(gone, 1),
    }


def test_kill_9_of_a_writer_leaves_every_table_as_it_was(shared, template, pages):
    url = shared.create(f"{PREFIX}_kill_import", template=template)
    env = env_for(url)
    manage(env, "import_ll2", pages.b)  # the big page updates these 200 events, and adds 2,800
    before = table_digest(url)
    killed_import = kill_mid_way(env, url, "import_ll2", pages.big)
    after = table_digest(url)
    report(
        "kill -9 of import_ll2 (3,000 events)",
        **killed_import,
        spaceflight_tables=sum(t.startswith("spaceflight_") for t in before),
        spaceflight_rows_before=sum(
            n for t, (n, _) in before.items() if t.startswith("spaceflight_")
        ),
        spaceflight_rows_after=sum(
            n for t, (n, _) in after.items() if t.startswith("spaceflight_")
        ),
        events_before_after=[d["spaceflight_dockingevent"][0] for d in (before, after)],
        tables_changed=sorted(t for t in before if before[t] != after.get(t)),
    )
    assert after == before

    url = shared.create(f"{PREFIX}_kill_generate", template=template)
    env = env_for(url)
    before = table_digest(url)
    killed_generate = kill_mid_way(env, url, "generate_data", "--events", 30000, "--seed", 11)
    after = table_digest(url)
    report(
        "kill -9 of generate_data (30,000 events) into an empty database",
        **killed_generate,
        spaceflight_rows_before=sum(
            n for t, (n, _) in before.items() if t.startswith("spaceflight_")
        ),
        spaceflight_rows_after=sum(
            n for t, (n, _) in after.items() if t.startswith("spaceflight_")
        ),
        tables_changed=sorted(t for t in before if before[t] != after.get(t)),
    )
    assert after == before
