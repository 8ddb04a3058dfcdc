"""A real `python -m mkdocs build`, without paying for Python's imports each
time: a server process imports MkDocs, Material, the i18n plugin and the
libraries our hooks use once (PRELOAD), then forks a fresh child per build,
which runs MkDocs' own command line in the project's folder with the
caller's environment, its output captured as `subprocess.run` captures it.
Each build is a new process, so nothing one build does (our hooks and their
caches, the project's modules: never preloaded) reaches the next.

Imports are about half of a small site's build, and the tests build about a
hundred small sites. The server is a script (not multiprocessing, which
re-imports the caller's main module in each child): one per build running at
once in a test process, each serving one build at a time.
"""

from __future__ import annotations

import atexit
import json
import os
import queue
import select
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

# What a build imports that is not the project's own: each server imports these once.
# Not `minify`: its Go runtime starts threads as it loads, and a child forked
# from a process with threads can hang on a lock one of them held.
PRELOAD = [
    "mkdocs.__main__", "mkdocs.commands.build", "mkdocs.config.defaults", "mkdocs.contrib.search",
    "material.templates", "material.plugins.search.plugin", "material.extensions.emoji",
    "mkdocs_static_i18n.plugin", "mkdocs_static_i18n.reconfigure",
    "markdown", "markdown.extensions.codehilite", "markdown.extensions.attr_list", "pymdownx.emoji",
    "pymdownx.superfences", "pymdownx.details", "pygments.formatters.html", "pygments.lexers",
    "jinja2", "yaml", "jsonschema", "snowballstemmer", "lunr", "backrefs.bre",
]


# --- In the test process -----------------------------------------------------

_idle: queue.SimpleQueue = queue.SimpleQueue()  # servers not building now
_started: list[subprocess.Popen] = []


def _server() -> subprocess.Popen:
    try:
        return _idle.get_nowait()
    except queue.Empty:
        server = subprocess.Popen([sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  text=True, encoding="utf-8")
        _started.append(server)
        return server


@atexit.register
def _stop() -> None:
    """Each server ends when its requests end (end of file)."""
    for server in _started:
        server.stdin.close()
        server.wait(timeout=20)


def mkdocs(args: list[str], cwd: Path, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    """`python -m mkdocs <args>` in ``cwd`` with ``env``, as `subprocess.run(...,
    capture_output=True, text=True, timeout=timeout)` returns it."""
    with tempfile.TemporaryDirectory(prefix="mkdocs-output-") as folder:
        return _run(args, cwd, env, timeout, Path(folder) / "stdout", Path(folder) / "stderr")


def _run(args, cwd, env, timeout, out: Path, err: Path) -> subprocess.CompletedProcess:
    server = _server()
    server.stdin.write(json.dumps([args, str(cwd), env, str(out), str(err)]) + "\n")
    server.stdin.flush()
    pid = int(server.stdout.readline())
    # The child's exit code, when it ends; killed, as subprocess.run kills, past the timeout.
    if not select.select([server.stdout], [], [], timeout)[0]:
        os.kill(pid, 9)
        server.stdout.readline()
        _idle.put(server)
        raise subprocess.TimeoutExpired(["mkdocs", *args], timeout)
    code = int(server.stdout.readline())
    _idle.put(server)
    stdout, stderr = (path.read_text(encoding="utf-8", errors="replace") for path in (out, err))
    return subprocess.CompletedProcess(["mkdocs", *args], code, stdout, stderr)


# --- In the server -----------------------------------------------------------


def _build(args: list[str], cwd: str, env: dict[str, str], out: str, err: str) -> None:
    """In the forked child: as `python -m mkdocs <args>` run in ``cwd`` with ``env``."""
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    sys.path.insert(0, cwd)  # where `python -m` starts its search
    for fd, name, flags in ((0, os.devnull, os.O_RDONLY), (1, out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
                            (2, err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)):
        target = os.open(name, flags)
        os.dup2(target, fd)
        os.close(target)
    import mkdocs.__main__

    sys.argv = [mkdocs.__main__.__file__, *args]
    code = 0
    try:
        mkdocs.__main__.cli.main(args, prog_name="python -m mkdocs")
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except BaseException:
        # What the interpreter prints for an exception nobody caught.
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _serve() -> None:
    """One request a line on stdin; answers the child's pid, then its exit code."""
    del sys.path[0]  # this script's folder: none of its modules is the build's
    for name in PRELOAD:
        __import__(name)
    tasks = Path("/proc/self/task")
    assert not tasks.exists() or len(list(tasks.iterdir())) == 1, "a preloaded module started a thread"
    for line in sys.stdin:
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                _build(*json.loads(line))
            finally:
                os._exit(1)
        print(pid, flush=True)
        print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)


if __name__ == "__main__":
    _serve()
