//! Reading the current API's answers, whose fields the docs place either at
//! the top level or inside `data`: both are accepted, and a list may also be
//! `data` itself.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::classify::truncate;
use crate::error::{Error, Result};

/// One decoded answer: its fields with `data`'s merged in, and enough context
/// to name a decoding problem.
pub(crate) struct Answer<'a> {
    operation: &'static str,
    status: u16,
    body: &'a [u8],
    fields: Map<String, Value>,
}

impl<'a> Answer<'a> {
    /// Parses a body that must be a JSON object. When `data` is an object its
    /// fields are merged over the top level's; when it is an array it stays
    /// as `data` for [`Answer::list`].
    pub fn parse(operation: &'static str, status: u16, body: &'a [u8]) -> Result<Self> {
        let mut answer = Self {
            operation,
            status,
            body,
            fields: Map::new(),
        };
        let mut fields = match serde_json::from_slice(body) {
            Ok(Value::Object(fields)) => fields,
            Ok(_) => return Err(answer.error("the answer is not a JSON object")),
            Err(e) => return Err(answer.error(e.to_string())),
        };
        match fields.remove("data") {
            Some(Value::Object(data)) => fields.extend(data),
            Some(list @ Value::Array(_)) => {
                fields.insert("data".to_owned(), list);
            }
            _ => {}
        }
        answer.fields = fields;
        Ok(answer)
    }

    /// The object under `key` when there is one, else the fields themselves.
    pub fn object<T: DeserializeOwned>(mut self, key: &str) -> Result<T> {
        let value = match self.fields.remove(key) {
            Some(object @ Value::Object(_)) => object,
            Some(other) => {
                self.fields.insert(key.to_owned(), other);
                Value::Object(std::mem::take(&mut self.fields))
            }
            None => Value::Object(std::mem::take(&mut self.fields)),
        };
        T::deserialize(value).map_err(|e| self.error(e.to_string()))
    }

    /// Like [`Answer::object`], but `None` when `key` is `null`, or when the
    /// answer carries nothing but `success` / `message`.
    pub fn optional<T: DeserializeOwned>(self, key: &str) -> Result<Option<T>> {
        match self.fields.get(key) {
            Some(Value::Null) => return Ok(None),
            Some(_) => {}
            None => {
                let only_status = self
                    .fields
                    .keys()
                    .all(|k| matches!(k.as_str(), "success" | "message"));
                if only_status {
                    return Ok(None);
                }
            }
        }
        self.object(key).map(Some)
    }

    /// Takes the item list: under the first of `keys` present, else `data` or
    /// `items`. Every item is decoded on its own so an error names its index.
    pub fn take_items<T: DeserializeOwned>(&mut self, keys: &[&str]) -> Result<(Vec<T>, u64)> {
        let found = keys
            .iter()
            .copied()
            .chain(["data", "items"])
            .find_map(|key| match self.fields.remove(key) {
                Some(Value::Array(items)) => Some(items),
                Some(other) => {
                    self.fields.insert(key.to_owned(), other);
                    None
                }
                None => None,
            });
        let Some(raw) = found else {
            return Err(self.error(format!("no item list (expected `{}`)", keys.join("` or `"))));
        };
        let fingerprint = fingerprint(&raw);
        let items = raw
            .into_iter()
            .enumerate()
            .map(|(i, item)| T::deserialize(item).map_err(|e| self.error(format!("item {i}: {e}"))))
            .collect::<Result<Vec<T>>>()?;
        Ok((items, fingerprint))
    }

    /// Removes and decodes an optional field; a wrong type is an error.
    pub fn take<T: DeserializeOwned>(&mut self, key: &str) -> Result<Option<T>> {
        match self.fields.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => T::deserialize(value)
                .map(Some)
                .map_err(|e| self.error(format!("`{key}`: {e}"))),
        }
    }

    /// The list of decoded items under the first of `keys` (see [`Answer::take_items`]).
    pub fn list<T: DeserializeOwned>(mut self, keys: &[&str]) -> Result<Vec<T>> {
        self.take_items(keys).map(|(items, _)| items)
    }

    /// A [`Error::ResponseDecode`] for this answer.
    pub fn error(&self, message: impl Into<String>) -> Error {
        Error::ResponseDecode {
            operation: self.operation.to_owned(),
            status: self.status,
            message: message.into(),
            body: truncate(self.body),
        }
    }
}

/// A hash of the items as sent, to recognise a page the server repeats.
fn fingerprint(items: &[Value]) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    struct Feed<'h>(&'h mut DefaultHasher);
    impl std::io::Write for Feed<'_> {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            bytes.hash(self.0);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut hasher = DefaultHasher::new();
    // Writing to a hasher cannot fail; a failure would only weaken the guard.
    let _ = serde_json::to_writer(Feed(&mut hasher), items);
    items.len().hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Thing {
        id: String,
    }

    fn answer(body: &str) -> Answer<'_> {
        Answer::parse("test.op", 200, body.as_bytes()).unwrap()
    }

    #[test]
    fn fields_at_top_level_or_in_data() {
        let top: Thing = answer(r#"{"success":true,"id":"a"}"#)
            .object("thing")
            .unwrap();
        let data: Thing = answer(r#"{"success":true,"data":{"id":"a"}}"#)
            .object("thing")
            .unwrap();
        let keyed: Thing = answer(r#"{"data":{"thing":{"id":"a"}}}"#)
            .object("thing")
            .unwrap();
        assert_eq!(top, data);
        assert_eq!(top, keyed);
    }

    #[test]
    fn optional_object() {
        let none: Option<Thing> = answer(r#"{"success":true,"thing":null}"#)
            .optional("thing")
            .unwrap();
        assert_eq!(none, None);
        let none: Option<Thing> = answer(r#"{"success":true,"data":null}"#)
            .optional("thing")
            .unwrap();
        assert_eq!(none, None);
        let some: Option<Thing> = answer(r#"{"data":{"thing":{"id":"a"}}}"#)
            .optional("thing")
            .unwrap();
        assert_eq!(some, Some(Thing { id: "a".into() }));
    }

    #[test]
    fn lists_under_a_key_data_or_items() {
        for body in [
            r#"{"things":[{"id":"a"}]}"#,
            r#"{"data":{"things":[{"id":"a"}]}}"#,
            r#"{"data":[{"id":"a"}]}"#,
            r#"{"items":[{"id":"a"}]}"#,
        ] {
            let items: Vec<Thing> = answer(body).list(&["things"]).unwrap();
            assert_eq!(items, vec![Thing { id: "a".into() }], "{body}");
        }
        let err = answer(r#"{"things":[{"id":"a"},{"nope":1}]}"#)
            .list::<Thing>(&["things"])
            .unwrap_err();
        assert_eq!(err.class_name(), "ResponseDecodeError");
        assert!(err.message().starts_with("item 1:"), "{err}");
        assert!(answer(r#"{"things":3}"#)
            .list::<Thing>(&["things"])
            .is_err());
        assert!(Answer::parse("op", 200, b"[1]").is_err());
    }

    #[test]
    fn fingerprints_differ_by_content() {
        let a = [serde_json::json!({"id": "a"})];
        let b = [serde_json::json!({"id": "b"})];
        assert_eq!(fingerprint(&a), fingerprint(&a.clone()));
        assert_ne!(fingerprint(&a), fingerprint(&b));
    }
}
