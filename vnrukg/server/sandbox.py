"""Keep a query worker from reaching the network or the file system, whatever a query does.

:func:`vnrukg.sparql.prepare` already refuses ``SERVICE``, ``FROM`` and updates before a query
runs. This module is the second line, for the day a check is bypassed or an engine grows a
feature: the worker process that evaluates queries is shut in, in layers.

1. **Operating system** (covers native engines such as Oxigraph, whose HTTP client is Rust and
   never passes through Python): a seccomp filter makes ``socket()`` fail for every address
   family but ``AF_UNIX`` (the worker's pipe to the server), makes ``io_uring_setup`` fail and
   refuses every other ABI; where the kernel allows it, the worker also moves into an empty
   network namespace, in which not even the loopback interface is up. The filter is written
   with libseccomp through ``pyseccomp`` (PyPI: a pure-Python binding that loads the system's
   ``libseccomp.so.2``, which every Debian has, so it works in the venv CI builds from
   ``pyproject.toml``; Debian's ``python3-seccomp`` binds only the system Python). libseccomp
   assembles the BPF, checks the architecture and sets ``no_new_privs``.
2. **Python audit hook** (cannot be removed once added): no new sockets, no name look-ups, no
   ``urllib`` requests, no processes, no file writes, and file reads only of the Python
   installation itself (for a late import).
3. **rdflib**: loading graphs named by ``FROM`` stays off, and its ``SERVICE`` and ``LOAD``
   evaluators are replaced by ones that raise.

:func:`isolate_network` must run first thing in the worker, while it is still one thread;
:func:`seal` runs once the graph is loaded and every module a query needs is imported.
"""

from __future__ import annotations

import ctypes
import errno
import os
import site
import socket
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import rdflib.plugins.sparql as rdflib_sparql
import rdflib.plugins.sparql.evaluate as evaluate
import rdflib.plugins.sparql.update as update

from ..errors import ForbiddenQuery

try:  # libseccomp is loaded when the binding is imported: absent off Linux
    import pyseccomp
except (ImportError, OSError):  # pragma: no cover - not Linux, or no libseccomp.so.2
    pyseccomp = None

#: What each layer did in this process, for the server's log and for tests.
STATUS: dict[str, str] = {}

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def _unshare_network() -> str:
    """Move into a new, empty network namespace (as root, or through a user namespace)."""
    libc = _libc()
    for flags, how in ((_CLONE_NEWNET, "netns"), (_CLONE_NEWUSER | _CLONE_NEWNET, "userns+netns")):
        if libc.unshare(flags) == 0:
            return f"empty network namespace ({how})"
    return f"no network namespace ({os.strerror(ctypes.get_errno())})"


def _seccomp_no_sockets() -> str:
    """Install the seccomp filter for every thread of the process, through libseccomp."""
    if sys.platform != "linux" or pyseccomp is None:
        return f"no seccomp filter (no libseccomp here: {sys.platform})"
    deny = pyseccomp.ERRNO(errno.EACCES)
    try:
        rules = pyseccomp.SyscallFilter(defaction=pyseccomp.ALLOW)
        rules.set_attr(pyseccomp.Attr.ACT_BADARCH, deny)  # another ABI (i386, x32 …): refuse
        rules.set_attr(pyseccomp.Attr.CTL_TSYNC, 1)  # every thread, not just this one
        rules.add_rule(deny, "socket", pyseccomp.Arg(0, pyseccomp.NE, socket.AF_UNIX))
        rules.add_rule(deny, "io_uring_setup")  # io_uring could open sockets past the filter
        rules.load()
    except (OSError, RuntimeError, ValueError) as exc:
        return f"no seccomp filter ({exc})"
    return "seccomp: sockets other than AF_UNIX refused"


def isolate_network() -> None:
    """The operating-system layer; call while the process has a single thread."""
    STATUS["namespace"] = _unshare_network()
    STATUS["seccomp"] = _seccomp_no_sockets()


_BLOCKED_EVENTS = (
    "socket.__new__",
    "socket.connect",
    "socket.bind",
    "socket.sendto",
    "socket.sendmsg",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
    "urllib.Request",
    "http.client.connect",
    "ftplib.connect",
    "smtplib.connect",
    "subprocess.Popen",
    "os.system",
    "os.exec",
    "os.posix_spawn",
    "os.spawn",
    "os.fork",
    "os.forkpty",
    "os.remove",
    "os.rename",
    "os.mkdir",
    "os.rmdir",
    "os.symlink",
    "os.link",
    "os.truncate",
    "os.chmod",
    "os.chown",
    "os.utime",
    "shutil.copyfile",
    "shutil.rmtree",
    "ctypes.dlopen",
    "ctypes.dlsym",
    "ctypes.call_function",
    "webbrowser.open",
)
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def _readable_roots() -> tuple[str, ...]:
    """Folders a late import may read: the Python installation and this package's code."""
    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, str(Path(__file__).parents[1])}
    roots.update(p for p in site.getsitepackages() if os.path.isdir(p))
    return tuple(sorted(os.path.join(os.path.realpath(r), "") for r in roots))


def _is_write(mode: object, flags: object) -> bool:
    if isinstance(mode, str) and any(c in mode for c in "wax+"):
        return True
    return isinstance(flags, int) and bool(flags & _WRITE_FLAGS)


def _make_hook(roots: tuple[str, ...]) -> Callable[[str, tuple[Any, ...]], None]:
    blocked = frozenset(_BLOCKED_EVENTS)

    def hook(event: str, args: tuple) -> None:
        if event in blocked:
            raise PermissionError(f"vnrukg query worker: {event} is not allowed")
        if event in ("open", "os.listdir", "os.scandir") and args:
            path = args[0]
            if isinstance(path, int):  # an already open descriptor
                return
            if event == "open" and _is_write(*args[1:3]):
                raise PermissionError(f"vnrukg query worker: no writing ({path!r})")
            text = os.fsdecode(path) if isinstance(path, str | bytes | os.PathLike) else ""
            full = os.path.realpath(text) if text else ""
            if not full.startswith(roots):
                raise PermissionError(f"vnrukg query worker: no reading {text!r}")

    return hook


def _refuse(*_args: object, **_kwargs: object) -> NoReturn:
    raise ForbiddenQuery("SERVICE and LOAD are not allowed: the endpoint sends no requests")


def _patch_rdflib() -> None:
    rdflib_sparql.SPARQL_LOAD_GRAPHS = False
    evaluate.evalServiceQuery = _refuse
    update.evalLoad = _refuse
    urllib.request.urlopen = _refuse
    urllib.request.OpenerDirector.open = _refuse  # type: ignore[method-assign]


def seal() -> None:
    """The Python layers; call after loading, once everything a query needs is imported."""
    _patch_rdflib()
    STATUS["rdflib"] = "SERVICE and LOAD evaluators raise; FROM loads nothing"
    sys.addaudithook(_make_hook(_readable_roots()))
    STATUS["audit"] = "audit hook: no sockets, requests, processes, writes or foreign reads"


def describe() -> str:
    """One line naming the layers in force, for the log."""
    return "; ".join(
        STATUS.get(k, f"{k}: off") for k in ("namespace", "seccomp", "rdflib", "audit")
    )
