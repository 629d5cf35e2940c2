//! `save` variables and `${name.path.to.field}` substitution.

use std::collections::HashMap;

use anyhow::{Context, Result};
use serde_json::Value;

/// The results saved by earlier steps of one case.
#[derive(Debug, Default)]
pub struct Vars {
    saved: HashMap<String, Value>,
}

impl Vars {
    /// Stores a step's canonical result under `name`.
    pub fn save(&mut self, name: &str, value: Value) {
        self.saved.insert(name.to_owned(), value);
    }

    /// Replaces every `${...}` in strings of `value`: a string that is exactly
    /// one reference becomes the value with its type, else the reference's text.
    pub fn substitute(&self, value: &Value) -> Result<Value> {
        Ok(match value {
            Value::String(s) => self.substitute_str(s)?,
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .map(|v| self.substitute(v))
                    .collect::<Result<_>>()?,
            ),
            Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| Ok((k.clone(), self.substitute(v)?)))
                    .collect::<Result<_>>()?,
            ),
            other => other.clone(),
        })
    }

    fn substitute_str(&self, s: &str) -> Result<Value> {
        if let Some(inner) = s.strip_prefix("${").and_then(|r| r.strip_suffix('}')) {
            if !inner.contains("${") && !inner.contains('}') {
                return self.lookup(inner).cloned();
            }
        }
        let mut out = String::new();
        let mut rest = s;
        while let Some(start) = rest.find("${") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let end = after
                .find('}')
                .with_context(|| format!("unterminated ${{ in {s:?}"))?;
            match self.lookup(&after[..end])? {
                Value::String(text) => out.push_str(text),
                other => out.push_str(&other.to_string()),
            }
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        Ok(Value::String(out))
    }

    fn lookup(&self, reference: &str) -> Result<&Value> {
        let mut parts = reference.split('.');
        let name = parts.next().unwrap_or_default();
        let mut value = self
            .saved
            .get(name)
            .with_context(|| format!("no saved variable {name:?} (in ${{{reference}}})"))?;
        for part in parts {
            value = match value {
                Value::Object(map) => map.get(part),
                Value::Array(items) => part.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => None,
            }
            .with_context(|| format!("${{{reference}}}: no field {part:?}"))?;
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn whole_and_embedded_references() -> Result<()> {
        let mut vars = Vars::default();
        vars.save("org", json!({"teams": [{"id": "t1"}], "n": 3}));
        assert_eq!(vars.substitute(&json!("${org.n}"))?, json!(3));
        assert_eq!(
            vars.substitute(&json!({"p": "/x/${org.teams.0.id}/y"}))?,
            json!({"p": "/x/t1/y"})
        );
        assert!(vars.substitute(&json!("${nope.id}")).is_err());
        Ok(())
    }
}
