"""`make bench`: build the benchmark site if needed, measure every public page type, print a table.

For each page: SQL queries per request (with what every page reads remembered for the content
version, partners.caching, and with every cache empty, as after a publish); the median and
95th-percentile server time over BENCH_REQUESTS uncached requests (Django's test client in this
process, response cache off) and the time of the first request after a change (every cache
empty, the median of three); then requests per second under gunicorn (2 workers) with wrk on
loopback for BENCH_SECONDS, cold (response cache off) and warm (on), beside a static file served
by the same gunicorn and, for a response over COPY_OVER_BYTES, a static file of the same bytes.
Then the time to publish one event with a two-year weekly rule and to roll every event's
occurrences forward.

Environment: BENCH_EVENTS (default 1000), BENCH_SECONDS (default 20; 0 skips wrk), BENCH_REQUESTS
(default 50), BENCH_DATABASE (default /tmp/safe-spaces-bench.sqlite3), BENCH_PORT (default 8765).
Results go to bench/results.json.
"""

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.bench")
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

import datetime  # noqa: E402

import recurrence  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.data import BENCH_SLUG_PREFIX, generate  # noqa: E402
from bench.pages import PAGES  # noqa: E402
from events.models import EventIndexPage, EventPage, Occurrence  # noqa: E402
from events.queries import roll_all  # noqa: E402
from events.schedule import LONDON  # noqa: E402

