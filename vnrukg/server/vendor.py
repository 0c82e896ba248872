"""The query page's JavaScript and style sheets, served from this installation, never a CDN.

- YASGUI and vega-interpreter are vendored in ``vnrukg/vendor/`` (built by ``js/yasgui``,
  see js/README.md);
- the Vega-Lite runtime (Vega, Vega-Lite, vega-embed) is the bundle ``vl-convert-python``
  ships (``vl_convert.javascript_bundle()``), made once per process and served as an ES
  module: the same library the project's charts are drawn with;
- vis-network (the network view) is the copy inside pyvis's wheel, as on the network page.

Every file is served under a name with its version, with ``Cache-Control: immutable``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources

import vl_convert

from ..errors import VnrukgError

YASGUI = "4.6.2"
VEGA_INTERPRETER = "2.3.2"
VIS_NETWORK = "9.1.2"  # the newest copy in pyvis's wheel


@dataclass(frozen=True)
class Asset:
    """A file the query page loads: its bytes, media type and a strong ETag."""

    data: bytes
    media_type: str

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.data).hexdigest()[:32] + '"'


def _vendored(name: str) -> bytes:
    return resources.files("vnrukg").joinpath("vendor", name).read_bytes()


def _vega() -> bytes:
    snippet = "window.vegaEmbed = vegaEmbed; window.vega = vega; window.vegaLite = vegaLite;"
    return str(vl_convert.javascript_bundle(snippet)).encode("utf-8")


def vega_name() -> str:
    """The served name of the Vega-Lite runtime, with vl-convert's version."""
    version = metadata.version("vl-convert-python")
    return f"vega-{vl_convert.get_vega_version()}-vl-convert-{version}.js"


def _pyvis(name: str) -> bytes:
    return resources.files("pyvis").joinpath("lib", f"vis-{VIS_NETWORK}", name).read_bytes()


JS, CSS = "text/javascript; charset=utf-8", "text/css; charset=utf-8"


@cache
def assets() -> dict[str, tuple[str, Callable[[], bytes]]]:
    """The served names and how to make each file."""
    return {
        f"yasgui-{YASGUI}.min.js": (JS, lambda: _vendored(f"yasgui-{YASGUI}.min.js")),
        f"yasgui-{YASGUI}.min.css": (CSS, lambda: _vendored(f"yasgui-{YASGUI}.min.css")),
        f"yasgui-{YASGUI}.LICENSE.txt": (
            "text/plain; charset=utf-8",
            lambda: _vendored(f"yasgui-{YASGUI}.LICENSE.txt"),
        ),
        f"vega-interpreter-{VEGA_INTERPRETER}.min.js": (
            JS,
            lambda: _vendored(f"vega-interpreter-{VEGA_INTERPRETER}.min.js"),
        ),
        vega_name(): (JS, _vega),
        f"vis-network-{VIS_NETWORK}.min.js": (JS, lambda: _pyvis("vis-network.min.js")),
        f"vis-network-{VIS_NETWORK}.css": (CSS, lambda: _pyvis("vis-network.css")),
    }


@cache
def asset(name: str) -> Asset:
    """A file by its served name (made on first use, then kept)."""
    found = assets().get(name)
    if found is None:
        raise KeyError(name)
    media_type, make = found
    try:
        data = make()
    except (OSError, ModuleNotFoundError) as exc:
        raise VnrukgError(f"cannot read {name} from this installation: {exc}") from None
    return Asset(data, media_type)
