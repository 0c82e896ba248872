"""HTTP authentication for push: Basic (RFC 7617) and Digest (RFC 7616, formerly RFC 2617).

Stores differ in what they ask for: Fuseki and GraphDB take Basic, Virtuoso's authenticated
endpoints (``/sparql-auth``, ``/sparql-graph-crud-auth``) demand Digest. An
:class:`Authenticator` holds one user's credentials, learns from a ``401`` answer's
``WWW-Authenticate`` header which scheme the server wants, and writes the ``Authorization``
header of each following request. Digest is answered with ``qop=auth`` and the algorithms
MD5, SHA-256 and their ``-sess`` variants; the body is never part of the hash (``auth-int`` is
not spoken), so a large upload can still be streamed.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from dataclasses import dataclass

from .errors import VnrukgError

#: The Digest algorithms answered, strongest first (RFC 7616 section 3.2 and 6.1).
ALGORITHMS = {"SHA-256": hashlib.sha256, "MD5": hashlib.md5}

_TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
_PARTS = re.compile(rf'(?P<token>{_TOKEN})|"(?P<quoted>(?:[^"\\]|\\.)*)"|(?P<sep>[=,])')


class AuthError(VnrukgError):
    """A challenge that cannot be answered (an unknown algorithm, ``auth-int`` only)."""


@dataclass(frozen=True)
class Challenge:
    """One challenge of a ``WWW-Authenticate`` header: the scheme (lower case) and parameters."""

    scheme: str
    params: dict[str, str]


def parse_challenges(header: str) -> list[Challenge]:
    """The challenges of a ``WWW-Authenticate`` value (several may share one header).

    ``Digest realm="a, b", qop="auth", Basic realm="x"`` gives a Digest and a Basic challenge;
    parameter names and schemes are lower-cased, values unquoted. A token68 (``Negotiate
    abc==``) and malformed parts are skipped.
    """
    parts = _tokens(header)
    kinds = [kind for kind, _ in parts] + ["end", "end"]
    challenges: list[Challenge] = []
    i = 0
    while i < len(parts):
        kind, text = parts[i]
        if kind != "token":
            i += 1
        elif kinds[i + 1] == "=" and kinds[i + 2] in ("token", "quoted"):
            if challenges:
                challenges[-1].params[text.lower()] = parts[i + 2][1]
            i += 3
        elif kinds[i + 1] == "=":  # a token68 such as abc==
            i += 1
            while kinds[i] == "=":
                i += 1
        else:
            challenges.append(Challenge(text.lower(), {}))
            i += 1
    return challenges


def _tokens(header: str) -> list[tuple[str, str]]:
    """The header cut into tokens, quoted strings (unescaped), ``=`` and ``,``."""
    parts = []
    for match in _PARTS.finditer(header):
        if match.group("token") is not None:
            parts.append(("token", match.group("token")))
        elif match.group("quoted") is not None:
            parts.append(("quoted", re.sub(r"\\(.)", r"\1", match.group("quoted"))))
        else:
            parts.append((match.group("sep"), match.group("sep")))
    return parts


def digest_response(
    challenge: dict[str, str],
    user: str,
    password: str,
    method: str,
    uri: str,
    cnonce: str,
    nc: int,
) -> str:
    """The ``response`` value of a Digest answer (RFC 7616 section 3.4.1), as lower-case hex.

    ``challenge`` holds the server's parameters (``realm``, ``nonce``, ``algorithm``, ``qop``);
    ``uri`` is the request target as sent (path and query).
    """
    algorithm = challenge.get("algorithm", "MD5")
    session = algorithm.upper().endswith("-SESS")
    hash_name = algorithm.upper().removesuffix("-SESS")
    if hash_name not in ALGORITHMS:
        raise AuthError(f"unknown Digest algorithm {algorithm}")

    def h(text: str) -> str:
        return ALGORITHMS[hash_name](text.encode("utf-8")).hexdigest()

    nonce = challenge.get("nonce", "")
    a1 = h(f"{user}:{challenge.get('realm', '')}:{password}")
    if session:
        a1 = h(f"{a1}:{nonce}:{cnonce}")
    a2 = h(f"{method}:{uri}")
    if "qop" not in challenge:  # RFC 2069, kept by RFC 2617 for old servers
        return h(f"{a1}:{nonce}:{a2}")
    return h(f"{a1}:{nonce}:{nc:08x}:{cnonce}:auth:{a2}")


def _digest_offer(challenge: Challenge) -> int:
    """How good a Digest challenge is to answer: 0 if it cannot be, higher for stronger."""
    algorithm = challenge.params.get("algorithm", "MD5").upper().removesuffix("-SESS")
    qops = [q.strip() for q in challenge.params.get("qop", "auth").split(",")]
    if algorithm not in ALGORITHMS or "auth" not in qops or "nonce" not in challenge.params:
        return 0
    return len(ALGORITHMS) - list(ALGORITHMS).index(algorithm)


class Authenticator:
    """Answers one server's challenges for one user; the ``Authorization`` of each request.

    Before any challenge is seen, requests carry Basic credentials (what most stores take).
    """

    def __init__(self, user: str, password: str):
        self.user = user
        self.password = password
        self._digest: dict[str, str] | None = None
        self._nc = 0

    def authorization(self, method: str, uri: str, cnonce: str | None = None) -> str:
        """The ``Authorization`` header for a request of ``method`` to ``uri`` (path and query).

        ``cnonce`` is the client's nonce for Digest, random unless given (for tests).
        """
        if self._digest is None:
            token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
            return f"Basic {token}"
        self._nc += 1
        cnonce = cnonce or os.urandom(16).hex()
        params = self._digest
        response = digest_response(params, self.user, self.password, method, uri, cnonce, self._nc)
        fields = {
            "username": _quoted(self.user),
            "realm": _quoted(params.get("realm", "")),
            "nonce": _quoted(params["nonce"]),
            "uri": _quoted(uri),
            "response": _quoted(response),
        }
        if "algorithm" in params:
            fields["algorithm"] = params["algorithm"]
        if "opaque" in params:
            fields["opaque"] = _quoted(params["opaque"])
        if "qop" in params:
            fields.update(qop="auth", nc=f"{self._nc:08x}", cnonce=_quoted(cnonce))
        return "Digest " + ", ".join(f"{key}={value}" for key, value in fields.items())

    def learn(self, header: str, answered: bool) -> bool:
        """Take in a ``401`` answer's ``WWW-Authenticate``; whether to send the request again.

        ``answered`` says that the refused request carried a Digest answer. Then only a nonce
        the server calls ``stale`` is worth another try: a fresh challenge means the
        credentials are wrong. A request without one (or with Basic credentials) is worth
        another try whenever the server offers a Digest challenge we can answer. Raises
        :class:`AuthError` for a Digest challenge we cannot answer and no Basic to fall back on.
        """
        challenges = parse_challenges(header)
        digests = [c for c in challenges if c.scheme == "digest"]
        best = max(digests, key=_digest_offer, default=None)
        if best is None or _digest_offer(best) == 0:
            if any(c.scheme == "basic" for c in challenges) or not digests:
                return False
            offered = "; ".join(_describe(c) for c in digests)
            raise AuthError(
                f"asks for HTTP Digest authentication that vnrukg cannot answer ({offered})"
            )
        if self._digest is None or self._digest.get("nonce") != best.params["nonce"]:
            self._nc = 0  # nc counts the requests made with one nonce
        self._digest = dict(best.params)
        return not answered or best.params.get("stale", "").lower() == "true"


def _describe(challenge: Challenge) -> str:
    algorithm = challenge.params.get("algorithm", "MD5")
    qop = challenge.params.get("qop", "none")
    return f"algorithm {algorithm}, qop {qop}"


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
