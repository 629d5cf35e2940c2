#!/usr/bin/env python3
"""Writes the fault matrix of the test matrix: tests/cases/fault_<op>_<fault>.json.

Every operation that talks to the API meets every fault of SPEC "Retries and
rate limits", and each case states the outcome the SPEC prescribes: retried or
not (the requests are counted), the error's class/code/status, and for creates
the number of server-side records after a lost answer. tests/README.md ("The
fault matrix") explains the rows. Run it after changing it and commit what it
writes:

    python3 tests/cases/generate_faults.py           # (re)write the files
    python3 tests/cases/generate_faults.py --check   # exit 1 if they differ

`--check` (run by scripts/test-matrix.sh) also fails on a fault_*.json this
script does not write.
"""

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PREFIX = "fault_"

# Every fault case retries once at most, so the whole matrix stays fast.
MAX_RETRIES = 1
# The slow_body row: the call's own timeout, and how long the answer is held.
SLOW_TIMEOUT_MS = 500
SLOW_DELAY_MS = 2000
# The rate_limited_retry_after row's Retry-After, in seconds.
RETRY_AFTER_S = 1
# The SDK refuses answers larger than this.
BODY_CAP = 4 * 1024 * 1024

# --- what each kind of operation does after a fault (SPEC "Retries and rate limits")
READ = "read"        # GET, and photos.download_links (a POST that changes nothing)
PUT = "put"          # idempotent
DELETE = "delete"    # idempotent; gone after a lost answer counts as done
CREATE = "create"    # not idempotent, but the server keeps it unique: reconciled
POST = "post"        # not idempotent, nothing to reconcile: never resent once sent

IDEMPOTENT = (READ, PUT, DELETE)

MID = "${models.items.0.id}"
P0 = "${photos.items.0.id}"
V2 = "/api/v2/organization"
PHOTOS = f"{V2}/models/{MID}/photos"


def op_step(op, args=None, save=None, expect=None, options=None):
    step = {"op": op}
    if args:
        step["args"] = args
    if options:
        step["options"] = options
    if save:
        step["save"] = save
    if expect:
        step["expect"] = expect
    return step


def control(method, path, body=None):
    step = {"method": method, "path": path}
    if body is not None:
        step["body"] = body
    return {"control": step}


def count(method, path, n):
    return {"requests": {"method": method, "path": path, "count": n}}


SEED_PHOTOS = [
    control("POST", "/__mock/seed", {"models": 1}),
    op_step("models.list", save="models"),
    op_step("photos.list", {"model_id": MID}, save="photos"),
]
FAVORITE = control("POST", f"/__mock/models/{MID}/favorite", {"photoId": P0})
INVITE = op_step("invites.create", {"email": "ada@example.com"}, save="invite")
TEAM = op_step("teams.create", {"name": "Design"}, save="org")
MODEL = op_step("models.create", {"email": "ada@example.com"}, save="model")
TEAM_PATH = "/api/v1/organization/teams/${org.teams.0.id}"


def operation(op, kind, method, path, args=None, setup=(), result=None, offline=None,
              records=None, processed=None):
    """One row of the matrix.

    path: the operation's request path (the fault's prefix and what is counted);
    args: its arguments after `setup`; offline: arguments for the refused row,
    which cannot set anything up (default: args); result: the success pattern;
    records: steps proving one server-side record after a create (may use
    `${created...}`, the create's saved result); processed: steps proving a
    non-idempotent POST took effect although its answer was lost.
    """
    return {
        "op": op, "kind": kind, "method": method, "path": path, "args": args or {},
        "setup": list(setup), "result": result, "offline": offline if offline is not None else (args or {}),
        "records": records or [], "processed": processed or [],
    }


