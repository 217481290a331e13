"""Load and fault soak: `make soak` (SOAK_SECONDS per phase, default 60).

Builds a throwaway PostgreSQL cluster and Redis server on free loopback ports (never the
machine's own services, which other work and CI share), migrates and loads the demo content,
and serves it with gunicorn under `cms.settings.production` with a secret generated for this
run. Then, each phase under Debian's `wrk` at 50 connections on a listing, an event page and
the feeds:

1. steady load: no response other than 2xx;
2. PostgreSQL restarted halfway: requests that need the database (a probe with a fresh query
   string, never cached) succeed again within 10 s of it coming back, and no gunicorn worker
   was replaced;
3. Redis stopped: pages are still served (django-redis ignores its errors), and an editor can
   still log in (sessions live in the database);
4. two app servers on one database, each with its own cache: a publish through one server's
   admin is visible through the other on the next request, its cached page included (the
   cache version lives in the database, `cms.models.ContentVersion`).

Prints a table and writes the figures to soak/results.json; exits non-zero if a check fails.
"""

import argparse
import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CONNECTIONS = 50
RECOVERY_LIMIT = 10.0
WORKERS = int(os.environ.get("SOAK_WORKERS", "4"))


class SoakError(RuntimeError):
    """Something the soak needs is missing or did not start."""


