"""A loopback TCP proxy that can lose replies: the request reaches the server (which
commits), then the proxy closes the client's socket instead of passing the answer on."""
from __future__ import annotations

import socket
import threading

from tests.cloud.harness import free_port

IO_TIMEOUT_S = 30.0


class DroppingProxy:
    def __init__(self, upstream_port: int) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._upstream = ("127.0.0.1", upstream_port)
        self._lock = threading.Lock()
        self._drops_left = 0
        self.dropped = 0
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._listener.settimeout(0.2)
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)
        self._thread.start()

    def drop_next_replies(self, count: int) -> None:
        with self._lock:
            self._drops_left = count

    def close(self) -> None:
        self._closed.set()
        self._thread.join(5)
        self._listener.close()

    def _accept_loop(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except socket.timeout:
                continue
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream = socket.create_connection(self._upstream, timeout=IO_TIMEOUT_S)
        client.settimeout(IO_TIMEOUT_S)
        threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()
        self._replies(upstream, client)

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            _close(sink)

    def _replies(self, upstream: socket.socket, client: socket.socket) -> None:
        """Pass the server's bytes back, unless a drop is due: then hang up on both sides.
        The first byte of a reply only exists once the server has committed."""
        try:
            while chunk := upstream.recv(65536):
                with self._lock:
                    drop = self._drops_left > 0
                    if drop:
                        self._drops_left -= 1
                        self.dropped += 1
                if drop:
                    break
                client.sendall(chunk)
        except OSError:
            pass
        finally:
            _close(client)
            _close(upstream)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
