"""Charts written out: SVG and PNG with vl-convert (no browser), or a self-contained HTML page.

The HTML pages inline the JavaScript bundle that vl-convert-python ships (Vega, Vega-Lite and
vega-embed; BSD-3-Clause licensed, their licence notice kept in the bundle's header comments),
so they load nothing from the network.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import metadata
from pathlib import Path

import vl_convert

from ..errors import UsageError, VnrukgError
from ..pages import safe_script
from ..util import atomic_write
from .spec import Spec

FORMATS = {".svg": "svg", ".png": "png", ".html": "html", ".htm": "html", ".json": "json"}


def chart_format(path: str | Path, fmt: str | None = None) -> str:
    """The output format: ``fmt`` if given, else from the file's extension."""
    if fmt:
        return fmt
    found = FORMATS.get(Path(str(path)).suffix.lower())
    if found is None:
        raise UsageError(
            f"cannot tell the format of {path}: use .svg, .png, .html or .json (the spec)"
        )
    return found


def svg(spec: Spec) -> str:
    """The chart as SVG text, rendered by vl-convert (Vega in Deno, no browser)."""
    try:
        return vl_convert.vegalite_to_svg(spec)
    except ValueError as exc:  # vl-convert reports an invalid spec as ValueError
        raise VnrukgError(f"the chart could not be drawn: {exc}") from None


def png(spec: Spec, scale: float = 2.0) -> bytes:
    """The chart as PNG bytes (``scale`` × the SVG's size), rendered by vl-convert."""
    try:
        return vl_convert.vegalite_to_png(spec, scale=scale)
    except ValueError as exc:
        raise VnrukgError(f"the chart could not be drawn: {exc}") from None


@cache
def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script (from vl-convert-python), safe to inline.

    vl-convert assembles the bundle on each call (about 5 s), so it is kept in the user's cache
    folder, one file per vl-convert version; a missing or unwritable cache only costs time.
    """
    cached = _cache_file(getattr(vl_convert, "__version__", "unknown"))
    try:
        return safe_script(cached.read_text("utf-8"), cached.name)
    except (OSError, UnicodeDecodeError):
        pass
    # the stub marks the snippet required; without one the bundle sets window.vegaEmbed & co.
    made = vl_convert.javascript_bundle()  # type: ignore[call-arg]
    bundle = safe_script(made, "the vl-convert JavaScript bundle")
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(cached, bundle)
    except OSError:
        pass
    return bundle


def _cache_file(version: str) -> Path:
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "vnrukg" / f"vl-convert-{version}-bundle.js"


def versions() -> dict[str, str]:
    """The versions of the chart libraries the pages and images are made with."""
    return {
        "altair": metadata.version("altair"),
        "vl-convert-python": getattr(vl_convert, "__version__", "?"),
        "vega": vl_convert.get_vega_version(),
        "vega-lite": vl_convert.get_vegalite_versions()[-1],
        "vega-embed": vl_convert.get_vega_embed_version(),
    }
