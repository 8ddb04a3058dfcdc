"""The tests' own file server (tests/support/server.py): a browser hanging up on a request it no
longer wants is quiet, any other error in a request still prints its traceback."""

from __future__ import annotations

import pytest

from support.server import QuietHandler, QuietServer


@pytest.mark.parametrize(("error", "printed"), [
    (BrokenPipeError, False), (ConnectionResetError, False), (ValueError, True)])
def test_only_a_client_hanging_up_is_quiet(capsys, error, printed):
    server = QuietServer(("127.0.0.1", 0), QuietHandler, bind_and_activate=False)
    try:
        try:
            raise error("in a request")
        except error:
            server.handle_error(None, ("127.0.0.1", 1))
    finally:
        server.server_close()
    assert (error.__name__ in capsys.readouterr().err) is printed
