"""A built site served over HTTP on 127.0.0.1, for the tests, the benchmark
and the quality run: Python's own file server, quiet, on a thread; and a real
`mkdocs serve` of a project, for the tests of what an editor sees."""

from __future__ import annotations

import functools
import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def end_headers(self):
        # linkchecker waits 0.1-0.6 s between requests to a host unless the
        # host answers with this header (the link test: 80 s, not 5).
        self.send_header("LinkChecker", "unthrottled")
        super().end_headers()


class QuietServer(http.server.ThreadingHTTPServer):
    # A browser that leaves a page cancels what it was still loading: the client hanging up is
    # no fault of the site, and its traceback would bury the run's output. Any other error prints.
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def free_port() -> int:
    """A port free on 127.0.0.1 now: sites are built for it, then served on it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(directory: Path, port: int = 0, handler: type = QuietHandler) -> Iterator[str]:
    """``directory`` over HTTP on 127.0.0.1:``port`` (any free port if 0);
    yields its base address."""
    httpd = QuietServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    # Stopping waits for the server's next look at its flag: every 50 ms, not Python's 500.
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextmanager
def mkdocs_serve(project: Path, port: int, *extra: str, start_timeout: float = 180) -> Iterator[tuple[str, list[str]]]:
    """`mkdocs serve` of ``project`` on 127.0.0.1:``port``, from the moment it
    says it serves (its first build done) until it has stopped; yields its
    address and the lines it has printed so far (a list that grows)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *extra],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, text=True, encoding="utf-8",
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    lines: list[str] = []
    serving = threading.Event()

    # Its output is read as it comes (a full pipe would stop it), and says when it serves.
    def read():
        for line in server.stdout:
            lines.append(line.rstrip("\n"))
            if "Serving on " in line:
                serving.set()
        serving.set()  # it stopped: the waiter below says so

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert serving.wait(start_timeout) and server.poll() is None, \
            "mkdocs serve did not start:\n" + "\n".join(lines)
        yield f"http://127.0.0.1:{port}/", lines
    finally:
        # The whole process group, so that no later test finds the port taken.
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=20)
        reader.join(timeout=20)
