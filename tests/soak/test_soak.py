"""The short soak (a few seconds per phase): the same script as `make soak`, in `make test`."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from soak.run import SoakError, required_tools

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.slow
def test_the_site_survives_load_a_database_restart_a_cache_outage_and_a_second_app_server(tmp_path):
    try:
        required_tools()
    except SoakError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the soak cannot run under CI: {error}")
        pytest.skip(str(error))
    results_path = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, "-m", "soak.run", "--seconds", os.environ.get("SOAK_TEST_SECONDS", "4")]
        + ["--json", str(results_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    results = json.loads(results_path.read_text())
    assert results["steady"]["requests"] > 0
    assert results["steady"]["non_2xx"] == 0
    assert results["postgres_restart"]["uncached_probes_failed_while_down"] > 0, "PostgreSQL never went down"
    assert results["postgres_restart"]["recovery_seconds"] <= 10
    assert results["postgres_restart"]["workers_before"] == results["postgres_restart"]["workers_after"]
    assert results["redis_stopped"]["load"]["requests"] > 0
    assert results["redis_stopped"]["load"]["non_2xx"] == 0
    assert results["redis_stopped"]["editor_logged_in"]
    assert all(results["two_servers"]["visible_through_b"].values())
    assert all(results["checks"].values()), results["checks"]