EVENTS = int(os.environ.get("BENCH_EVENTS", "1000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "20"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "50"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
RESULTS = ROOT / "bench" / "results.json"
HOST = "localhost"

STATIC = ("static file", "/static/css/site.css")
# Responses this large are also served as a static file of the same bytes: the physical limit for them.
COPY_OVER_BYTES = 100_000
COPIES = Path(settings.BENCH_COPIES)

MAX_QUERIES = 15
MAX_MEDIAN_MS = 50
MAX_PUBLISH_MS = 300
WARM_VS_STATIC = 2


def ensure_database() -> int:
    """The benchmark site with EVENTS events, rebuilt when the file holds another number."""
    database = Path(settings.DATABASES["default"]["NAME"])
    if database.exists():
        count = EventPage.objects.filter(locale__language_code="en", slug__startswith=BENCH_SLUG_PREFIX).count()
        if count == EVENTS:
            print(f"Using {database} ({count} events).")
            return count
        connection.close()
        database.unlink()
    print(f"Building {database} with {EVENTS} events…")
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    generate(EVENTS, log=lambda message: print("  " + message))
    print(f"  generated in {time.perf_counter() - started:.0f} s")
    return EVENTS


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def count_queries(client: Client, path: str) -> list[str]:
    """The SQL one request runs (a wrapper rather than CaptureQueriesContext, whose log is bounded)."""
    queries: list[str] = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        client.get(path)
    return queries


def copy_name(name: str) -> str:
    return re.sub(r"\W+", "-", name) + ".bin"


def copies(pages: list[tuple[str, str, bool]]) -> dict[str, tuple[str, str]]:
    """For each page with a large response, the static file of its bytes (name, path), by page."""
    return {
        name: (f"static copy of {name}", f"/static/bench-copies/{copy_name(name)}")
        for name, _path, _timed in pages
        if (COPIES / copy_name(name)).exists()
    }


def timed_get(client: Client, path: str) -> float:
    started = time.perf_counter()
    client.get(path)
    return (time.perf_counter() - started) * 1000


@override_settings(PUBLIC_RESPONSE_CACHE_SECONDS=0)
def measure_in_process() -> dict[str, dict[str, Any]]:
    client = Client(HTTP_HOST=HOST)
    shutil.rmtree(COPIES, ignore_errors=True)
    COPIES.mkdir()
    results = {}
    for name, path, _target in PAGES:
        response = client.get(path)  # warms Python-level caches (templates, URL resolvers)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        queries = count_queries(client, path)
        cache.clear()  # the first request after a publish: nothing remembered (partners.caching)
        queries_empty_cache = count_queries(client, path)
        # Every cache empty, as the first request after a change finds it (the median of three).
        first_times = []
        for _ in range(3):
            cache.clear()
            first_times.append(timed_get(client, path))
        times = [timed_get(client, path) for _ in range(REQUESTS)]
        if len(response.content) > COPY_OVER_BYTES:
            (COPIES / copy_name(name)).write_bytes(response.content)
        results[name] = {
            "path": path,
            "queries": len(queries),
            "queries_empty_cache": len(queries_empty_cache),
            "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(percentile(times, 0.95), 1),
            "first_after_change_ms": round(statistics.median(first_times), 1),
            "bytes": len(response.content),
        }
        print(
            f"  {name}: {len(queries)} queries ({len(queries_empty_cache)} with every cache empty), "
            f"median {results[name]['median_ms']} ms ({results[name]['first_after_change_ms']} ms the first time)"
        )
    return results


def measure_publish() -> dict[str, float]:
    """Publishing a new event with a two-year weekly rule, as an editor does (all signals on)."""
    index = EventIndexPage.objects.get(locale__language_code="en")
    today = timezone.now().astimezone(LONDON).date()
    until = datetime.datetime.combine(today + datetime.timedelta(days=730), datetime.time(), tzinfo=datetime.UTC)
    event = EventPage(
        title="Benchmark two-year weekly drop-in",
        slug="benchmark-two-year-weekly",
        summary="Measured by make bench, then deleted.",
        first_date=today,
        start_time=datetime.time(14),
        end_time=datetime.time(16),
        venue=EventPage.objects.filter(slug__startswith=BENCH_SLUG_PREFIX).first().venue,
        repeat=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY, until=until)]),
        live=False,
    )
    index.add_child(instance=event)
    revision = event.save_revision()
    started = time.perf_counter()
    revision.publish()
    publish_ms = (time.perf_counter() - started) * 1000
    stored = Occurrence.objects.filter(event=event).count()
    # An editor's next change: the aliases exist, Wagtail updates them and the sessions are rebuilt.
    event = EventPage.objects.get(pk=event.pk)
    event.summary = "Changed by make bench."
    revision = event.save_revision()
    started = time.perf_counter()
    revision.publish()
    republish_ms = (time.perf_counter() - started) * 1000
    for page in EventPage.objects.filter(translation_key=event.translation_key).order_by("-alias_of"):
        page.delete()
    started = time.perf_counter()
    written = roll_all()
    roll_s = time.perf_counter() - started
    return {
        "publish_two_year_weekly_ms": round(publish_ms, 1),
        "republish_two_year_weekly_ms": round(republish_ms, 1),
        "occurrences_stored": stored,
        "roll_occurrences_s": round(roll_s, 2),
        "roll_occurrences_written": written,
    }


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def wrk(path: str, seconds: int) -> float:
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            "-c8",
            f"-d{seconds}s",
            "--timeout",
            "60s",
            "-H",
            f"Host: {HOST}",
            f"http://127.0.0.1:{PORT}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.search(r"Requests/sec:\s+([0-9.]+)", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{path}: {errors.group(1)} error responses under load")
    return float(found.group(1)) if found else 0.0


def measure_throughput(cache_seconds: int) -> dict[str, float]:
    environment = {**os.environ, "PUBLIC_RESPONSE_CACHE_SECONDS": str(cache_seconds)}
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "cms.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=environment,
    )
    try:
        wait_for_port(PORT)
        results = {}
        # The static files first: a slow page's queued requests would still hold the workers after it.
        for name, path in [STATIC, *copies(PAGES).values(), *[(name, path) for name, path, _target in PAGES]]:
            wrk(path, 1)  # both workers load templates (and, warm, fill their caches)
            results[name] = round(wrk(path, SECONDS), 1)
            print(f"  {name}: {results[name]} requests/s")
        return results
    finally:
        server.terminate()
        server.wait(timeout=30)


