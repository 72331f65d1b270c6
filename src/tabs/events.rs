//! The Events tab: the Region Opt-In Status Change events the engine
//! emitted, newest first, as EventBridge delivers them, filtered by an
//! event pattern kept in the URL (`#/events?pattern=...`).

use account_engine::events::Event;
use account_training::{EventPattern, PatternError};
use leptos::prelude::*;

use crate::client::Sandbox;
use crate::frame::nav::Nav;

const PATTERN_ID: &str = "event-pattern";
const HINT_ID: &str = "event-pattern-hint";
const ERROR_ID: &str = "event-pattern-error";

/// An empty box means every event.
fn read_pattern(text: &str) -> Result<Option<EventPattern>, PatternError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        text.parse().map(Some)
    }
}

#[component]
fn EventView(event: Event) -> impl IntoView {
    let json = account_engine::pretty::indent(&serde_json::to_string(&event).unwrap_or_default());
    view! {
        <div role="listitem" class="entry">
            <p class="meta">
                <time>{event.time.clone()}</time>
                {format!(
                    " · {} {} · account {}",
                    event.detail.region_name,
                    event.detail.status.as_str(),
                    event.detail.account_id
                )}
            </p>
            <pre class="code">{json}</pre>
        </div>
    }
}

#[component]
pub fn EventsTab() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let nav = expect_context::<Nav>();
    let text = Memo::new(move |_| nav.param("pattern"));
    let parsed = Memo::new(move |_| read_pattern(&text.get()));
    // While the box holds an invalid pattern the list keeps the last valid
    // one's filter, so a half-typed pattern does not empty it.
    let applied = Memo::new(
        move |previous: Option<&Option<EventPattern>>| match parsed.get() {
            Ok(pattern) => pattern,
            Err(_) => previous.cloned().flatten(),
        },
    );
    let events = Memo::new(move |_| sandbox.events());
    let shown = Memo::new(move |_| {
        applied.with(|pattern| {
            events
                .get()
                .into_iter()
                .filter(|e| pattern.as_ref().is_none_or(|p| p.matches_event(e)))
                .collect::<Vec<_>>()
        })
    });
    let error = move || parsed.with(|p| p.as_ref().err().map(ToString::to_string));

    view! {
        <div class="card">
            <div class="card-header">
                <h2>"Events"</h2>
            </div>
            <p class="hint">"Region Opt-In Status Change events (source aws.account), newest first, as EventBridge delivers them to rules."</p>
            <div class="field" class:invalid=move || error().is_some()>
                <label for=PATTERN_ID>"Event pattern"</label>
                <textarea
                    id=PATTERN_ID
                    class="mono pattern"
                    rows="4"
                    spellcheck="false"
                    aria-invalid=move || error().map(|_| "true")
                    aria-describedby=move || match error() {
                        Some(_) => format!("{ERROR_ID} {HINT_ID}"),
                        None => HINT_ID.to_owned(),
                    }
                    prop:value=move || text.get()
                    on:input=move |ev| nav.set_param("pattern", &event_target_value(&ev))
                ></textarea>
                {move || error().map(|message| view! { <p class="field-error" id=ERROR_ID>{message}</p> })}
                <p class="hint" id=HINT_ID>
                    "An EventBridge event pattern in JSON, e.g. "
                    <code>{r#"{"detail": {"status": ["ENABLED"]}}"#}</code>
                    " or "
                    <code>{r#"{"detail": {"regionName": [{"prefix": "ap-"}]}}"#}</code>
                    ". Empty shows every event."
                </p>
            </div>
            <p class="summary">
                {move || format!("Showing {} of {} events.", shown.with(Vec::len), events.with(Vec::len))}
            </p>
            <div class="entries" role="list" aria-label="Events">
                {move || {
                    let shown = shown.get();
                    if shown.is_empty() {
                        view! { <p class="empty-row">"No events. Enabling or disabling a Region emits them."</p> }.into_any()
                    } else {
                        shown.into_iter().map(|event| view! { <EventView event /> }).collect_view().into_any()
                    }
                }}
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use account_engine::model::RegionOptStatus;

    fn event(status: RegionOptStatus) -> Event {
        Event::region_change(
            "id".into(),
            "000000000000",
            "2026-01-01T00:00:00Z".into(),
            "000000000000",
            "af-south-1",
            status,
        )
    }

    #[test]
    fn an_empty_box_matches_everything_and_a_pattern_filters() {
        assert_eq!(read_pattern("  \n"), Ok(None));
        let pattern = read_pattern(r#"{"detail": {"status": [{"prefix": "ENABL"}]}}"#)
            .unwrap()
            .unwrap();
        assert!(pattern.matches_event(&event(RegionOptStatus::Enabling)));
        assert!(!pattern.matches_event(&event(RegionOptStatus::Disabled)));
    }

    #[test]
    fn bad_json_and_invalid_patterns_are_errors_in_eventbridge_words() {
        let bad_json = read_pattern("{\"detail\":").unwrap_err().to_string();
        assert!(bad_json
            .starts_with("Event pattern is not valid. Reason: the pattern is not valid JSON"));
        let invalid = read_pattern(r#"{"detail": {"status": []}}"#).unwrap_err();
        assert_eq!(invalid.path, "detail.status");
    }
}