OPERATIONS = [
    operation("organization.retrieve", READ, "GET", "/api/v1/organization",
              result={"uid": "$present", "teams": []}),
    operation("organization.credits", READ, "GET", "/api/v1/organization/credits", result=100),
    operation("invites.create", CREATE, "POST", "/api/v1/organization/invite",
              args={"email": "ada@example.com"},
              result={"id": "$present", "email": "ada@example.com", "link": "$present"},
              records=[op_step("invites.list", expect={"result": [{"id": "${created.id}", "email": "ada@example.com"}]})]),
    operation("invites.revoke", POST, "POST", "/api/v1/organization/invite/revoke",
              args={"email": "ada@example.com"}, setup=[INVITE], result=None,
              processed=[op_step("invites.retrieve", {"invite_id": "${invite.id}"},
                                 expect={"result": {"status": "revoked"}})]),
    operation("invites.list", READ, "GET", "/api/v1/organization/invites", setup=[INVITE],
              result=[{"id": "${invite.id}"}]),
    operation("invites.retrieve", READ, "GET", "/api/v1/organization/invite/id/${invite.id}",
              args={"invite_id": "${invite.id}"}, setup=[INVITE], offline={"invite_id": "i1"},
              result={"email": "ada@example.com", "status": "pending-invite"}),
    operation("teams.create", CREATE, "POST", "/api/v1/organization/teams", args={"name": "Design"},
              result={"teams": [{"name": "Design"}]},
              records=[op_step("teams.list", expect={"result": [{"name": "Design"}]})]),
    operation("teams.update", PUT, "PUT", TEAM_PATH, args={"team_id": "${org.teams.0.id}", "name": "Renamed"},
              setup=[TEAM], offline={"team_id": "t1", "name": "Renamed"},
              result={"teams": [{"id": "${org.teams.0.id}", "name": "Renamed"}]}),
    operation("teams.delete", DELETE, "DELETE", TEAM_PATH, args={"team_id": "${org.teams.0.id}"},
              setup=[TEAM], offline={"team_id": "t1"}, result={"teams": []}),
    operation("teams.add_members", POST, "POST", TEAM_PATH + "/add-members",
              args={"team_id": "${org.teams.0.id}", "emails": ["seed-1@example.com"]},
              setup=[TEAM, control("POST", "/__mock/seed", {"members": 1})],
              offline={"team_id": "t1", "emails": ["seed-1@example.com"]},
              result={"teams": [{"name": "Design"}]},
              processed=[op_step("members.list", expect={"result": {"items": [
                  {"email": "seed-1@example.com", "team_id": "${org.teams.0.id}"}]}})]),
    operation("models.create", CREATE, "POST", f"{V2}/whitelabel/model/create",
              args={"email": "ada@example.com"},
              result={"model_id": "$present", "status": "onboarding", "signed_url": "$present"},
              records=[op_step("models.list", expect={"result": {
                  "items": [{"id": "${created.model_id}", "email": "ada@example.com"}], "total": 1}})]),
    operation("models.retrieve", READ, "GET", f"{V2}/whitelabel/model/get/${{model.model_id}}",
              args={"model_id": "${model.model_id}"}, setup=[MODEL], offline={"model_id": "m1"},
              result={"model_id": "${model.model_id}", "status": "onboarding"}),
    operation("models.delete", DELETE, "DELETE", f"{V2}/whitelabel/model/delete/${{model.model_id}}",
              args={"model_id": "${model.model_id}"}, setup=[MODEL], offline={"model_id": "m1"},
              result={"model_id": "${model.model_id}"}),
    operation("teams.list", READ, "GET", f"{V2}/teams", setup=[TEAM], result=[{"name": "Design"}]),
    operation("members.list", READ, "GET", f"{V2}/team",
              setup=[control("POST", "/__mock/seed", {"members": 2})],
              result={"items": {"$len": 2}, "total": 2}),
    operation("invites.retrieve_by_email", READ, "GET", f"{V2}/invites/ada%40example.com",
              args={"email": "ada@example.com"}, setup=[INVITE],
              result={"id": "${invite.id}", "status": "pending"}),
    operation("models.list", READ, "GET", f"{V2}/models",
              setup=[control("POST", "/__mock/seed", {"models": 1})],
              result={"items": {"$len": 1}, "total": 1}),
    operation("photos.list", READ, "GET", PHOTOS, args={"model_id": MID}, setup=SEED_PHOTOS,
              offline={"model_id": "m1"}, result={"items": {"$len": 8}, "total": 8}),
    operation("photos.retrieve", READ, "GET", f"{PHOTOS}/{P0}", args={"model_id": MID, "photo_id": P0},
              setup=SEED_PHOTOS, offline={"model_id": "m1", "photo_id": "p1"}, result={"id": P0}),
    operation("photos.favorite", READ, "GET", f"{PHOTOS}/favorite", args={"model_id": MID},
              setup=[*SEED_PHOTOS, FAVORITE], offline={"model_id": "m1"}, result={"id": P0}),
    operation("photos.download_links", READ, "POST", f"{PHOTOS}/download", args={"model_id": MID},
              setup=SEED_PHOTOS, offline={"model_id": "m1"}, result={"downloads": {"$len": 8}}),
    operation("photos.favorites", READ, "GET", f"{V2}/photos/favorites", setup=[*SEED_PHOTOS, FAVORITE],
              result={"items": [{"id": P0, "model_id": MID}], "total": 1}),
]

