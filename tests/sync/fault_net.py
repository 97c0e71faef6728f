"""Network faults between a till and a real cloud server, on loopback.

FaultProxy works on TCP bytes: it can be down (refuse every connection), lose
the next replies (the server committed, the till hears a reset), hold a reply
until the test has killed something, and tell the test when the n-th request
started to flow up. ScriptedFront works on HTTP: it passes requests on and can
replace the answer with garbage (HTML, a cut-off body, JSON of the wrong shape,
a 5xx), before or after the real server has taken the request.
"""
from __future__ import annotations

import http.client
import socket
import threading
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from tests.cloud.harness import free_port

IO_TIMEOUT_S = 30.0


class Hold:
    """A reply the proxy keeps back: `arrived` is set once the server has answered."""

    def __init__(self) -> None:
        self.arrived = threading.Event()
        self._decided = threading.Event()
        self._cut = True

    def release(self) -> None:
        self._cut = False
        self._decided.set()

    def cut(self) -> None:
        self._cut = True
        self._decided.set()

    def wait_for_decision(self) -> bool:
        """True when the reply must be cut."""
        self._decided.wait(IO_TIMEOUT_S)
        return self._cut


class FaultProxy:
    def __init__(self, upstream_port: int) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._upstream = ("127.0.0.1", upstream_port)
        self._lock = threading.Lock()
        self._down = False
        self._drops_left = 0
        self._holds: deque[list] = deque()  # [replies to let through first, Hold]
        self._request_watch: tuple[int, threading.Event] | None = None
        self._requests_seen = 0
        self._open: set[socket.socket] = set()
        self.dropped = 0
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._listener.settimeout(0.1)
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)
        self._thread.start()

    # --- what the test asks for ------------------------------------------
    def set_down(self, down: bool) -> None:
        """Down: no connection gets through and open ones are cut (a cable pulled)."""
        with self._lock:
            self._down = down
            victims = list(self._open) if down else []
        for sock in victims:
            _close(sock)

    def drop_next_replies(self, count: int) -> None:
        with self._lock:
            self._drops_left = count

    def hold_reply(self, skip: int = 0) -> Hold:
        """Keep back the reply after the next `skip` ones."""
        hold = Hold()
        with self._lock:
            self._holds.append([skip, hold])
        return hold

    def when_request(self, number: int) -> threading.Event:
        """An event set when the `number`-th request from now starts going up."""
        event = threading.Event()
        with self._lock:
            self._request_watch = (self._requests_seen + number, event)
        return event

    def close(self) -> None:
        self._closed.set()
        self._thread.join(5)
        self._listener.close()
        self.set_down(True)

    # --- plumbing ----------------------------------------------------------
    def _accept_loop(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            if self._down:
                _close(client)
                continue
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(self._upstream, timeout=IO_TIMEOUT_S)
        except OSError:  # the server is down: the till sees the connection reset
            _close(client)
            return
        client.settimeout(IO_TIMEOUT_S)
        with self._lock:
            self._open.update((client, upstream))
        turn = {"awaiting_reply": False}  # HTTP/1.1 on one connection: request, reply, ...
        threading.Thread(target=self._requests, args=(client, upstream, turn),
                         daemon=True).start()
        self._replies(upstream, client, turn)

    def _requests(self, client: socket.socket, upstream: socket.socket, turn: dict) -> None:
        try:
            while chunk := client.recv(65536):
                if not turn["awaiting_reply"]:  # the first bytes of a new request
                    turn["awaiting_reply"] = True
                    self._count_request()
                upstream.sendall(chunk)
        except OSError:
            pass
        finally:
            self._forget(client, upstream)

    def _count_request(self) -> None:
        with self._lock:
            self._requests_seen += 1
            watch = self._request_watch
            if watch and self._requests_seen >= watch[0]:
                watch[1].set()
                self._request_watch = None

    def _replies(self, upstream: socket.socket, client: socket.socket, turn: dict) -> None:
        """Pass the server's bytes back, unless a drop or hold is due. The first byte of
        a reply exists only once the server has committed the request."""
        try:
            while chunk := upstream.recv(65536):
                first = turn["awaiting_reply"]
                turn["awaiting_reply"] = False
                drop, hold = False, None
                if first:
                    with self._lock:
                        drop = self._drops_left > 0
                        if drop:
                            self._drops_left -= 1
                            self.dropped += 1
                        elif self._holds and self._holds[0][0] > 0:
                            self._holds[0][0] -= 1
                        elif self._holds:
                            hold = self._holds.popleft()[1]
                if hold is not None:
                    hold.arrived.set()
                    drop = hold.wait_for_decision()
                if drop:
                    break
                client.sendall(chunk)
        except OSError:
            pass
        finally:
            self._forget(client, upstream)

    def _forget(self, *socks: socket.socket) -> None:
        with self._lock:
            for sock in socks:
                self._open.discard(sock)
        for sock in socks:
            _close(sock)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()


# --- HTTP-level garbage ------------------------------------------------------
@dataclass(frozen=True)
class Garbage:
    """A raw HTTP reply put in place of the cloud's; `forward`: the cloud got the request."""

    raw: bytes
    forward: bool = True


def http_reply(status: str, body: bytes, content_type: str = "application/json",
               length: int | None = None, extra: str = "") -> bytes:
    head = (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body) if length is None else length}\r\n{extra}"
            "Connection: close\r\n\r\n")
    return head.encode("latin-1") + body


class ScriptedFront:
    """An HTTP server in front of the cloud; `script()` queues replacement replies."""

    def __init__(self, upstream_base_url: str) -> None:
        upstream = urlsplit(upstream_base_url)
        self._upstream = (upstream.hostname, upstream.port)
        self._script: deque[Garbage] = deque()
        self._lock = threading.Lock()
        self.requests: list[str] = []
        front = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args) -> None:
                pass

            def do_GET(self) -> None:
                front._handle(self)

            do_POST = do_PUT = do_DELETE = do_GET

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        daemon=True)
        self._thread.start()

    def script(self, *replies: Garbage) -> None:
        with self._lock:
            self._script.extend(replies)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        body = handler.rfile.read(int(handler.headers.get("Content-Length") or 0))
        with self._lock:
            garbage = self._script.popleft() if self._script else None
            self.requests.append(f"{handler.command} {handler.path}")
        if garbage is None or garbage.forward:
            status, headers, answer = self._forward(handler, body)
        if garbage is not None:
            handler.close_connection = True
            handler.wfile.write(garbage.raw)
            handler.wfile.flush()
            return
        handler.send_response(status)
        for name, value in headers:
            if name.lower() not in ("content-length", "connection", "date", "server"):
                handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(answer)))
        handler.end_headers()
        handler.wfile.write(answer)

    def _forward(self, handler: BaseHTTPRequestHandler, body: bytes):
        conn = http.client.HTTPConnection(*self._upstream, timeout=IO_TIMEOUT_S)
        try:
            headers = {k: v for k, v in handler.headers.items() if k.lower() != "host"}
            conn.request(handler.command, handler.path, body=body, headers=headers)
            reply = conn.getresponse()
            return reply.status, reply.getheaders(), reply.read()
        finally:
            conn.close()
