//! Field rules of the model, reported in the service's own words.
//!
//! The service validates requests against a JSON schema before its handlers
//! run, and its observed messages are that validator's, wrapped in brackets
//! (`[ECMA 262 regex "..." does not match input string "..."]`). Lengths and
//! patterns apply to the raw value; trimming and the "can not be empty"
//! checks come afterwards, in the operations.
//!
//! Patterns are small predicates rather than a regex engine, to keep the wasm
//! bundle small; each names the exact expression it implements.

use crate::account::error::{ApiError, FieldError};

/// A pattern of the model: the expression as the service prints it, and a
/// predicate that accepts exactly the strings it matches.
pub struct Pattern {
    pub regex: &'static str,
    pub matches: fn(&str) -> bool,
}

fn is_space(c: char) -> bool {
    // Java's \s: [ \t\n\x0B\f\r]
    matches!(c, ' ' | '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r')
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

pub const ACCOUNT_ID: Pattern = Pattern {
    regex: r"^\d{12}$",
    matches: |s| s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()),
};

pub const ACCOUNT_NAME: Pattern = Pattern {
    regex: "^[ -;=?-~]+$",
    matches: |s| !s.is_empty() && s.chars().all(|c| matches!(c, ' '..=';' | '=' | '?'..='~')),
};

pub const EMAIL_ADDRESS: Pattern = Pattern {
    regex: r"^[\s]*[\w+=.#|!&-]+@[\w.-]+\.[\w]+[\s]*$",
    matches: |s| {
        let s = s.trim_matches(is_space);
        let Some((local, domain)) = s.split_once('@') else {
            return false;
        };
        let local_ok =
            !local.is_empty() && local.chars().all(|c| is_word(c) || "+=.#|!&-".contains(c));
        // `[\w.-]+\.[\w]+`: the text after the last dot is all word
        // characters and at least one character precedes that dot.
        let domain_ok = domain.chars().all(|c| is_word(c) || c == '.' || c == '-')
            && domain.rfind('.').is_some_and(|dot| {
                let tld = &domain[dot + 1..];
                dot > 0 && !tld.is_empty() && tld.chars().all(is_word)
            });
        local_ok && domain_ok
    },
};

pub const ALTERNATE_PHONE: Pattern = Pattern {
    regex: r"^[\s0-9()+-]+$",
    matches: |s| {
        !s.is_empty()
            && s.chars()
                .all(|c| is_space(c) || c.is_ascii_digit() || "()+-".contains(c))
    },
};

pub const CONTACT_PHONE: Pattern = Pattern {
    regex: r"^[+][\s0-9()-]+$",
    matches: |s| {
        s.strip_prefix('+').is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .chars()
                    .all(|c| is_space(c) || c.is_ascii_digit() || "()-".contains(c))
        })
    },
};

pub fn too_long(value: &str, max: usize) -> String {
    format!(
        "[string \"{value}\" is too long (length: {}, maximum allowed: {max})]",
        value.chars().count()
    )
}

pub fn too_short(value: &str, min: usize) -> String {
    format!(
        "[string \"{value}\" is too short (length: {}, required minimum: {min})]",
        value.chars().count()
    )
}

pub fn missing(name: &str) -> String {
    format!("[object has missing required properties ([\"{name}\"])]")
}

/// The possible values are quoted and comma-separated without spaces, as
/// the service prints them.
pub fn not_in_enum(value: &str, allowed: &[&str]) -> String {
    let quoted: Vec<String> = allowed.iter().map(|v| format!("\"{v}\"")).collect();
    format!(
        "[instance value (\"{value}\") not found in enum (possible values: [{}])]",
        quoted.join(",")
    )
}

pub fn pattern_mismatch(pattern: &Pattern, value: &str) -> String {
    format!(
        "[ECMA 262 regex \"{}\" does not match input string \"{value}\"]",
        pattern.regex
    )
}

