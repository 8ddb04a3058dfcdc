"""A built site served over HTTP on 127.0.0.1, for the tests, the benchmark
and the quality run: Python's own file server, quiet, on a thread."""

from __future__ import annotations

import functools
import http.server
import socket
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


def free_port() -> int:
    """A port free on 127.0.0.1 now: sites are built for it, then served on it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(directory: Path, port: int = 0, handler: type = QuietHandler) -> Iterator[str]:
    """``directory`` over HTTP on 127.0.0.1:``port`` (any free port if 0);
    yields its base address."""
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
