//! Unicode lowercase for case-insensitive matching (the Events view's
//! `equals-ignore-case` family and the page's search boxes).
//!
//! In the browser it is the browser's own `String.prototype.toLowerCase`,
//! the same Unicode default case conversion as `str::to_lowercase`: the
//! page's wasm then carries no case tables of its own (about 8 KB gzip).
//! ASCII text, nearly all of it here, never leaves Rust.

pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        unicode_lowercase(text)
    }
}

#[cfg(target_arch = "wasm32")]
fn unicode_lowercase(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}

#[cfg(not(target_arch = "wasm32"))]
fn unicode_lowercase(text: &str) -> String {
    text.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::lowercase;

    #[test]
    fn lowercases_ascii_and_the_rest_of_unicode() {
        assert_eq!(lowercase("Region Opt-In"), "region opt-in");
        assert_eq!(lowercase("ÉMILE Ünal"), "émile ünal");
        assert_eq!(lowercase("ΟΔΥΣΣΕΥΣ"), "οδυσσευς");
        assert_eq!(lowercase(""), "");
    }
}
