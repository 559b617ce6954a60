"""TLS for the local HTTPS stand-ins of tests/verify (verify_test.py, standins.py): a CA and server
certificates made at run time with the openssl command (the repository holds no key), and HTTPS
servers on 127.0.0.1 that use them. The binary under test trusts the CA through SSL_CERT_FILE."""

from __future__ import annotations

import atexit
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Server(ThreadingHTTPServer):
    """Quiet about clients that leave early (a timed-out or dropped request is what some cases test);
    any other error in a handler is still printed."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (ConnectionError, ssl.SSLError)):
            return
        super().handle_error(request, client_address)


class TestCA:
    """A CA in a temporary directory (removed at exit), and the certificates it signs."""

    def __init__(self, name: str = "verify-test CA"):
        self.directory = Path(tempfile.mkdtemp(prefix="tls-ca-"))
        atexit.register(shutil.rmtree, self.directory, ignore_errors=True)
        self._openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days",
                      "2", "-subj", f"/CN={name}")
        self.ca_file = str(self.directory / "ca.pem")

    def _openssl(self, *args):
        subprocess.run(["openssl", *args], cwd=self.directory, check=True, capture_output=True)

    def issue(self, name: str, san: str = "IP:127.0.0.1,DNS:localhost"):
        """A server certificate `name`.pem (key `name`.key) for the subjectAltName `san`, signed by
        the CA. Returns (certificate path, key path)."""
        cert, key = self.directory / f"{name}.pem", self.directory / f"{name}.key"
        if not cert.exists():
            self._openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key", "-out", f"{name}.csr",
                          "-subj", f"/CN={name}")
            (self.directory / f"{name}.ext").write_text(f"subjectAltName={san}\nbasicConstraints=CA:FALSE\n")
            self._openssl("x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                          "-out", f"{name}.pem", "-days", "2", "-extfile", f"{name}.ext")
        return str(cert), str(key)

    def client_context(self) -> ssl.SSLContext:
        """A client context that trusts this CA only."""
        return ssl.create_default_context(cafile=self.ca_file)

    def serve(self, handler: type[BaseHTTPRequestHandler], name: str = "server",
              san: str = "IP:127.0.0.1,DNS:localhost") -> ThreadingHTTPServer:
        """`handler` served over HTTPS on 127.0.0.1 (a free port: server.server_address[1]) with the
        certificate `name`, in a daemon thread."""
        cert, key = self.issue(name, san)
        server = _Server(("127.0.0.1", 0), handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server
