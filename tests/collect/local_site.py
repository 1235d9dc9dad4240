"""A French news site on 127.0.0.1 for the collect tests: the pages of tests/data/collect/site,
the feeds of tests/data/collect/feeds ({base} replaced by the server's address), a robots.txt, and
hostile endpoints. Every request is recorded so tests can tell what was fetched.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DATA = Path(__file__).parent.parent / "data" / "collect"
ROBOTS = b"User-agent: *\nDisallow: /prive/\n"
HUGE_BYTES = 50 * 1024 * 1024
# The page of the site served whenever a hostile endpoint finally answers properly.
GOOD_PAGE = "jsonld-newsarticle.html"
# Seconds a stalling endpoint waits: far longer than the tests' read timeout.
STALL_SECONDS = 5
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
# Page served with a charset header that does not match its bytes (the page says utf-8, is cp1252).
MISLABELLED = {"cp1252-declared-utf8.html": "text/html; charset=utf-8"}


@dataclass
class Site:
    base: str = ""
    robots: bytes | int = ROBOTS  # the robots.txt, or the HTTP status it answers with
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (path, headers)
    _hits: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]

    def hit(self, path: str) -> int:
        self._hits[path] = self._hits.get(path, 0) + 1
        return self._hits[path]


def make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # the tests assert on site.requests instead
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = HOSTILE.get(self.path)
            try:
                if route:
                    route(self, site)
                elif self.path == "/robots.txt" and isinstance(site.robots, int):
                    self.send_body(b"", "text/plain", site.robots)
                elif self.path == "/robots.txt":
                    self.send_body(site.robots, "text/plain")
                elif self.path.startswith("/feeds/"):
                    self.send_feed(self.path.removeprefix("/feeds/"))
                elif self.path.startswith(("/site/", "/prive/")):
                    self.send_page(self.path.split("/", 2)[2])
                else:
                    self.send_error(404)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (size cap, timeout): what these endpoints test

        def send_body(self, body: bytes, content_type: str, status: int = 200, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def send_page(self, name: str) -> None:
            path = DATA / "site" / name
            if not path.is_file():
                return self.send_error(404)
            self.send_body(path.read_bytes(), MISLABELLED.get(name, "text/html"))

        def send_feed(self, name: str) -> None:
            path = DATA / "feeds" / name
            if not path.is_file():
                return self.send_error(404)
            body = path.read_bytes().replace(b"{base}", site.base.encode())
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_body(body, "application/rss+xml", headers={"ETag": etag, "Last-Modified": "Mon, 15 Sep 2025 10:00:00 GMT"})

    return Handler


def _redirect(location: str):
    def route(handler, site: Site) -> None:
        handler.send_body(b"", "text/html", 302, {"Location": location.replace("{base}", site.base)})
    return route


def _status(code: int, headers: dict[str, str] | None = None):
    def route(handler, site: Site) -> None:
        handler.send_body(f"<html><body><h1>Erreur {code}</h1></body></html>".encode(), "text/html", code, headers)
    return route


def _fails_once(code: int, headers: dict[str, str] | None = None):
    """`code` the first time, then the good page: a server that recovers."""
    def route(handler, site: Site) -> None:
        if site.hit(handler.path) == 1:
            return _status(code, headers)(handler, site)
        handler.send_page(GOOD_PAGE)
    return route


def _stall(handler, site: Site) -> None:
    time.sleep(STALL_SECONDS)
    handler.send_body(b"<html>trop tard</html>", "text/html")


def _trickle(handler, site: Site) -> None:
    """Headers at once, then a byte every 0.2 s: each read is quick, the whole page never ends."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    for _ in range(100):
        handler.wfile.write(b"<")
        handler.wfile.flush()
        time.sleep(0.2)


def _huge(declared: bool):
    def route(handler, site: Site) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        if declared:
            handler.send_header("Content-Length", str(HUGE_BYTES))
        else:
            handler.send_header("Connection", "close")
        handler.end_headers()
        chunk = b"<p>" + b"Bamako " * 9000 + b"</p>\n"
        for _ in range(HUGE_BYTES // len(chunk)):
            handler.wfile.write(chunk)
        handler.close_connection = True
    return route


HOSTILE = {
    "/hostile/stall": _stall,
    "/hostile/trickle": _trickle,
    "/hostile/huge": _huge(declared=True),
    "/hostile/huge-undeclared": _huge(declared=False),
    "/hostile/loop-a": _redirect("/hostile/loop-b"),
    "/hostile/loop-b": _redirect("{base}/hostile/loop-a"),
    "/hostile/to-file": _redirect("file:///etc/passwd"),
    "/hostile/to-ftp": _redirect("ftp://127.0.0.1/pub/article.html"),
    **{f"/hostile/chain-{n}": _redirect(f"/hostile/chain-{n + 1}") for n in range(10)},
    "/hostile/moved": _redirect(f"/site/{GOOD_PAGE}"),
    "/hostile/404": _status(404),
    "/hostile/500": _status(500),
    "/hostile/500-once": _fails_once(500),
    "/hostile/429-once": _fails_once(429, {"Retry-After": "1"}),
    "/hostile/429-long": _status(429, {"Retry-After": "3600"}),
    "/hostile/pdf": lambda handler, site: handler.send_body(PDF, "application/pdf"),
    "/hostile/png-as-html": lambda handler, site: handler.send_body(PNG, "text/html"),
    "/hostile/empty": lambda handler, site: handler.send_body(b"", "text/html"),
}


def serve(site: Site | None = None) -> tuple[Site, ThreadingHTTPServer]:
    site = site or Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return site, server


if __name__ == "__main__":  # `python tests/collect/local_site.py`: the test site, to try `collect` by hand
    site, server = serve()
    print(f"Serving the test site at {site.base} (feeds: {site.base}/feeds/rss20.xml, atom.xml, rss10.rdf, rss091.xml); Ctrl-C stops.")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
