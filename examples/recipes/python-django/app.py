"""A HeadshotPro webhook view for Django, as a one-file project.

    pip install -r requirements.txt
    export HEADSHOTPRO_API_KEY=... HEADSHOTPRO_WEBHOOK_SECRET=...
    python app.py runserver 8000                 # in production: gunicorn app:application

In your own project, copy the view and its URL; the settings below only make this file
runnable on its own. The view verifies the signature over the raw body, answers 200 at
once, and hands the event to a worker that confirms the model with models.retrieve.
"""

from __future__ import annotations

import logging
import os
import secrets
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Set

from django.conf import settings

settings.configure(
    DEBUG=False,  # never show tracebacks to the sender
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY", secrets.token_urlsafe(32)),
    MIDDLEWARE=["django.middleware.common.CommonMiddleware"],
)

from django.core.wsgi import get_wsgi_application  # noqa: E402  (after settings)
from django.http import HttpRequest, JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.decorators.csrf import csrf_exempt  # noqa: E402
from django.views.decorators.http import require_POST  # noqa: E402

from headshotpro import Client, HeadshotProError, WebhookEvent, WebhookVerificationError  # noqa: E402
from headshotpro import verify_webhook  # noqa: E402

log = logging.getLogger("django.request")
client = Client()  # HEADSHOTPRO_API_KEY; one client for the whole process
WEBHOOK_SECRET = os.environ["HEADSHOTPRO_WEBHOOK_SECRET"]
work = ThreadPoolExecutor(max_workers=4)  # stands in for your task queue (Celery, RQ, ...)

handled: Set[str] = set()  # stands in for your database: models already acted on
handled_lock = threading.Lock()


@csrf_exempt  # the sender has no CSRF token: the signature is what authenticates it
@require_POST
def headshotpro_webhook(request: HttpRequest) -> JsonResponse:
    try:
        # request.body is the raw bytes: never json.loads() and json.dumps() it again.
        event = verify_webhook(request.body, request.headers, WEBHOOK_SECRET)
    except WebhookVerificationError as err:
        log.warning("rejected a webhook: %s", err)
        return JsonResponse({"error": "invalid signature"}, status=400)
    work.submit(handle_event, event)  # the answer does not wait for the work
    return JsonResponse({"received": True})


def handle_event(event: WebhookEvent) -> None:
    """Acts on the model's state now, read from the API, not on what the event says."""
    model_id = event.object.id
    try:
        model = client.models.retrieve(model_id)
    except HeadshotProError as err:
        log.error("could not confirm model %s after %s: %s", model_id, event.event, err)
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


urlpatterns = [path("webhooks/headshotpro", headshotpro_webhook)]

application = get_wsgi_application()

if __name__ == "__main__":
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
