"""A HeadshotPro webhook receiver on Flask.

    pip install -r requirements.txt
    export HEADSHOTPRO_API_KEY=... HEADSHOTPRO_WEBHOOK_SECRET=...
    flask --app app run --port 8000          # in production: gunicorn app:app

POST /webhooks/headshotpro verifies the signature over the raw body, answers 200 at
once, and hands the event to a worker that confirms the model with models.retrieve.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Set, Tuple

from flask import Flask, request

from headshotpro import Client, HeadshotProError, WebhookEvent, WebhookVerificationError
from headshotpro import verify_webhook

app = Flask(__name__)
client = Client()  # HEADSHOTPRO_API_KEY; one client for the whole process
WEBHOOK_SECRET = os.environ["HEADSHOTPRO_WEBHOOK_SECRET"]
work = ThreadPoolExecutor(max_workers=4)  # stands in for your task queue (Celery, RQ, ...)

handled: Set[str] = set()  # stands in for your database: models already acted on
handled_lock = threading.Lock()


@app.post("/webhooks/headshotpro")
def headshotpro_webhook() -> Tuple[dict, int]:
    raw = request.get_data()  # the bytes as sent: never request.get_json()
    try:
        event = verify_webhook(raw, request.headers, WEBHOOK_SECRET)
    except WebhookVerificationError as err:
        app.logger.warning("rejected a webhook: %s", err)
        return {"error": "invalid signature"}, 400
    work.submit(handle_event, event)  # the answer does not wait for the work
    return {"received": True}, 200


def handle_event(event: WebhookEvent) -> None:
    """Acts on the model's state now, read from the API, not on what the event says."""
    model_id = event.object.id
    try:
        model = client.models.retrieve(model_id)
    except HeadshotProError as err:
        app.logger.error("could not confirm model %s after %s: %s", model_id, event.event, err)
        return
    with handled_lock:
        act = model.status == "active" and model_id not in handled
        if act:
            handled.add(model_id)
    if act:
        # Your work goes here: save the photos, tell the user. Deliveries repeat, so
        # whatever you do must be safe to do twice.
        print(f"headshots ready for model {model_id} ({event.event})", flush=True)
    else:
        print(f"model {model_id} is {model.status}: nothing to do", flush=True)
