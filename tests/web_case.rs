//! The case conversion behind the search boxes, the Events view's
//! ignore-case matching and awscli's text headers, which the page takes
//! from the browser: it must agree with std's, the one the native tests
//! check. Natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use account_training::case::{lowercase, uppercase};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_browsers_case_conversion_agrees_with_std() {
    for text in [
        "Region Opt-In Status Change",
        "ÉMILE Ünal",
        "ΟΔΥΣΣΕΥΣ",
        "İstanbul",
        "ǅemal ǈuba",
        "ẞ SS",
        "straße Détail3",
    ] {
        assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
        assert_eq!(uppercase(text), text.to_uppercase(), "{text}");
    }
}