RATE_LIMITED = {"success": False, "error": "Too many requests", "code": "RATE_LIMIT_EXCEEDED"}


def fault_spec(o, **fields):
    return {"method": o["method"], "path": o["path"], "times": 1, **fields}


# Each fault: (name, what it is, the fault for this operation or None for the
# refused row, the call's per-call options).
FAULTS = [
    ("refused", "the connection is refused before anything is sent", None),
    ("processed_drop", "the server processes the request, then the connection closes without an answer",
     lambda o: fault_spec(o, after="drop")),
    ("status_500", "HTTP 500", lambda o: fault_spec(o, status=500)),
    ("status_502", "HTTP 502 (not processed)", lambda o: fault_spec(o, status=502)),
    ("status_503", "HTTP 503 (not processed)", lambda o: fault_spec(o, status=503)),
    ("status_504", "HTTP 504 (not processed)", lambda o: fault_spec(o, status=504)),
    ("rate_limited_retry_after", f"HTTP 429 RATE_LIMIT_EXCEEDED with Retry-After: {RETRY_AFTER_S}",
     lambda o: fault_spec(o, status=429, body=RATE_LIMITED, headers={"Retry-After": str(RETRY_AFTER_S)})),
    ("rate_limited_reset", "HTTP 429 RATE_LIMIT_EXCEEDED with only X-RateLimit-* (Reset already past)",
     lambda o: fault_spec(o, status=429, body=RATE_LIMITED, headers={
         "X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
         "X-RateLimit-Reset": "2020-01-01T00:00:00.000Z"})),
    ("truncated_body", "a 200 whose JSON is cut short",
     lambda o: fault_spec(o, status=200, body='{"success": true, "data": {"id": "6650a1b2c3d4e5f6a7b8')),
    ("invalid_json", "a 200 whose body is an HTML page, not JSON",
     lambda o: fault_spec(o, status=200, body="<html><body><h1>Service temporarily unavailable</h1></body></html>")),
    ("success_false", 'a 200 that says "success": false',
     lambda o: fault_spec(o, status=200, body={"success": False, "error": "Something went wrong"})),
    ("body_over_cap", "a 200 of valid JSON larger than the 4 MiB cap",
     lambda o: fault_spec(o, status=200, body={"success": True}, padding=BODY_CAP)),
    ("slow_body", f"an answer held {SLOW_DELAY_MS} ms, past the call's {SLOW_TIMEOUT_MS} ms timeout",
     lambda o: fault_spec(o, status=503, delay_ms=SLOW_DELAY_MS)),
]


def success(o, save=None):
    expect = {"result": o["result"]}
    return op_step(o["op"], o["args"], save=save, expect=expect)


def failure(o, error, options=None, min_elapsed_ms=None):
    expect = {"error": error}
    if min_elapsed_ms is not None:
        expect["min_elapsed_ms"] = min_elapsed_ms
    return op_step(o["op"], o["args"], options=options, expect=expect)


