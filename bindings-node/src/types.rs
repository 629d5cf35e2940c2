//! Results as plain JS objects: camelCase fields, `Date` timestamps, and
//! statuses/events as their wire strings (unknown values kept as sent).

use chrono::{DateTime, Utc};
use napi_derive::napi;

/// A team inside an organization.
#[napi(object)]
pub struct Team {
    /// The team's id.
    pub id: String,
    /// The team's name.
    pub name: String,
}

/// An organization with its teams.
#[napi(object)]
pub struct Organization {
    /// The organization's unique id.
    pub uid: String,
    /// Display name.
    pub name: String,
    /// Website, when set.
    pub website: Option<String>,
    /// Description, when set.
    pub description: Option<String>,
    /// Its teams.
    pub teams: Vec<Team>,
}

/// An invite just sent.
#[napi(object)]
pub struct Invite {
    /// The invite's id.
    pub id: String,
    /// The invited email.
    pub email: String,
    /// The sign-up link.
    pub link: String,
    /// The team the member joins, if any.
    pub team_id: Option<String>,
    /// The server's message.
    pub message: Option<String>,
}

/// One entry of the invite list.
#[napi(object)]
pub struct InviteSummary {
    /// The invite's id.
    pub id: String,
    /// The invited email.
    pub email: String,
    /// Whether the invite can still be used.
    pub valid: bool,
    /// The team, if any.
    pub team_id: Option<String>,
    /// When the invite was created.
    pub created_at: DateTime<Utc>,
    /// Whether the invite has been used.
    pub used: bool,
    /// The sign-up link.
    pub link: String,
}

/// One invite's email, status and team.
#[napi(object)]
pub struct InviteDetails {
    /// The member's email.
    pub email: String,
    /// The wire status, e.g. `waiting-for-upload`.
    pub status: String,
    /// The team, if any.
    pub team_id: Option<String>,
}

/// A whitelabel model.
#[napi(object)]
pub struct Model {
    /// The model's id.
    pub model_id: String,
    /// The wire status, e.g. `generatingHeadshots`.
    pub status: String,
    /// Whether it is a development model.
    pub is_development: bool,
    /// A temporary URL that opens the HeadshotPro interface for the user.
    pub signed_url: String,
}

/// The answer to a model deletion.
#[napi(object)]
pub struct DeletedModel {
    /// The deleted model's id.
    pub model_id: String,
    /// The server's message.
    pub message: String,
}

/// The model inside a webhook event.
#[napi(object)]
pub struct ModelObject {
    /// The model id (`_id` on the wire).
    pub id: String,
    /// The model's UID.
    pub uid: String,
    /// Human-readable title.
    pub title: String,
    /// The selected gender.
    pub trigger: String,
    /// The wire status.
    pub status: String,
    /// Whether it is a development model.
    pub is_development: bool,
    /// When processing finished.
    pub finished_at: Option<DateTime<Utc>>,
    /// When it was deleted.
    pub deleted_at: Option<DateTime<Utc>>,
    /// When access expires.
    pub invite_expires_at: Option<DateTime<Utc>>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// The owning organization's id.
    pub organization: String,
}

/// A webhook notification.
#[napi(object)]
pub struct WebhookEvent {
    /// The event id (`evt_…`), absent from older payloads.
    pub id: Option<String>,
    /// The wire event name, e.g. `model.status.updated`.
    pub event: String,
    /// When the event was created, absent from older payloads.
    pub created_at: Option<DateTime<Utc>>,
    /// The kind of object, `model`.
    pub object_type: String,
    /// The chosen photo, on `model.favorite_selected`.
    pub photo_id: Option<String>,
    /// The model concerned.
    pub object: ModelObject,
}

impl From<headshotpro::Team> for Team {
    fn from(t: headshotpro::Team) -> Self {
        Self {
            id: t.id,
            name: t.name,
        }
    }
}

impl From<headshotpro::Organization> for Organization {
    fn from(o: headshotpro::Organization) -> Self {
        Self {
            uid: o.uid,
            name: o.name,
            website: o.website,
            description: o.description,
            teams: o.teams.into_iter().map(Team::from).collect(),
        }
    }
}

impl From<headshotpro::Invite> for Invite {
    fn from(i: headshotpro::Invite) -> Self {
        Self {
            id: i.id,
            email: i.email,
            link: i.link,
            team_id: i.team_id,
            message: i.message,
        }
    }
}

impl From<headshotpro::InviteSummary> for InviteSummary {
    fn from(i: headshotpro::InviteSummary) -> Self {
        Self {
            id: i.id,
            email: i.email,
            valid: i.valid,
            team_id: i.team_id,
            created_at: i.created_at,
            used: i.used,
            link: i.link,
        }
    }
}

impl From<headshotpro::InviteDetails> for InviteDetails {
    fn from(i: headshotpro::InviteDetails) -> Self {
        Self {
            email: i.email,
            status: i.status.as_str().to_owned(),
            team_id: i.team_id,
        }
    }
}

impl From<headshotpro::Model> for Model {
    fn from(m: headshotpro::Model) -> Self {
        Self {
            model_id: m.model_id,
            status: m.status.as_str().to_owned(),
            is_development: m.is_development,
            signed_url: m.signed_url,
        }
    }
}

impl From<headshotpro::DeletedModel> for DeletedModel {
    fn from(m: headshotpro::DeletedModel) -> Self {
        Self {
            model_id: m.model_id,
            message: m.message,
        }
    }
}

impl From<headshotpro::ModelObject> for ModelObject {
    fn from(o: headshotpro::ModelObject) -> Self {
        Self {
            id: o.id,
            uid: o.uid,
            title: o.title,
            trigger: o.trigger,
            status: o.status.as_str().to_owned(),
            is_development: o.is_development,
            finished_at: o.finished_at,
            deleted_at: o.deleted_at,
            invite_expires_at: o.invite_expires_at,
            created_at: o.created_at,
            organization: o.organization,
        }
    }
}

impl From<headshotpro::WebhookEvent> for WebhookEvent {
    fn from(e: headshotpro::WebhookEvent) -> Self {
        Self {
            id: e.id,
            event: e.event.as_str().to_owned(),
            created_at: e.created_at,
            object_type: e.object_type,
            photo_id: e.photo_id,
            object: ModelObject::from(e.object),
        }
    }
}

/// A core result as the value the promise resolves with.
pub(crate) trait ToJs {
    /// The JS-facing type.
    type Js;
    /// Converts the value.
    fn to_js(self) -> Self::Js;
}

/// `ToJs` for core types whose JS type converts with `From`.
macro_rules! to_js_by_from {
    ($($core:ty => $js:ty),* $(,)?) => {
        $(impl ToJs for $core {
            type Js = $js;
            fn to_js(self) -> $js {
                <$js>::from(self)
            }
        })*
    };
}

to_js_by_from! {
    headshotpro::Organization => Organization,
    headshotpro::Invite => Invite,
    headshotpro::InviteSummary => InviteSummary,
    headshotpro::InviteDetails => InviteDetails,
    headshotpro::Model => Model,
    headshotpro::DeletedModel => DeletedModel,
    i64 => i64,
    () => (),
}

impl<T: ToJs> ToJs for Vec<T> {
    type Js = Vec<T::Js>;
    fn to_js(self) -> Self::Js {
        self.into_iter().map(ToJs::to_js).collect()
    }
}

/// `headshotpro::redact_url`: the URL with every query value (a signed URL's
/// token), any password and any fragment replaced, for printing.
#[napi(catch_unwind)]
pub fn redact_url(url: String) -> String {
    headshotpro::redact_url(&url)
}
