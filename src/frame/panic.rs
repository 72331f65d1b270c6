//! A panic replaces the page with a panel that says what went wrong,
//! instead of leaving a page that silently stopped responding.

pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panel(&info.to_string());
    }));
}

fn show_panel(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let build = || -> Result<web_sys::Element, wasm_bindgen::JsValue> {
        let panel = document.create_element("section")?;
        panel.set_attribute("role", "alert")?;
        panel.set_class_name("panic-panel");
        let heading = document.create_element("h1")?;
        heading.set_text_content(Some("The sandbox stopped because of an error"));
        let detail = document.create_element("pre")?;
        detail.set_text_content(Some(message));
        let hint = document.create_element("p")?;
        hint.set_text_content(Some(
            "Your saved state is still in this browser. Reloading the page starts the sandbox again.",
        ));
        let reload = document.create_element("a")?;
        reload.set_attribute("href", "")?;
        reload.set_text_content(Some("Reload the page"));
        for child in [&heading, &detail, &hint, &reload] {
            panel.append_child(child)?;
        }
        Ok(panel)
    };
    if let Ok(panel) = build() {
        body.set_text_content(None);
        let _ = body.append_child(&panel);
    }
}
