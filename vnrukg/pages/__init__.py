"""Self-contained offline HTML pages (charts, timeline): the parts they share.

Every page is one file that loads nothing from the network. Its data travels as JSON in a
``<script type="application/json">`` element with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped
(:func:`script_json`), so no value can close the element or open a comment; its scripts put
every text from the data into the document with ``textContent``. A Content-Security-Policy
allows only the page's own inline scripts, by SHA-256 hash (:func:`script_hashes`), no
connections and no loads other than ``data:`` images. Pages are Jinja2 templates with
autoescaping on (:func:`render`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from importlib import metadata, resources

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

try:
    import orjson
except ImportError:  # the standard library writes the same JSON, four times slower
    orjson = None  # type: ignore[assignment]

from ..errors import VnrukgError

_UNSAFE_IN_SCRIPT = re.compile(r"</script|<!--", re.IGNORECASE)
#: A source-map comment would make an open DevTools fetch a file that is not there.
_SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")
CSP = (
    "default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; img-src data:; "
    "font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
)


def compact_json(value: object) -> bytes:
    """``value`` as compact JSON in UTF-8, with sorted keys and characters unescaped.

    orjson writes the same text as the standard library (checked on every character as a
    string and as a key, and on floats from 1e-12 to 1e21), except that a float smaller
    than 1e-4 is written without an exponent (``0.00001`` for ``1e-05``: the same number);
    what orjson cannot write (keys that are not strings, integers of more than 64 bits)
    the standard library writes. The 31 MB of a 20,000-entity network page took 0.9 s with
    the standard library and take 0.15 s with orjson.
    """
    if orjson is not None:
        try:
            return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
        except TypeError:  # orjson.JSONEncodeError
            pass
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.encode("utf-8")


#: What :func:`script_json` escapes, as UTF-8: a multi-byte character's bytes never occur
#: inside another character's, so replacing them in the encoded text is safe (and several
#: times faster than in a str of 30 million characters).
_SCRIPT_ESCAPES = tuple(
    (char.encode("utf-8"), f"\\u{ord(char):04x}".encode("ascii")) for char in "<>&\u2028\u2029"
)


def script_json(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element: ``<``, ``>``, ``&``, U+2028 and
    U+2029 escaped."""
    data = compact_json(value)
    for raw, escaped in _SCRIPT_ESCAPES:
        data = data.replace(raw, escaped)
    return data.decode("utf-8")


def safe_script(code: str, name: str) -> str:
    """``code`` without a trailing source-map comment, checked safe to inline."""
    code = _SOURCE_MAP.sub("", code)
    if _UNSAFE_IN_SCRIPT.search(code):
        raise VnrukgError(f"{name} contains '</script' or '<!--' and cannot be inlined")
    return code


def safe_style(css: str, name: str) -> str:
    """``css`` checked safe to inline in a ``<style>`` element."""
    if "</style" in css.lower():
        raise VnrukgError(f"{name} contains '</style' and cannot be inlined")
    return css


def script_hash(code: str) -> str:
    """The CSP source expression allowing exactly ``code`` as an inline script."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp(scripts: list[str]) -> str:
    """The page's Content-Security-Policy, allowing ``scripts`` (inline) and nothing else."""
    return CSP.format(scripts=" ".join(script_hash(code) for code in scripts))


def asset(name: str) -> str:
    """A file of ``vnrukg/pages/assets``."""
    return resources.files(__name__).joinpath("assets", name).read_text("utf-8")


def vendored(name: str) -> str:
    """A vendored JavaScript or CSS file of ``vnrukg/vendor`` (see js/README.md)."""
    try:
        return resources.files("vnrukg").joinpath("vendor", name).read_text("utf-8")
    except FileNotFoundError:
        raise VnrukgError(f"vnrukg/vendor/{name} is missing: rebuild it (js/README.md)") from None


@cache
def environment() -> Environment:
    """The Jinja2 environment of the page templates (autoescaping on)."""
    return Environment(
        loader=PackageLoader("vnrukg.pages", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def render(template: str, **context: object) -> str:
    """Render one of the page templates."""
    return environment().get_template(template).render(version=version(), **context)


def version() -> str:
    """This package's version (``dev`` when not installed)."""
    try:
        return metadata.version("vnrukg")
    except metadata.PackageNotFoundError:
        return "dev"
