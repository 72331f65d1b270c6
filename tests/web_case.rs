//! The lowercase behind the search boxes and the Events view's ignore-case
//! matching, which the page takes from the browser: it must agree with
//! std's Unicode lowercase, the one the native tests check. Natively this
//! file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use account_training::case::lowercase;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_browsers_lowercase_agrees_with_std() {
    for text in [
        "Region Opt-In Status Change",
        "ÉMILE Ünal",
        "ΟΔΥΣΣΕΥΣ",
        "İstanbul",
        "ǅemal ǈuba",
        "ẞ SS",
    ] {
        assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
    }
}
