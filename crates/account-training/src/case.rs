//! Unicode case conversion: lowercase for case-insensitive matching (the
//! Events view's `equals-ignore-case` family and the page's search boxes),
//! uppercase for the headers of awscli's text output (Python's
//! `str.upper()`).
//!
//! In the browser it is the browser's own `String.prototype.toLowerCase`
//! and `toUpperCase`, the same Unicode default case conversion as std's
//! (full mappings: `ß` uppercases to `SS`, a final sigma lowercases to
//! `ς`): the page's wasm then carries no case tables of its own (about
//! 15 KB gzip). ASCII text, nearly all of it here, never leaves Rust.

pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        unicode_lowercase(text)
    }
}

pub fn uppercase(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_uppercase()
    } else {
        unicode_uppercase(text)
    }
}

#[cfg(target_arch = "wasm32")]
fn unicode_lowercase(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}

#[cfg(target_arch = "wasm32")]
fn unicode_uppercase(text: &str) -> String {
    js_sys::JsString::from(text).to_upper_case().into()
}

#[cfg(not(target_arch = "wasm32"))]
fn unicode_lowercase(text: &str) -> String {
    text.to_lowercase()
}

#[cfg(not(target_arch = "wasm32"))]
fn unicode_uppercase(text: &str) -> String {
    text.to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::{lowercase, uppercase};

    #[test]
    fn lowercases_ascii_and_the_rest_of_unicode() {
        assert_eq!(lowercase("Region Opt-In"), "region opt-in");
        assert_eq!(lowercase("ÉMILE Ünal"), "émile ünal");
        assert_eq!(lowercase("ΟΔΥΣΣΕΥΣ"), "οδυσσευς");
        assert_eq!(lowercase(""), "");
    }

    #[test]
    fn uppercases_as_python_does() {
        assert_eq!(uppercase("Détail3"), "DÉTAIL3");
        assert_eq!(uppercase("straße"), "STRASSE");
        assert_eq!(uppercase("AlternateContact"), "ALTERNATECONTACT");
    }
}