/// Collects every failing field of one request, so a form can mark them all.
#[derive(Default)]
pub struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    pub fn fail(&mut self, name: &str, message: String) {
        self.errors.push(FieldError::new(name, message));
    }

    /// The value of a required member, or a recorded failure.
    pub fn required<'a>(&mut self, name: &str, value: Option<&'a str>) -> Option<&'a str> {
        if value.is_none() {
            self.fail(name, missing(name));
        }
        value
    }

    /// Length and, if given, pattern; true when the value passes.
    pub fn string(
        &mut self,
        name: &str,
        value: &str,
        (min, max): (usize, usize),
        pattern: Option<&Pattern>,
    ) -> bool {
        let len = value.chars().count();
        let message = if len < min {
            Some(too_short(value, min))
        } else if len > max {
            Some(too_long(value, max))
        } else {
            pattern
                .filter(|p| !(p.matches)(value))
                .map(|p| pattern_mismatch(p, value))
        };
        match message {
            Some(m) => {
                self.fail(name, m);
                false
            }
            None => true,
        }
    }

    /// An optional member: checked only when present.
    pub fn optional(
        &mut self,
        name: &str,
        value: Option<&str>,
        bounds: (usize, usize),
        pattern: Option<&Pattern>,
    ) {
        if let Some(v) = value {
            self.string(name, v, bounds, pattern);
        }
    }

    pub fn finish(self) -> Result<(), ApiError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::fields(self.errors))
        }
    }
}

/// Validates an optional account id member (`AccountId`, or `member`).
/// The model gives it a pattern and no length bounds, so every malformed
/// id fails the pattern.
pub fn account_id(member: &str, value: Option<&str>) -> Result<(), ApiError> {
    match value {
        Some(id) if !(ACCOUNT_ID.matches)(id) => {
            Err(ApiError::field(member, pattern_mismatch(&ACCOUNT_ID, id)))
        }
        _ => Ok(()),
    }
}

/// `Otp`: `[a-zA-Z0-9]{6}`, printed anchored as the service's validator
/// prints patterns.
pub const OTP: Pattern = Pattern {
    regex: "^[a-zA-Z0-9]{6}$",
    matches: |s| s.len() == 6 && s.bytes().all(|b| b.is_ascii_alphanumeric()),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_pattern_accepts_what_the_model_accepts() {
        for ok in [
            "a@b.co",
            "  first.last+tag@example.com  ",
            "x#y|z!&=@sub-domain.example.org",
            "a@b.c.d",
            "under_score@ex_ample.c0m",
        ] {
            assert!((EMAIL_ADDRESS.matches)(ok), "{ok}");
        }
        for bad in [
            "", "a@b", "@b.co", "a@.co", "a@b.", "a@b.c-o", "a b@c.de", "a@b@c.de", "é@b.co",
            "a@b.co x",
        ] {
            assert!(!(EMAIL_ADDRESS.matches)(bad), "{bad}");
        }
    }

    #[test]
    fn phone_patterns_follow_the_model() {
        assert!((ALTERNATE_PHONE.matches)("+1 (206) 555-0100"));
        assert!(!(ALTERNATE_PHONE.matches)("555-CALL"));
        assert!((CONTACT_PHONE.matches)("+1 206-555-0100"));
        assert!(!(CONTACT_PHONE.matches)("1 206 555 0100"));
        assert!(!(CONTACT_PHONE.matches)("+"));
        assert!(!(CONTACT_PHONE.matches)("++1"));
    }

    #[test]
    fn account_name_pattern_excludes_angle_brackets_and_non_ascii() {
        assert!((ACCOUNT_NAME.matches)("Prod account #1 (EU)"));
        assert!(!(ACCOUNT_NAME.matches)("a<b"));
        assert!(!(ACCOUNT_NAME.matches)("a>b"));
        assert!(!(ACCOUNT_NAME.matches)("café"));
        assert!(!(ACCOUNT_NAME.matches)("tab\there"));
    }

    #[test]
    fn account_id_is_exactly_twelve_ascii_digits() {
        assert!((ACCOUNT_ID.matches)("123456789012"));
        assert!(!(ACCOUNT_ID.matches)("12345678901"));
        assert!(!(ACCOUNT_ID.matches)("12345678901a"));
        assert!(!(ACCOUNT_ID.matches)("١٢٣٤٥٦٧٨٩٠١٢"));
    }
}