def outcome(o, fault):
    """The steps after the fault is in place: the call, its requests, the records."""
    kind, method, path = o["kind"], o["method"], o["path"]
    retried = kind in IDEMPOTENT
    creates = kind == CREATE
    save = "created" if creates else None
    if fault == "processed_drop":
        if retried:
            return [success(o), count(method, path, 2)]
        if creates and o["op"] == "teams.create":
            # Resent; the resend meets ALREADY_EXISTS, and a team has no
            # timestamp to prove it is ours: the lost answer's error stands.
            return [failure(o, {"class": "APIConnectionError"}), count(method, path, 2),
                    *o["records"]]
        if creates:
            return [success(o, save), count(method, path, 2), *o["records"]]
        return [failure(o, {"class": "APIConnectionError"}), count(method, path, 1), *o["processed"]]
    if fault == "status_500":
        if retried:
            return [success(o), count(method, path, 2)]
        return [failure(o, {"class": "ServerError", "status": 500}), count(method, path, 1)]
    if fault in ("status_502", "status_503", "status_504"):
        status = int(fault.rsplit("_", 1)[1])
        if retried:
            return [success(o), count(method, path, 2)]
        if creates:
            return [success(o, save), count(method, path, 2), *o["records"]]
        return [failure(o, {"class": "ServerError", "status": status}), count(method, path, 1)]
    if fault == "rate_limited_retry_after":
        step = success(o, save)
        step["expect"]["min_elapsed_ms"] = RETRY_AFTER_S * 1000
        return [step, count(method, path, 2), *o["records"]]
    if fault == "rate_limited_reset":
        return [success(o, save), count(method, path, 2), *o["records"]]
    if fault in ("truncated_body", "invalid_json", "body_over_cap"):
        return [failure(o, {"class": "ResponseDecodeError", "status": 200}), count(method, path, 1)]
    if fault == "success_false":
        return [failure(o, {"class": "APIError", "code": "UNKNOWN", "status": 200,
                            "message_contains": "Something went wrong"}),
                count(method, path, 1)]
    if fault == "slow_body":
        options = {"timeout_ms": SLOW_TIMEOUT_MS}
        if retried or creates:
            step = success(o, save)
            step["options"] = options
            step["expect"]["min_elapsed_ms"] = SLOW_TIMEOUT_MS - 50
            return [step, count(method, path, 2), *o["records"]]
        return [failure(o, {"class": "APITimeoutError"}, options, SLOW_TIMEOUT_MS - 50),
                count(method, path, 1)]
    raise ValueError(fault)


def describe(o, fault, what):
    kind = o["kind"]
    if fault == "refused":
        tail = "APIConnectionError"
    elif fault in ("truncated_body", "invalid_json", "body_over_cap"):
        tail = "ResponseDecodeError, not retried"
    elif fault == "success_false":
        tail = "APIError UNKNOWN, not retried"
    elif fault.startswith("rate_limited"):
        tail = "retried (a 429 proves nothing was processed)"
    elif kind in IDEMPOTENT:
        tail = "retried" + (" (gone on the resend counts as done)" if fault == "processed_drop" and kind == DELETE else "")
    elif kind == CREATE and fault == "status_500":
        tail = "not resent (a 500 is not ambiguous for a create)"
    elif kind == CREATE and o["op"] == "teams.create" and fault == "processed_drop":
        tail = "resent; ALREADY_EXISTS cannot be settled for a team, so the lost answer's error stands, one team"
    elif kind == CREATE:
        tail = "resent and reconciled: one record"
    else:
        tail = "not resent: it may have been processed"
    return f"{o['op']}: {what} -> {tail}"


def build(o, fault, what, make_fault):
    name = PREFIX + o["op"].replace(".", "_") + "_" + fault
    case = {"name": name, "description": describe(o, fault, what)}
    if make_fault is None:
        case["client"] = {"max_retries": MAX_RETRIES, "base_url": "$closed_port"}
        step = op_step(o["op"], o["offline"], expect={"error": {"class": "APIConnectionError"}})
        case["steps"] = [step, {"requests": {"path": "/api/", "count": 0}}]
        return name, case
    case["client"] = {"max_retries": MAX_RETRIES}
    case["steps"] = [
        *o["setup"],
        control("DELETE", "/__mock/requests"),
        control("POST", "/__mock/faults", make_fault(o)),
        *outcome(o, fault),
    ]
    return name, case


def cases():
    out = {}
    for o in OPERATIONS:
        for fault, what, make_fault in FAULTS:
            name, case = build(o, fault, what, make_fault)
            out[name] = json.dumps(case, indent=2, ensure_ascii=False) + "\n"
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the committed files instead of writing them")
    args = parser.parse_args()
    wanted = cases()
    existing = {p.stem for p in HERE.glob(PREFIX + "*.json")}
    if args.check:
        stale = sorted(n for n, text in wanted.items()
                       if not (HERE / f"{n}.json").exists() or (HERE / f"{n}.json").read_text() != text)
        extra = sorted(existing - set(wanted))
        for name in stale:
            print(f"tests/cases/{name}.json differs from generate_faults.py's output", file=sys.stderr)
        for name in extra:
            print(f"tests/cases/{name}.json is not written by generate_faults.py", file=sys.stderr)
        if stale or extra:
            print("run: python3 tests/cases/generate_faults.py", file=sys.stderr)
            return 1
        print(f"generate_faults: {len(wanted)} fault cases up to date")
        return 0
    for name in sorted(existing - set(wanted)):
        (HERE / f"{name}.json").unlink()
    for name, text in wanted.items():
        (HERE / f"{name}.json").write_text(text)
    print(f"generate_faults: wrote {len(wanted)} fault cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
