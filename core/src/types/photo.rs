//! Headshots: a photo, its signed URLs, an organization-wide favorite, and
//! download links.
//!
//! Photo URLs are signed bearer URLs (anyone holding one can fetch the photo
//! until it expires), so `Debug` shows them without their query string.

use std::fmt;
use std::ops::Deref;

use chrono::{DateTime, Utc};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::status::{LikedStatus, PhotoStatus};

/// A generated headshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Photo {
    /// The photo's id.
    pub id: String,
    /// The model the photo belongs to, when sent.
    #[serde(default)]
    pub model_id: Option<String>,
    /// Whether the photo is still available.
    pub status: PhotoStatus,
    /// What the user thinks of it.
    pub liked_status: LikedStatus,
    /// When it was generated.
    pub created_at: DateTime<Utc>,
    /// Its signed URLs.
    pub urls: PhotoUrls,
    /// When the signed URLs stop working (24 hours after they were issued).
    pub expires_at: DateTime<Utc>,
}

/// The signed URLs of a photo. `thumbnail` and `original` come with
/// `include = all`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug))]
pub struct PhotoUrls {
    /// The photo itself.
    pub main: String,
    /// A small preview.
    #[serde(default)]
    pub thumbnail: Option<String>,
    /// The full-resolution original.
    #[serde(default)]
    pub original: Option<String>,
}

impl fmt::Debug for PhotoUrls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PhotoUrls")
            .field("main", &Redacted(&self.main))
            .field("thumbnail", &self.thumbnail.as_deref().map(Redacted))
            .field("original", &self.original.as_deref().map(Redacted))
            .finish()
    }
}

/// A member's chosen favorite, from the organization-wide list: the photo and
/// whose it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct FavoritePhoto {
    /// The photo (its fields are also reachable directly, `favorite.urls`).
    #[serde(flatten)]
    pub photo: Photo,
    /// The member's email, when sent.
    pub email: Option<String>,
    /// The member's name, when sent.
    pub name: Option<String>,
    /// The member's team, when sent.
    pub team_id: Option<String>,
    /// The team's name, when sent.
    pub team_name: Option<String>,
}

impl Deref for FavoritePhoto {
    type Target = Photo;

    fn deref(&self) -> &Photo {
        &self.photo
    }
}

/// Whose favorite it is: at the top level of the entry, or in `member`/`user`.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Owner {
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    team_id: Option<String>,
    #[serde(default)]
    team_name: Option<String>,
}

impl Owner {
    fn or(self, other: Self) -> Self {
        Self {
            email: self.email.or(other.email),
            name: self.name.or(other.name),
            team_id: self.team_id.or(other.team_id),
            team_name: self.team_name.or(other.team_name),
        }
    }
}

impl<'de> Deserialize<'de> for FavoritePhoto {
    /// Reads the photo's fields flat in the entry or nested under `photo`, and
    /// the member's fields flat or nested under `member` / `user`.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut entry = Map::<String, Value>::deserialize(d)?;
        let nested_owner = ["member", "user"]
            .iter()
            .find_map(|key| match entry.remove(*key) {
                Some(Value::Object(owner)) => Some(owner),
                _ => None,
            });
        let photo = match entry.remove("photo") {
            Some(Value::Object(photo)) => Photo::deserialize(Value::Object(photo)),
            _ => Photo::deserialize(Value::Object(entry.clone())),
        }
        .map_err(D::Error::custom)?;
        let mut owner = Owner::deserialize(Value::Object(entry)).map_err(D::Error::custom)?;
        if let Some(nested) = nested_owner {
            owner = owner.or(Owner::deserialize(Value::Object(nested)).map_err(D::Error::custom)?);
        }
        Ok(Self {
            photo,
            email: owner.email,
            name: owner.name,
            team_id: owner.team_id,
            team_name: owner.team_name,
        })
    }
}

/// Signed download URLs for a model's photos.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct DownloadLinks {
    /// One link per photo.
    pub downloads: Vec<DownloadLink>,
    /// When the links stop working.
    pub expires_at: DateTime<Utc>,
}

/// One photo's signed download URL.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug))]
#[serde(rename_all = "camelCase")]
pub struct DownloadLink {
    /// The photo's id.
    pub photo_id: String,
    /// The signed URL. Fetch it without credentials: it points at a CDN.
    pub url: String,
}

