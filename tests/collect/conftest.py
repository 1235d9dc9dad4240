"""The local news site and collect settings with short limits, so hostile endpoints cost little time.

Every test here runs with connections to anything but 127.0.0.1 refused (`loopback_only`).
"""

from __future__ import annotations

import socket
from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.config import CollectSettings

from .local_site import Site, serve

# Short limits: a stalled server costs the tests half a second, not the default 20 s.
TEST_LIMITS = dict(host_delay=0.0, connect_timeout=1.0, read_timeout=0.5, total_timeout=2.0, max_bytes=1024 * 1024,
                   max_redirects=5, retries=2, backoff=0.05, max_retry_wait=2.0, user_agent="briefgen-tests/1.0")


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse any connection or name lookup except 127.0.0.1: the tests never leave this machine."""
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(sock, address):
        if isinstance(address, tuple) and address[0] != "127.0.0.1":
            raise OSError(f"only 127.0.0.1 in tests, not {address[0]}")
        return real_connect(sock, address)

    def getaddrinfo(host, *args, **kwargs):
        if host not in ("127.0.0.1", b"127.0.0.1"):
            raise OSError(f"only 127.0.0.1 in tests, not {host}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture(scope="session")
def site() -> Site:
    site, server = serve()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture
def settings(tmp_path: Path) -> CollectSettings:
    return CollectSettings(into=tmp_path / "sources", **TEST_LIMITS)


def with_addresses(settings: CollectSettings, site: Site, feeds=(), urls=()) -> CollectSettings:
    return replace(settings, feeds=tuple(site.url(f) for f in feeds), urls=tuple(site.url(u) for u in urls))
