"""HeadshotPro on FastAPI: a webhook receiver, and the signed URL a mobile app shows.

    pip install -r requirements.txt
    export HEADSHOTPRO_API_KEY=... HEADSHOTPRO_WEBHOOK_SECRET=...
    uvicorn app:app --port 8000

POST /webhooks/headshotpro   verifies the signature over the raw body, answers 200 at
                             once, then confirms the model with models.retrieve.
POST /headshots/session      the signed URL of the signed-in user's own model, fresh
                             every time, for a WebView or an iframe.
"""

from __future__ import annotations

import logging
import os
from typing import Dict, Set

from fastapi import BackgroundTasks, Depends, FastAPI, Header, HTTPException, Request, Response
from fastapi.responses import JSONResponse

from headshotpro import AsyncClient, HeadshotProError, WebhookEvent, WebhookVerificationError
from headshotpro import verify_webhook

log = logging.getLogger("uvicorn.error")
app = FastAPI()
client = AsyncClient()  # HEADSHOTPRO_API_KEY; one client for the whole process
WEBHOOK_SECRET = os.environ["HEADSHOTPRO_WEBHOOK_SECRET"]
DEVELOPMENT = os.environ.get("HEADSHOTPRO_DEVELOPMENT") == "1"  # free, quick models

handled: Set[str] = set()  # stands in for your database: models already acted on


@app.post("/webhooks/headshotpro")
async def headshotpro_webhook(request: Request, background: BackgroundTasks) -> JSONResponse:
    raw = await request.body()  # the bytes as sent: never request.json() or a Pydantic model
    try:
        event = verify_webhook(raw, request.headers, WEBHOOK_SECRET)
    except WebhookVerificationError as err:
        log.warning("rejected a webhook: %s", err)
        return JSONResponse({"error": "invalid signature"}, status_code=400)
    background.add_task(handle_event, event)  # runs after the answer is sent
    return JSONResponse({"received": True})


async def handle_event(event: WebhookEvent) -> None:
    """Acts on the model's state now, read from the API, not on what the event says."""
    model_id = event.object.id
    try:
        model = await client.models.retrieve(model_id)
    except HeadshotProError as err:
        log.error("could not confirm model %s after %s: %s", model_id, event.event, err)
        return
    if model.status == "active" and model_id not in handled:
        handled.add(model_id)
        # Your work goes here: save the photos, tell the user. Deliveries repeat, so
        # whatever you do must be safe to do twice.
        print(f"headshots ready for model {model_id} ({event.event})", flush=True)
    else:
        print(f"model {model_id} is {model.status}: nothing to do", flush=True)


# --8<-- [start:session]
SESSIONS = {"demo-session-ada": "ada@example.com"}  # stands in for your own sign-in
models_by_user: Dict[str, str] = {}  # stands in for your database: user -> model id


def signed_in_user(authorization: str = Header(default="")) -> str:
    """Your app's authentication: here a fixed demo session token."""
    user = SESSIONS.get(authorization.removeprefix("Bearer "))
    if user is None:
        raise HTTPException(status_code=401, detail="sign in first")
    return user


@app.post("/headshots/session")
async def headshot_session(response: Response, user: str = Depends(signed_in_user)) -> Dict[str, str]:
    """The signed URL of the user's own model, fresh each time: the app shows it in a
    WebView and never sees the API key."""
    response.headers["Cache-Control"] = "no-store"  # the URL logs the user in
    model_id = models_by_user.get(user)
    if model_id is None:
        model = await client.models.create(user, is_development=DEVELOPMENT)
        models_by_user[user] = model.model_id
    else:
        model = await client.models.retrieve(model_id)  # a fresh signed URL
    return {"url": model.signed_url, "status": str(model.status)}
# --8<-- [end:session]
