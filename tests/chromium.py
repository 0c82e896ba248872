"""Debian chromium for the browser tests: where it is and how it is started.

The flags keep chromium from reaching the network on its own (updates, sync, background
requests), so a test that counts requests sees only the page's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def require_chromium() -> None:
    """Skip (or, under CI, fail) when Debian chromium is not installed."""
    import os

    if not Path(CHROMIUM).exists():
        message = f"Debian chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def browser():
    """Debian chromium started by Playwright with the flags above, once per test module (a
    module imports this fixture to use it)."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        running = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield running
        running.close()
