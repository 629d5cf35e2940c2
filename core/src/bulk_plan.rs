//! What a bulk invite does with each input before anything is sent: which
//! emails are plausible addresses, and which repeat an earlier one.
//!
//! The check is stricter than a single invite's (which only needs an `@`),
//! because one bad row of a spreadsheet should be reported, not sent: one `@`,
//! a local part of 1..=64 characters without spaces, quotes, angle brackets,
//! commas, semicolons or colons, and a domain of at least two dot-separated
//! labels of letters, digits and inner hyphens (non-ASCII letters allowed).
//! Emails compare without regard to case or surrounding spaces, as the server
//! compares them.

use std::collections::HashMap;

use crate::types::InviteRequest;

/// The longest address accepted (RFC 5321's path limit less the brackets).
const MAX_EMAIL: usize = 254;
/// The longest local part.
const MAX_LOCAL: usize = 64;
/// The longest domain label.
const MAX_LABEL: usize = 63;

/// What a bulk invite will do with one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvitePlan {
    /// Sent: the first input with this email.
    Send,
    /// Not sent: it repeats the input at this position, and ends as it does.
    Duplicate(usize),
    /// Not sent: not a valid address, for this reason.
    Invalid(String),
}

/// Plans every input of a bulk invite, in input order, without sending
/// anything: `--dry-run` and [`crate::Invites::create_many`] agree on it.
pub fn plan_invites(requests: &[InviteRequest]) -> Vec<InvitePlan> {
    let mut first: HashMap<String, usize> = HashMap::with_capacity(requests.len());
    requests
        .iter()
        .enumerate()
        .map(|(index, request)| {
            let email = request.email.trim();
            if let Err(why) = check_email(email) {
                return InvitePlan::Invalid(why);
            }
            match first.entry(email.to_lowercase()) {
                std::collections::hash_map::Entry::Occupied(seen) => {
                    InvitePlan::Duplicate(*seen.get())
                }
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(index);
                    InvitePlan::Send
                }
            }
        })
        .collect()
}

/// Why `email` (already trimmed) is not a plausible address, if it is not.
pub(crate) fn check_email(email: &str) -> Result<(), String> {
    let bad = |why: &str| Err(format!("email {email:?} is not valid: {why}"));
    if email.is_empty() {
        return Err("email is empty".to_owned());
    }
    if email.len() > MAX_EMAIL {
        return bad("longer than 254 characters");
    }
    let Some((local, domain)) = email.split_once('@') else {
        return bad("it has no '@'");
    };
    if domain.contains('@') {
        return bad("it has more than one '@'");
    }
    if local.is_empty() || local.len() > MAX_LOCAL {
        return bad("the part before '@' must have 1 to 64 characters");
    }
    if local
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"<>(),;:[]\\".contains(c))
    {
        return bad("the part before '@' has a space or a character such as , ; : < > \"");
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return bad("the part before '@' has a misplaced '.'");
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return bad("the domain has no '.'");
    }
    for label in labels {
        let valid = !label.is_empty()
            && label.len() <= MAX_LABEL
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c == '-' || c.is_alphanumeric());
        if !valid {
            return bad("the domain is not a valid host name");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plausible_addresses() {
        for ok in [
            "a@b.co",
            "Ada.Lovelace+hr@example.com",
            "o'brien@sub.example.co.uk",
            "jürgen@müller.de",
            "x_y-z@a-b.io",
        ] {
            assert_eq!(check_email(ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "nope",
            "a@b",
            "@b.co",
            "a@@b.co",
            "a@b@c.co",
            "a b@c.co",
            "a@b .co",
            "a@-b.co",
            "a@b..co",
            ".a@b.co",
            "a..b@c.co",
            "<a@b.co>",
            "a,b@c.co",
            "a@b.co;",
            "a@b_c.co",
        ] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
        let long_local = format!("{}@b.co", "a".repeat(65));
        assert!(check_email(&long_local).is_err());
    }

    #[test]
    fn duplicates_point_at_the_first_and_ignore_case_and_spaces() {
        let requests: Vec<InviteRequest> = ["a@b.co", "bad", " A@B.CO ", "c@d.co", "c@d.co"]
            .into_iter()
            .map(InviteRequest::new)
            .collect();
        let plan = plan_invites(&requests);
        assert_eq!(plan[0], InvitePlan::Send);
        assert!(matches!(plan[1], InvitePlan::Invalid(_)));
        assert_eq!(plan[2], InvitePlan::Duplicate(0));
        assert_eq!(plan[3], InvitePlan::Send);
        assert_eq!(plan[4], InvitePlan::Duplicate(3));
    }
}
