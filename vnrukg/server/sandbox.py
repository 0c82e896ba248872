"""Keep a query worker from reaching the network or the file system, whatever a query does.

:func:`vnrukg.sparql.prepare` already refuses ``SERVICE``, ``FROM`` and updates before a query
runs. This module is the second line, for the day a check is bypassed or an engine grows a
feature: the worker process that evaluates queries is shut in, in layers.

1. **Operating system** (covers native engines such as Oxigraph, whose HTTP client is Rust and
   never passes through Python): a seccomp filter makes ``socket()`` fail for every address
   family but ``AF_UNIX`` (the worker's pipe to the server), and makes ``io_uring_setup`` fail;
   where the kernel allows it, the worker also moves into an empty network namespace, in
   which not even the loopback interface is up.
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
import os
import platform
import site
import sys
import urllib.request
from pathlib import Path

import rdflib.plugins.sparql as rdflib_sparql
import rdflib.plugins.sparql.evaluate as evaluate
import rdflib.plugins.sparql.update as update

from ..errors import ForbiddenQuery

#: What each layer did in this process, for the server's log and for tests.
STATUS: dict[str, str] = {}

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
_PR_SET_NO_NEW_PRIVS = 38
_SECCOMP_SET_MODE_FILTER = 1
_SECCOMP_FILTER_FLAG_TSYNC = 1
_SECCOMP_RET_ALLOW = 0x7FFF0000
_SECCOMP_RET_ERRNO = 0x00050000
_EACCES = 13
_AF_UNIX = 1
#: (audit arch, seccomp syscall, socket, io_uring_setup) per machine.
_SYSCALLS = {
    "x86_64": (0xC000003E, 317, 41, 425),
    "aarch64": (0xC00000B7, 277, 198, 425),
}


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def _unshare_network() -> str:
    """Move into a new, empty network namespace (as root, or through a user namespace)."""
    libc = _libc()
    for flags, how in ((_CLONE_NEWNET, "netns"), (_CLONE_NEWUSER | _CLONE_NEWNET, "userns+netns")):
        if libc.unshare(flags) == 0:
            return f"empty network namespace ({how})"
    return f"no network namespace ({os.strerror(ctypes.get_errno())})"


class _Filter(ctypes.Structure):
    _fields_ = (("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte))
    _fields_ += (("k", ctypes.c_uint32),)


class _Program(ctypes.Structure):
    _fields_ = (("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Filter)))


def _bpf_program(arch: int, nr_socket: int, nr_io_uring: int) -> list[tuple[int, int, int, int]]:
    """A seccomp filter: deny sockets other than AF_UNIX, io_uring, and foreign ABIs."""
    ld_abs, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06
    deny = _SECCOMP_RET_ERRNO | _EACCES
    return [
        (ld_abs, 0, 0, 4),  # 0: A = arch
        (jeq, 1, 0, arch),  # 1: native ABI? go to 3
        (ret, 0, 0, deny),  # 2: another ABI (i386, x32 …): refuse
        (ld_abs, 0, 0, 0),  # 3: A = syscall number
        (jge, 5, 0, 0x40000000),  # 4: x32 numbering → 10
        (jeq, 4, 0, nr_io_uring),  # 5: io_uring_setup → 10
        (jeq, 0, 2, nr_socket),  # 6: socket → 7, else → 9
        (ld_abs, 0, 0, 16),  # 7: A = domain (low word of args[0])
        (jeq, 0, 1, _AF_UNIX),  # 8: AF_UNIX → 9, else → 10
        (ret, 0, 0, _SECCOMP_RET_ALLOW),  # 9
        (ret, 0, 0, deny),  # 10
    ]


def _seccomp_no_sockets() -> str:
    """Install the seccomp filter for every thread of the process."""
    machine = platform.machine()
    if sys.platform != "linux" or machine not in _SYSCALLS:
        return f"no seccomp filter (not Linux x86_64/aarch64: {sys.platform} {machine})"
    arch, nr_seccomp, nr_socket, nr_io_uring = _SYSCALLS[machine]
    rules = _bpf_program(arch, nr_socket, nr_io_uring)
    filters = (_Filter * len(rules))(*(_Filter(*rule) for rule in rules))
    program = _Program(len(rules), filters)
    libc = _libc()
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return f"no seccomp filter (prctl: {os.strerror(ctypes.get_errno())})"
    flags = _SECCOMP_FILTER_FLAG_TSYNC
    if libc.syscall(nr_seccomp, _SECCOMP_SET_MODE_FILTER, flags, ctypes.byref(program)) != 0:
        return f"no seccomp filter ({os.strerror(ctypes.get_errno())})"
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


def _is_write(mode, flags) -> bool:
    if isinstance(mode, str) and any(c in mode for c in "wax+"):
        return True
    return isinstance(flags, int) and bool(flags & _WRITE_FLAGS)


def _make_hook(roots: tuple[str, ...]):
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


def _refuse(*_args, **_kwargs):
    raise ForbiddenQuery("SERVICE and LOAD are not allowed: the endpoint sends no requests")


def _patch_rdflib() -> None:
    rdflib_sparql.SPARQL_LOAD_GRAPHS = False
    evaluate.evalServiceQuery = _refuse
    update.evalLoad = _refuse
    urllib.request.urlopen = _refuse
    urllib.request.OpenerDirector.open = _refuse


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