def table(results: dict[str, Any]) -> str:
    rows = [
        "| Page | Queries | Queries, caches empty | Median ms | p95 ms | First after a change, ms "
        "| Cold req/s | Warm req/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    cold, warm = results.get("cold_rps", {}), results.get("warm_rps", {})
    for name, _path, _target in PAGES:
        page = results["pages"][name]
        rows.append(
            f"| {name} | {page['queries']} | {page['queries_empty_cache']} | {page['median_ms']} | {page['p95_ms']} "
            f"| {page['first_after_change_ms']} | {cold.get(name, '-')} | {warm.get(name, '-')} |"
        )
    for static, _path in [STATIC, *copies(PAGES).values()]:
        rows.append(f"| {static} (reference) | 0 | 0 | - | - | - | {cold.get(static, '-')} | {warm.get(static, '-')} |")
    publish = results["publish"]
    rows.append("")
    rows.append(
        f"Publishing a two-year weekly event ({publish['occurrences_stored']} sessions, aliases in six languages): "
        f"{publish['publish_two_year_weekly_ms']} ms the first time (Wagtail creates its six aliases), "
        f"{publish['republish_two_year_weekly_ms']} ms for a change. roll_occurrences for all events: "
        f"{publish['roll_occurrences_s']} s ({publish['roll_occurrences_written']} sessions written)."
    )
    return "\n".join(rows)


def targets(results: dict[str, Any]) -> list[str]:
    """The issue's targets that this run missed (empty when all are met)."""
    missed = []
    for name, _path, timed in PAGES:
        page = results["pages"][name]
        if page["queries"] > MAX_QUERIES:
            missed.append(f"{name}: {page['queries']} queries (at most {MAX_QUERIES})")
        if timed and page["median_ms"] >= MAX_MEDIAN_MS:
            missed.append(f"{name}: median {page['median_ms']} ms (under {MAX_MEDIAN_MS})")
    if results["publish"]["publish_two_year_weekly_ms"] >= MAX_PUBLISH_MS:
        missed.append(f"publish: {results['publish']['publish_two_year_weekly_ms']} ms (under {MAX_PUBLISH_MS})")
    warm = results.get("warm_rps")
    if warm:
        # Beside the static file of the same bytes where the response is large, else the small one.
        reference = {name: copy for name, (copy, _path) in copies(PAGES).items()}
        for name, _path, _target in PAGES:
            floor = warm[reference.get(name, STATIC[0])] / WARM_VS_STATIC
            if warm[name] < floor:
                missed.append(f"{name}: warm {warm[name]} req/s (at least {floor:.0f})")
    return missed


def main() -> None:
    if SECONDS and not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt install wrk), or set BENCH_SECONDS=0.")
    events = ensure_database()
    results: dict[str, Any] = {
        "events": events,
        "occurrences": Occurrence.objects.count(),
        "pages_in_database": EventPage.objects.count(),
        "requests_per_page": REQUESTS,
        "seconds_per_load_test": SECONDS,
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
        "measured_at": timezone.now().isoformat(timespec="seconds"),
        # Other work on the machine slows every figure: the 1-minute load average at the start and end.
        "load_average_start": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
    }
    print(f"In-process, {REQUESTS} uncached requests per page:")
    results["pages"] = measure_in_process()
    print("Publishing and rolling occurrences:")
    results["publish"] = measure_publish()
    connection.close()
    if SECONDS:
        print(f"gunicorn, 2 workers, wrk for {SECONDS} s, cache off:")
        results["cold_rps"] = measure_throughput(0)
        print(f"gunicorn, 2 workers, wrk for {SECONDS} s, cache warm:")
        results["warm_rps"] = measure_throughput(300)
    results["load_average_end"] = round(os.getloadavg()[0], 2)
    results["targets_missed"] = targets(results)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print()
    print(
        f"{events} events, {results['occurrences']} occurrences, {results['pages_in_database']} event pages "
        f"in 7 languages ({results['database']}); load average {results['load_average_start']} at the start, "
        f"{results['load_average_end']} at the end, on {results['cpus']} CPUs"
    )
    print(table(results))
    print()
    if results["targets_missed"]:
        print("Targets missed:\n  " + "\n  ".join(results["targets_missed"]))
    else:
        print("All targets met.")
    print(f"Written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