impl fmt::Debug for DownloadLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DownloadLink")
            .field("photo_id", &self.photo_id)
            .field("url", &Redacted(&self.url))
            .finish()
    }
}

impl<'de> Deserialize<'de> for DownloadLink {
    /// Accepts `photoId`, `id` or `_id` for the id, and `url` or `urls.main`
    /// for the URL (the docs do not fix these names).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Main {
            main: String,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Wire {
            #[serde(default)]
            photo_id: Option<String>,
            #[serde(default)]
            id: Option<String>,
            #[serde(default, rename = "_id")]
            underscore_id: Option<String>,
            #[serde(default)]
            url: Option<String>,
            #[serde(default)]
            urls: Option<Main>,
        }
        let wire = Wire::deserialize(d)?;
        let photo_id = wire
            .photo_id
            .or(wire.id)
            .or(wire.underscore_id)
            .ok_or_else(|| D::Error::missing_field("photoId"))?;
        let url = wire
            .url
            .or(wire.urls.map(|u| u.main))
            .ok_or_else(|| D::Error::missing_field("url"))?;
        Ok(Self { photo_id, url })
    }
}

/// A signed URL shown with its query values and fragment redacted, where signatures
/// live (the same form as every other redacted URL: [`crate::redact_url`]).
struct Redacted<'a>(&'a str);

impl fmt::Debug for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", crate::redact::redact_url(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHOTO: &str = r#"{"id":"p1","modelId":"m1","status":"active","likedStatus":"loved",
        "createdAt":"2024-01-15T10:30:00Z","urls":{"main":"https://cdn.test/p1.jpg?sig=abc"},
        "expiresAt":"2024-01-16T10:30:00Z","extra":1}"#;

    #[test]
    fn photo_reads_and_hides_signatures_in_debug() {
        let photo: Photo = serde_json::from_str(PHOTO).unwrap();
        assert_eq!(photo.liked_status, LikedStatus::Loved);
        assert_eq!(photo.urls.main, "https://cdn.test/p1.jpg?sig=abc");
        let debug = format!("{photo:?}");
        assert!(!debug.contains("sig=abc"), "{debug}");
        assert!(
            debug.contains("https://cdn.test/p1.jpg?sig=[redacted]"),
            "{debug}"
        );
    }

    #[test]
    fn favorite_flat_or_nested() {
        let flat = PHOTO.replace(
            "\"extra\":1",
            "\"email\":\"a@b.co\",\"teamName\":\"Design\"",
        );
        let fav: FavoritePhoto = serde_json::from_str(&flat).unwrap();
        assert_eq!(fav.email.as_deref(), Some("a@b.co"));
        assert_eq!(fav.team_name.as_deref(), Some("Design"));
        assert_eq!(fav.urls.main, fav.photo.urls.main);

        let nested = format!(r#"{{"photo":{PHOTO},"member":{{"email":"c@d.co","name":"C"}}}}"#);
        let fav: FavoritePhoto = serde_json::from_str(&nested).unwrap();
        assert_eq!(fav.id, "p1");
        assert_eq!(
            (fav.email.as_deref(), fav.name.as_deref()),
            (Some("c@d.co"), Some("C"))
        );
        let round = serde_json::to_value(&fav).unwrap();
        assert_eq!(round["email"], "c@d.co");
        assert_eq!(round["likedStatus"], "loved");
    }

    #[test]
    fn download_link_spellings() {
        let a: DownloadLink = serde_json::from_str(r#"{"photoId":"p1","url":"u1"}"#).unwrap();
        let b: DownloadLink = serde_json::from_str(r#"{"id":"p1","urls":{"main":"u1"}}"#).unwrap();
        let c: DownloadLink =
            serde_json::from_str(r#"{"id":"x","photoId":"p1","url":"u1","urls":{"main":"u2"}}"#)
                .unwrap();
        assert_eq!(a, b);
        assert_eq!(a, c);
        let missing = serde_json::from_str::<DownloadLink>(r#"{"id":"p1"}"#).unwrap_err();
        assert!(missing.to_string().contains("url"), "{missing}");
    }
}
