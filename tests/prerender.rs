//! The prerendered frame (`make dist` writes it into dist/index.html): the
//! tablist with every tab as a link to its deep link, the JavaScript line,
//! and nothing a returning user's saved state could contradict.
#![cfg(not(target_arch = "wasm32"))]

use account_sandbox::frame::prerender::{frame_html, into_page, PrerenderError, NEEDS_JAVASCRIPT};
use account_sandbox::frame::route::{Route, Tab};

/// The text of the HTML with its tags left out.
fn text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn the_frame_has_the_tablist_with_every_tab_linked_to_its_deep_link() {
    let html = frame_html();
    assert!(html.contains(r#"role="tablist""#), "{html}");
    assert!(html.contains(r#"aria-label="Account settings""#), "{html}");
    for tab in Tab::ALL {
        let link = format!(r#"href="{}""#, Route::new(tab).href());
        assert!(html.contains(&link), "no {link} in {html}");
        assert!(
            html.contains(&format!(">{}</a>", tab.label())),
            "no tab named {} in {html}",
            tab.label()
        );
    }
    assert_eq!(html.matches(r#"role="tab""#).count(), Tab::ALL.len());
    assert_eq!(html.matches(r#"aria-selected="true""#).count(), 1);
    assert!(html.contains(r#"id="tab-contact-information""#));
    assert!(html.contains(r#"role="tabpanel""#));
    assert!(html.contains(r#"aria-labelledby="tab-contact-information""#));
}

#[test]
fn the_frame_says_that_the_sandbox_needs_javascript_in_a_paragraph_of_its_own() {
    let html = frame_html();
    // A real element (the stylesheet shows it only when scripting is off),
    // not <noscript> content, which Chromium under Playwright's JavaScript-off
    // mode parses as markup but never lays out.
    let line = format!(r#"<p class="banner warning needs-javascript">{NEEDS_JAVASCRIPT}</p>"#);
    assert!(html.contains(&line), "{html}");
    assert!(!html.contains("<noscript"), "{html}");
}

#[test]
fn the_frame_holds_no_user_data_and_no_empty_state() {
    let html = frame_html();
    let text = text(&html);
    // No account id, ARN or e-mail address: Acting as is an empty, disabled select.
    let digits = text
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    assert!(digits < 12, "an account id in {text}");
    for forbidden in ["arn:aws", "@", "<option", "Root user"] {
        assert!(!html.contains(forbidden), "{forbidden} in {html}");
    }
    assert!(
        html.contains(r#"<select id="acting-as" disabled"#),
        "{html}"
    );
    // No empty-state line of any tab: they are wrong for a returning user.
    for empty in [
        "No contact information",
        "No alternate contacts",
        "No messages yet",
        "No events",
        "No results yet",
        "No tags",
        "No policies attached",
        "Create",
    ] {
        assert!(!text.contains(empty), "{empty:?} in {text}");
    }
    assert!(html.contains(r#"class="skeleton""#), "{html}");
}

#[test]
fn the_frame_goes_at_the_start_of_the_body() {
    let page = into_page("<html><head></head><body class=\"x\">\n<script></script></body></html>")
        .unwrap();
    let frame = frame_html();
    assert!(
        page.starts_with(&format!(
            "<html><head></head><body class=\"x\">{frame}\n<script>"
        )),
        "{page}"
    );
    assert_eq!(into_page("<html></html>"), Err(PrerenderError::NoBody));
}