def log(message: str) -> None:
    print(f"[soak {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise SoakError(f"nothing listens on port {port} after {timeout} s") from None
            time.sleep(0.1)


def postgres_bindir() -> Path:
    """The newest installed PostgreSQL server binaries (Debian keeps them off PATH)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name.split(".")[0])
    )
    if found:
        return found[-1].parent
    if shutil.which("initdb") and shutil.which("pg_ctl"):
        return Path(shutil.which("initdb")).parent
    raise SoakError("PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql")


def required_tools() -> dict[str, str]:
    """Every outside program the soak needs, or SoakError naming the missing ones."""
    tools = {"wrk": shutil.which("wrk"), "redis-server": shutil.which("redis-server")}
    missing = [name for name, path in tools.items() if not path]
    try:
        tools["initdb"] = str(postgres_bindir() / "initdb")
    except SoakError:
        missing.append("postgresql")
    if missing:
        raise SoakError("missing: " + ", ".join(missing) + " (apt-get install wrk redis-server postgresql)")
    return tools


class Postgres:
    """A cluster of our own in a temporary directory, owned by the postgres user when we are root
    (initdb refuses to run as root)."""

    def __init__(self, workdir: Path) -> None:
        self.bindir = postgres_bindir()
        self.dir = workdir / "postgres"
        self.data = self.dir / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/soak"

    def run(self, *args: str) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd="/")

    def init(self) -> None:
        self.dir.mkdir(mode=0o700)
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
            os.chmod(self.dir.parent, 0o711)  # noqa: S103 (postgres must traverse the root-owned workdir)
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C")
        self.start()
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "soak")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-o", options, "start")

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def close(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()


class Redis:
    """A redis-server of our own on a free port, keeping nothing on disk."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.dir = workdir
        self.process: subprocess.Popen | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self.dir,
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    close = stop


class AppServer:
    """One gunicorn with its workers, under the production settings."""

    def __init__(self, name: str, env: dict[str, str], workdir: Path) -> None:
        self.name = name
        self.env = env
        self.port = free_port()
        self.log_path = workdir / f"gunicorn-{name}.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [
            str(BIN / "gunicorn"),
            "cms.wsgi",
            f"--workers={WORKERS}",
            f"--bind=127.0.0.1:{self.port}",
            "--timeout=60",
            "--backlog=512",
        ]
        with self.log_path.open("ab") as log_file:
            self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log_file, stderr=log_file)
        wait_for_port(self.port)
        deadline = time.monotonic() + 60
        while get(self.port, "/en/")[0] != 200:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise SoakError(f"app server {self.name} does not answer: see {self.log_path}")
            time.sleep(0.2)
        # Every worker has booted once the master has them all.
        while len(self.worker_pids()) < WORKERS:
            time.sleep(0.1)

    def worker_pids(self) -> list[int]:
        """gunicorn's workers are the master's children: a replaced worker gets a new PID."""
        assert self.process
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError):
                # The command may contain spaces and parentheses: the fields after the last ")" are fixed.
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == self.process.pid:
                    pids.append(int(stat.parent.name))
        return sorted(pids)

    def close(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def error_lines(self) -> list[str]:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return [line for line in text.splitlines() if '"level": "ERROR"' in line or "Traceback" in line]


def get(
    port: int, path: str, headers: dict[str, str] | None = None, timeout: float = 10
) -> tuple[int, dict[str, str], bytes]:
    """One plain HTTP/1.1 request; status 0 when the connection failed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": "localhost", **(headers or {})})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    except OSError:
        return 0, {}, b""
    finally:
        connection.close()


def send(
    port: int, method: str, path: str, cookies: dict[str, str], form: dict[str, str] | None = None
) -> tuple[int, bytes]:
    """A request with a cookie jar kept by hand: the cookies are Secure, and the soak talks plain
    HTTP to gunicorn as a TLS-terminating proxy would."""
    headers = {"Host": "localhost", "Cookie": cookie_header(cookies)}
    if form is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=urlencode(form) if form is not None else None, headers=headers)
        response = connection.getresponse()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                cookies[key] = rest.split(";", 1)[0]
        return response.status, response.read()
    finally:
        connection.close()


def cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


class Editor:
    """An editor's admin session through one app server."""

    def __init__(self, port: int, username: str, password: str) -> None:
        self.port = port
        self.username = username
        self.password = password
        self.cookies: dict[str, str] = {}

    def get(self, path: str) -> tuple[int, bytes]:
        return send(self.port, "GET", path, self.cookies)

    def csrf_token(self, body: bytes) -> str:
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        if not match:
            raise SoakError("no CSRF token in the admin form")
        return match.group(1).decode()

    def log_in(self) -> bool:
        status, body = self.get("/admin/login/")
        if status != 200:
            return False
        form = {"username": self.username, "password": self.password, "csrfmiddlewaretoken": self.csrf_token(body)}
        status, _ = send(self.port, "POST", "/admin/login/", self.cookies, form)
        return status == 302 and "sessionid" in self.cookies and self.get("/admin/")[0] == 200

    def publish(self, page_id: int) -> bool:
        """Publish the page's latest revision with the admin's bulk action, as an editor would."""
        path = f"/admin/bulk/wagtailcore/page/publish/?id={page_id}"
        status, body = self.get(path)
        if status != 200:
            return False
        status, _ = send(self.port, "POST", path, self.cookies, {"csrfmiddlewaretoken": self.csrf_token(body)})
        return status == 302


WRK_SCRIPT = """
-- Rotates through the soak's paths and counts every status, gathered from all threads at the end.
local paths = %(paths)s
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {}; counter = math.random(#paths) end
function request()
  counter = counter %% #paths + 1
  return wrk.format("GET", paths[counter], {Host = "localhost"})
end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + count end
  end
  local parts = {}
  for status, count in pairs(total) do table.insert(parts, string.format('"%%d": %%d', status, count)) end
  local e = summary.errors
  io.write(string.format(
    'SOAK_JSON {"requests": %%d, "duration_us": %%d, "statuses": {%%s}, "errors": {"connect": %%d, "read": %%d, ' ..
    '"write": %%d, "timeout": %%d}, "latency_ms": {"p50": %%.1f, "p90": %%.1f, "p99": %%.1f, "max": %%.1f}}\\n',
    summary.requests, summary.duration, table.concat(parts, ", "), e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
"""


class Load:
    """wrk in the background for `seconds` at 50 connections."""

    def __init__(self, port: int, paths: list[str], seconds: float, workdir: Path) -> None:
        script = workdir / "soak.lua"
        script.write_text(WRK_SCRIPT % {"paths": "{" + ", ".join(json.dumps(p) for p in paths) + "}"})
        command = [
            "wrk",
            "--threads=2",
            f"--connections={CONNECTIONS}",
            f"--duration={max(1, round(seconds))}s",
            "--timeout=30s",
            f"--script={script}",
            f"http://127.0.0.1:{port}/",
        ]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def result(self) -> dict[str, Any]:
        out, err = self.process.communicate()
        for line in out.splitlines():
            if line.startswith("SOAK_JSON "):
                figures = json.loads(line.removeprefix("SOAK_JSON "))
                statuses = {int(k): v for k, v in figures["statuses"].items()}
                figures["statuses"] = statuses
                figures["non_2xx"] = sum(v for k, v in statuses.items() if not 200 <= k < 300)
                figures["socket_errors"] = sum(figures["errors"].values())
                figures["requests_per_second"] = round(figures["requests"] / (figures["duration_us"] / 1e6), 1)
                return figures
        raise SoakError(f"wrk printed no figures: {out} {err}")


@dataclass
class Probe:
    """Requests that need the database, one every 0.1 s: a fresh query string is never cached."""

    port: int
    path: str
    samples: list[tuple[float, int]] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.thread = threading.Thread(target=self.loop, daemon=True)

    def loop(self) -> None:
        number = 0
        while not self.stopping.is_set():
            number += 1
            status = get(self.port, f"{self.path}?soak-probe={number}", timeout=15)[0]
            self.samples.append((time.monotonic(), status))
            self.stopping.wait(0.1)

    def recovered_after(self, since: float) -> float | None:
        """Seconds from `since` to the first success after the last failure (None: still failing)."""
        later = [(t, s) for t, s in self.samples if t >= since]
        failures = [t for t, s in later if s != 200]
        if not failures:
            return 0.0
        after = [t for t, s in later if t > failures[-1] and s == 200]
        return round(after[0] - since, 2) if after else None


class Soak:
    def __init__(self, seconds: float, workdir: Path) -> None:
        self.seconds = seconds
        self.workdir = workdir
        self.postgres = Postgres(workdir)
        self.redis = Redis(workdir)
        self.servers: list[AppServer] = []
        self.results: dict[str, Any] = {"seconds_per_phase": seconds, "connections": CONNECTIONS, "workers": WORKERS}
        self.checks: dict[str, bool] = {}
        self.secret_key = secrets.token_urlsafe(50)  # one per run, never written anywhere

    def env(self, cache_db: int = 0) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("AWS_", "FRONTEND_CACHE_", "CLOUDFLARE_", "DJANGO_", "PYTEST"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="cms.settings.production",
            SECRET_KEY=self.secret_key,
            ALLOWED_HOSTS="localhost,127.0.0.1",
            DATABASE_URL=self.postgres.url,
            REDIS_URL=self.redis.url(cache_db),
            CONN_MAX_AGE="60",
            # gunicorn stands where a TLS-terminating proxy would hand it plain HTTP.
            SECURE_SSL_REDIRECT="false",
            LOG_LEVEL="WARNING",
        )
        return env

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env(), capture_output=True, text=True
        )
        if result.returncode:
            raise SoakError(f"manage.py {args[0]} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def shell(self, code: str) -> dict[str, Any]:
        output = self.manage("shell", "--no-imports", "-c", code)
        return json.loads(output.strip().splitlines()[-1])

    def setup(self) -> None:
        log("throwaway PostgreSQL and Redis")
        self.postgres.init()
        self.redis.start()
        log("migrate, demo content, static files")
        self.manage("migrate", "--no-input")
        self.manage("load_demo_content")
        self.manage("compile_translations")
        self.manage("collectstatic", "--no-input")
        targets = self.shell("from soak.targets import urls; urls()")
        self.paths, self.event, self.event_id = targets["paths"], targets["event"], targets["event_id"]
        self.editor_password = secrets.token_urlsafe(24)
        self.shell(f"from soak.targets import create_editor; create_editor('soak-editor', {self.editor_password!r})")
        self.servers.append(AppServer("a", self.env(), self.workdir))
        self.servers[0].start()
        log(f"app server a on port {self.servers[0].port}, {WORKERS} workers")
        for path in self.paths:
            status = get(self.servers[0].port, path)[0]
            if status != 200:
                raise SoakError(f"{path} answers {status} before any load")

    def check(self, name: str, passed: bool) -> None:
        self.checks[name] = bool(passed)

    def steady(self) -> None:
        log(f"steady load, {self.seconds} s")
        server = self.servers[0]
        load = Load(server.port, self.paths, self.seconds, self.workdir).result()
        self.results["steady"] = load
        self.check("steady: every response 2xx", load["non_2xx"] == 0 and load["socket_errors"] == 0)

    def postgres_restart(self) -> None:
        log(f"PostgreSQL restarted halfway through {self.seconds} s of load")
        server = self.servers[0]
        workers_before = server.worker_pids()
        probe = Probe(server.port, self.paths[0])
        probe.thread.start()
        load = Load(server.port, self.paths, self.seconds, self.workdir)
        time.sleep(self.seconds / 2)
        stopped_at = time.monotonic()
        self.postgres.stop()
        time.sleep(min(3.0, max(1.0, self.seconds / 10)))
        self.postgres.start()
        back_at = time.monotonic()
        figures = load.result()
        # Probe on until recovered, and a little longer to see it stays recovered.
        deadline = back_at + RECOVERY_LIMIT + 2
        while time.monotonic() < deadline:
            recovered = probe.recovered_after(back_at)
            if recovered is not None and time.monotonic() > back_at + recovered + 2:
                break
            time.sleep(0.2)
        probe.stopping.set()
        probe.thread.join()
        recovered = probe.recovered_after(back_at)
        workers_after = server.worker_pids()
        down = [s for t, s in probe.samples if stopped_at <= t <= back_at]
        self.results["postgres_restart"] = {
            "load": figures,
            "down_seconds": round(back_at - stopped_at, 2),
            "uncached_probes_while_down": len(down),
            "uncached_probes_failed_while_down": sum(1 for s in down if s != 200),
            "recovery_seconds": recovered,
            "workers_before": workers_before,
            "workers_after": workers_after,
        }
        self.check("postgres: uncached requests recover within 10 s", recovered is not None and recovered <= 10)
        self.check("postgres: no worker restarted", workers_before == workers_after)
        self.check("postgres: cached pages 2xx throughout", figures["non_2xx"] == 0 and figures["socket_errors"] == 0)

    def redis_stopped(self) -> None:
        log(f"Redis stopped, {self.seconds} s of load")
        server = self.servers[0]
        workers_before = server.worker_pids()
        self.redis.stop()
        try:
            figures = Load(server.port, self.paths, self.seconds, self.workdir).result()
            editor = Editor(server.port, "soak-editor", self.editor_password)
            logged_in = editor.log_in()
        finally:
            self.redis.start()
        after = get(server.port, self.paths[0])[0]
        workers_after = server.worker_pids()
        self.results["redis_stopped"] = {
            "load": figures,
            "editor_logged_in": logged_in,
            "served_after_redis_returned": after,
            "workers_before": workers_before,
            "workers_after": workers_after,
        }
        self.check("redis: pages served while it is down", figures["non_2xx"] == 0 and figures["socket_errors"] == 0)
        self.check("redis: an editor logs in while it is down (sessions in the database)", logged_in)
        self.check("redis: no worker restarted", workers_before == workers_after and after == 200)

    def two_servers(self) -> None:
        log("two app servers on one database")
        first = self.servers[0]
        # Its own cache (another Redis database): only the version in PostgreSQL can tell it of the publish.
        second = AppServer("b", self.env(cache_db=1), self.workdir)
        self.servers.append(second)
        second.start()
        marker = "soak-" + secrets.token_hex(4)
        self.shell(f"from soak.targets import save_draft; save_draft({self.event_id}, {marker!r})")
        pages = [self.event, self.paths[0], self.paths[3]]  # the event, the listing, the RSS feed
        for server in (first, second):
            for path in pages:
                get(server.port, path)
        cached = all(marker.encode() not in get(server.port, self.event)[2] for server in (first, second))
        editor = Editor(first.port, "soak-editor", self.editor_password)
        published = editor.log_in() and editor.publish(self.event_id)
        published_at = time.monotonic()
        seen = {path: marker.encode() in get(second.port, path)[2] for path in pages}
        seen_after = round(time.monotonic() - published_at, 3)
        on_first = marker.encode() in get(first.port, self.event)[2]
        self.results["two_servers"] = {
            "ports": [first.port, second.port],
            "published_through_admin_of": "a",
            "published": published,
            "draft_hidden_before": cached,
            "visible_through_b": seen,
            "visible_through_a": on_first,
            "seconds_to_see_on_b": seen_after,
        }
        self.check(
            "two servers: a publish through one is visible through the other at once",
            published and cached and all(seen.values()) and on_first,
        )

    def run(self) -> dict[str, Any]:
        started = time.monotonic()
        try:
            self.setup()
            self.steady()
            self.postgres_restart()
            self.redis_stopped()
            self.two_servers()
        finally:
            errors = [line for server in self.servers for line in server.error_lines()]
            for server in self.servers:
                server.close()
            self.redis.close()
            self.postgres.close()
        self.results["server_errors_logged"] = len(errors)
        self.results["first_errors"] = errors[:5]
        self.results["checks"] = self.checks
        self.results["passed"] = all(self.checks.values()) and bool(self.checks)
        self.results["total_seconds"] = round(time.monotonic() - started, 1)
        return self.results


def table(results: dict[str, Any]) -> str:
    rows = [("phase", "requests", "req/s", "non-2xx", "socket errors", "p50 ms", "p99 ms", "max ms")]
    for name, figures in (
        ("steady", results["steady"]),
        ("postgres restart", results["postgres_restart"]["load"]),
        ("redis stopped", results["redis_stopped"]["load"]),
    ):
        latency = figures["latency_ms"]
        rows.append(
            (
                name,
                str(figures["requests"]),
                str(figures["requests_per_second"]),
                str(figures["non_2xx"]),
                str(figures["socket_errors"]),
                str(latency["p50"]),
                str(latency["p99"]),
                str(latency["max"]),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    restart = results["postgres_restart"]
    lines += [
        "",
        f"PostgreSQL down {restart['down_seconds']} s: {restart['uncached_probes_failed_while_down']}"
        f"/{restart['uncached_probes_while_down']} uncached probes failed while down; "
        f"recovered {restart['recovery_seconds']} s after it came back",
        f"workers before/after restart: {restart['workers_before']} / {restart['workers_after']}",
        f"two servers: publish visible through the other within {results['two_servers']['seconds_to_see_on_b']} s",
        f"server errors logged: {results['server_errors_logged']}",
        "",
    ]
    lines += [f"{'PASS' if passed else 'FAIL'}  {name}" for name, passed in results["checks"].items()]
    return "\n".join(lines)


@contextlib.contextmanager
def workspace() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="soak-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("SOAK_SECONDS", "60")))
    parser.add_argument("--json", type=Path, default=ROOT / "soak" / "results.json")
    args = parser.parse_args()
    try:
        required_tools()
        with workspace() as workdir:
            results = Soak(args.seconds, workdir).run()
    except SoakError as error:
        print(f"soak: {error}", file=sys.stderr)
        return 2
    args.json.write_text(json.dumps(results, indent=2) + "\n")
    print(table(results))
    print(f"\nfigures written to {args.json}")
    return 0 if results["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
