//! Matching an expected pattern against a canonical result (`tests/README.md`, "Matching").

use serde_json::Value;

/// `Ok` when `actual` matches `expected`, else where and why not.
pub fn check(expected: &Value, actual: &Value) -> Result<(), String> {
    at("$", expected, actual)
}

fn at(path: &str, expected: &Value, actual: &Value) -> Result<(), String> {
    let fail = || Err(format!("at {path}: expected {expected}, got {actual}"));
    match expected {
        Value::String(s) if s == "$any" => Ok(()),
        Value::String(s) if s == "$present" => {
            if actual.is_null() {
                fail()
            } else {
                Ok(())
            }
        }
        Value::String(s) if s == "$absent" => {
            if actual.is_null() {
                Ok(())
            } else {
                fail()
            }
        }
        Value::Object(map) if map.len() == 1 && map.contains_key("$len") => {
            match (actual.as_array(), map.get("$len").and_then(Value::as_u64)) {
                (Some(items), Some(len)) if items.len() as u64 == len => Ok(()),
                _ => fail(),
            }
        }
        Value::Object(map) if map.len() == 1 && map.contains_key("$contains") => {
            match (
                actual.as_str(),
                map.get("$contains").and_then(Value::as_str),
            ) {
                (Some(text), Some(needle)) if text.contains(needle) => Ok(()),
                _ => fail(),
            }
        }
        Value::Object(map) => {
            let Some(actual_map) = actual.as_object() else {
                return fail();
            };
            for (key, want) in map {
                let got = actual_map.get(key).unwrap_or(&Value::Null);
                at(&format!("{path}.{key}"), want, got)?;
            }
            Ok(())
        }
        Value::Array(items) => {
            let Some(actual_items) = actual.as_array() else {
                return fail();
            };
            if items.len() != actual_items.len() {
                return fail();
            }
            for (i, (want, got)) in items.iter().zip(actual_items).enumerate() {
                at(&format!("{path}.{i}"), want, got)?;
            }
            Ok(())
        }
        Value::Number(n) => match (n.as_f64(), actual.as_f64()) {
            (Some(a), Some(b)) if a == b => Ok(()),
            _ => fail(),
        },
        other => {
            if other == actual {
                Ok(())
            } else {
                fail()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn patterns() {
        let actual = json!({"a": 1, "b": [1, 2], "c": null, "d": "hello", "e": "x"});
        assert!(check(
            &json!({"a": 1.0, "b": {"$len": 2}, "c": "$absent"}),
            &actual
        )
        .is_ok());
        assert!(check(
            &json!({"d": {"$contains": "ell"}, "e": "$present", "z": "$any"}),
            &actual
        )
        .is_ok());
        assert!(check(&json!({"z": "$present"}), &actual).is_err());
        assert!(check(&json!({"b": [1]}), &actual).is_err());
        assert!(check(&json!({"a": "1"}), &actual).is_err());
    }
}
