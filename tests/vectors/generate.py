#!/usr/bin/env python3
"""Writes the webhook test vectors of the matrix (tests/vectors/*.json).

Each vector is {"description", "body", "headers", "secret"}: `body` is the raw
payload text exactly as delivered, `headers` what came with it. Signatures are
HMAC-SHA256 keyed with the secret string's own bytes (it looks like hex on
purpose: it must not be hex-decoded) over "{timestamp}.{raw body}", sent as
`X-HeadshotPro-Signature: sha256=<hex>` with `X-HeadshotPro-Timestamp`.
Timestamps are fixed, so the output is stable: run this script and commit
what it writes (`python3 tests/vectors/generate.py`).
"""

import hashlib
import hmac
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SECRET = "4f2d9c0a7e1b3d5f6a8c0e2b4d6f8a1c"
# 2024-01-15T10:30:00Z
TIMESTAMP = 1705314600
# 2020-01-01T00:00:00Z
STALE_TIMESTAMP = 1577836800


def model_object(**changes):
    obj = {
        "_id": "6650a1b2c3d4e5f6a7b8c9d0",
        "uid": "mdl_8Qx2",
        "title": "Ada Lovelace",
        "trigger": "female",
        "status": "onboarding",
        "isDevelopment": True,
        "finishedAt": None,
        "deletedAt": None,
        "inviteExpiresAt": "2024-12-31T23:59:59.000Z",
        "createdAt": "2024-01-15T10:30:00.000Z",
        "organization": "org_7Hk3",
    }
    obj.update(changes)
    return obj


def payload(event, obj, event_id="evt_01HMATRIX0001", created_at="2024-01-15T10:30:00.000Z",
            photo_id=None):
    body = {}
    if event_id is not None:
        body["id"] = event_id
    body["event"] = event
    if created_at is not None:
        body["createdAt"] = created_at
    body["objectType"] = "model"
    if photo_id is not None:
        body["photoId"] = photo_id
    body["object"] = obj
    return json.dumps(body, separators=(",", ":"))


def signature(body, secret=SECRET, timestamp=TIMESTAMP):
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.{body}".encode("utf-8"), hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def signed(body, timestamp=TIMESTAMP, lower=False):
    sig_name, ts_name = "X-HeadshotPro-Signature", "X-HeadshotPro-Timestamp"
    if lower:
        sig_name, ts_name = sig_name.lower(), ts_name.lower()
    return {sig_name: signature(body, timestamp=timestamp), ts_name: str(timestamp)}


def vectors():
    created = payload("model.created", model_object())
    reference = json.dumps(
        {
            "event": "model.created",
            "objectType": "model",
            "object": model_object(isDevelopment=True),
        },
        indent=2,
    )
    photos = payload(
        "model.photos_ready",
        model_object(status="active", finishedAt="2024-01-15T11:05:00.000Z"),
        event_id="evt_01HMATRIX0002",
        created_at="2024-01-15T11:05:00.000Z",
    )
    favorite = payload(
        "model.favorite_selected",
        model_object(status="active", finishedAt="2024-01-15T11:05:00.000Z"),
        event_id="evt_01HMATRIX0006",
        created_at="2024-01-15T12:00:00.000Z",
        photo_id="6650a1b2c3d4e5f6a7b8c9f1",
    )
    deleted_obj = model_object(status="deleted", deletedAt="2024-01-16T09:00:00.000Z")
    del deleted_obj["isDevelopment"]
    deleted = payload("model.deleted", deleted_obj, event_id="evt_01HMATRIX0003",
                      created_at="2024-01-16T09:00:00.000Z")
    unknown = payload(
        "model.retrained",
        dict(model_object(status="retraining"), retrainCount=2),
        event_id="evt_01HMATRIX0004",
    )
    unknown = unknown[:-1] + ',"extraTopLevel":{"nested":[1,2,3]}}'
    malformed = json.dumps({"id": "evt_01HMATRIX0005", "event": "model.created", "objectType": "model"},
                           separators=(",", ":"))
    not_json = '{"event": "model.created", "objectType": "model", "object": '
    tampered = created.replace('"trigger":"female"', '"trigger":"male"')
    assert tampered != created

    return {
        "webhook_reference_unsigned": (
            "The reference's payload, unsigned, pretty-printed as the reference shows it",
            reference, {}),
        "webhook_created_signed": (
            "A model.created event with id and createdAt, correctly signed",
            created, signed(created)),
        "webhook_created_lowercase_headers": (
            "The same signed event with lower-case header names",
            created, signed(created, lower=True)),
        "webhook_created_tampered": (
            "Signed, then one byte of the body changed after signing",
            tampered, signed(created)),
        "webhook_created_stale": (
            "Correctly signed, with a timestamp of 2020-01-01",
            created, signed(created, timestamp=STALE_TIMESTAMP)),
        "webhook_created_bad_signature_hex": (
            "A signature header that is not hex",
            created, {"X-HeadshotPro-Signature": "sha256=zz-not-hex",
                      "X-HeadshotPro-Timestamp": str(TIMESTAMP)}),
        "webhook_created_missing_timestamp": (
            "A signature without the timestamp header",
            created, {"X-HeadshotPro-Signature": signature(created)}),
        "webhook_photos_ready_signed": (
            "model.photos_ready, one of the events newer than the reference, signed",
            photos, signed(photos)),
        "webhook_favorite_selected_signed": (
            "model.favorite_selected with the chosen photo's photoId, signed",
            favorite, signed(favorite)),
        "webhook_deleted_signed": (
            "model.deleted with deletedAt, isDevelopment absent (false), signed",
            deleted, signed(deleted)),
        "webhook_unknown_event_signed": (
            "An event name and status the SDK does not know, with extra fields, signed",
            unknown, signed(unknown)),
        "webhook_malformed_signed": (
            "Valid JSON, correctly signed, but without the object",
            malformed, signed(malformed)),
        "webhook_not_json_signed": (
            "Truncated JSON, correctly signed",
            not_json, signed(not_json)),
    }


def main():
    for name, (description, body, headers) in vectors().items():
        vector = {"description": description, "body": body, "headers": headers, "secret": SECRET}
        (HERE / f"{name}.json").write_text(json.dumps(vector, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote tests/vectors/{name}.json")


if __name__ == "__main__":
    main()
