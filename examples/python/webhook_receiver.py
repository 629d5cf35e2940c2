"""A webhook endpoint with only the standard library.

    HEADSHOTPRO_WEBHOOK_SECRET=... python examples/python/webhook_receiver.py [--port 8000]

Verifies every POST with ``verify_webhook`` (signature and timestamp age) and
answers 200 with the event, or 400 on a forgery, a stale or unsigned request.
Prints one line per verified event and, with ``--print-port``, the port it
listens on first (useful with ``--port 0``). Before acting on an event,
confirm the model's state with ``client.models.retrieve``.
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import sys

import headshotpro


def make_handler(secret: str) -> type[http.server.BaseHTTPRequestHandler]:
    class WebhookHandler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            try:
                event = headshotpro.verify_webhook(raw, self.headers, secret)
            except headshotpro.WebhookVerificationError as err:
                self.answer(400, {"error": str(err)})
                return
            print(f"verified {event.event} for model {event.object.id} "
                  f"({event.object.status})", flush=True)
            self.answer(200, {"received": event.id})

        def answer(self, status: int, body: dict[str, object]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    return WebhookHandler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--print-port", action="store_true")
    args = parser.parse_args()
    secret = os.environ["HEADSHOTPRO_WEBHOOK_SECRET"]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(secret))
    if args.print_port:
        print(server.server_port, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
