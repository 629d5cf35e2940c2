//! The SDK's results and errors as the matrix's canonical snake_case JSON
//! (`tests/README.md`, "Canonical JSON of results"). Written out field by
//! field so a renamed field in the crate breaks the build, not the matrix.

use chrono::{DateTime, SecondsFormat, Utc};
use headshotpro::{
    DeletedModel, Error, Invite, InviteDetails, InviteSummary, Model, ModelObject, Organization,
    RateLimitInfo, Response, WebhookEvent,
};
use serde_json::{json, Value};

/// ISO 8601 UTC with milliseconds, e.g. `2024-01-15T10:30:00.000Z`.
pub fn time(at: &DateTime<Utc>) -> Value {
    Value::String(at.to_rfc3339_opts(SecondsFormat::Millis, true))
}

/// [`time`], or `null`.
pub fn opt_time(at: Option<&DateTime<Utc>>) -> Value {
    at.map_or(Value::Null, time)
}

/// `{"uid","name","website","description","teams":[{"id","name"}]}`.
pub fn organization(org: &Organization) -> Value {
    json!({
        "uid": org.uid,
        "name": org.name,
        "website": org.website,
        "description": org.description,
        "teams": org.teams.iter().map(|t| json!({"id": t.id, "name": t.name})).collect::<Vec<_>>(),
    })
}

/// `{"id","email","link","team_id","message"}`.
pub fn invite(invite: &Invite) -> Value {
    json!({
        "id": invite.id,
        "email": invite.email,
        "link": invite.link,
        "team_id": invite.team_id,
        "message": invite.message,
    })
}

/// `{"id","email","valid","team_id","created_at","used","link"}`.
pub fn invite_summary(invite: &InviteSummary) -> Value {
    json!({
        "id": invite.id,
        "email": invite.email,
        "valid": invite.valid,
        "team_id": invite.team_id,
        "created_at": time(&invite.created_at),
        "used": invite.used,
        "link": invite.link,
    })
}

/// `{"email","status","team_id"}`.
pub fn invite_details(invite: &InviteDetails) -> Value {
    json!({
        "email": invite.email,
        "status": invite.status.as_str(),
        "team_id": invite.team_id,
    })
}

/// `{"model_id","status","is_development","signed_url"}`.
pub fn model(model: &Model) -> Value {
    json!({
        "model_id": model.model_id,
        "status": model.status.as_str(),
        "is_development": model.is_development,
        "signed_url": model.signed_url,
    })
}

/// `{"model_id","message"}`.
pub fn deleted_model(deleted: &DeletedModel) -> Value {
    json!({"model_id": deleted.model_id, "message": deleted.message})
}

/// `{"id","event","created_at","object_type","photo_id","object":{...}}`.
pub fn webhook_event(event: &WebhookEvent) -> Value {
    json!({
        "id": event.id,
        "event": event.event.as_str(),
        "created_at": opt_time(event.created_at.as_ref()),
        "object_type": event.object_type,
        "photo_id": event.photo_id,
        "object": model_object(&event.object),
    })
}

fn model_object(object: &ModelObject) -> Value {
    json!({
        "id": object.id,
        "uid": object.uid,
        "title": object.title,
        "trigger": object.trigger,
        "status": object.status.as_str(),
        "is_development": object.is_development,
        "finished_at": opt_time(object.finished_at.as_ref()),
        "deleted_at": opt_time(object.deleted_at.as_ref()),
        "invite_expires_at": opt_time(object.invite_expires_at.as_ref()),
        "created_at": time(&object.created_at),
        "organization": object.organization,
    })
}

/// `{"class","code","status","message"}` of an SDK error, for matching and reports.
pub fn error(error: &Error) -> Value {
    json!({
        "class": error.class_name(),
        "code": error.code(),
        "status": error.status(),
        "message": error.message(),
    })
}

/// `{"limit","remaining","reset_at"}` of the `X-RateLimit-*` headers.
pub fn rate_limit(info: &RateLimitInfo) -> Value {
    json!({
        "limit": info.limit,
        "remaining": info.remaining,
        "reset_at": opt_time(info.reset_at.as_ref()),
    })
}

/// `{"data","status","headers","rate_limit"}` of a raw-response call, with
/// `data` its canonical result; header names are in lower case, repeated
/// ones joined with `, `.
pub fn response<T>(data: Value, answer: &Response<T>) -> Value {
    json!({
        "data": data,
        "status": answer.status,
        "headers": answer.headers.to_map(),
        "rate_limit": rate_limit(&answer.rate_limit),
    })
}
