//! Focus handed to an element named by its id: back to the button that
//! opened a closed panel, to a tab moved to with the keys, to the tab that
//! was focused in the prerendered frame. The element may be gone (a
//! windowed row scrolled away), so nothing is focused then.

use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// Focuses the element with this id if the page has it, and returns it.
pub fn focus_id(id: &str) -> Option<web_sys::HtmlElement> {
    let element = document()
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    let _ = element.focus();
    Some(element)
}
