//! `?scenario=<slug>` in the page's URL loads a scenario, so a docs page can
//! link straight into an exercise. The state it replaces is kept as the
//! backup, never dropped silently.

use crate::client::chunks::{NotLoaded, Protocols};
use crate::client::Sandbox;
use crate::training::scenarios::Scenario;

/// What loading a linked scenario did, for a banner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Linked {
    pub scenario: Option<Scenario>,
    pub slug: String,
    pub backed_up: bool,
    pub error: Option<String>,
}

/// Reads and removes the `scenario` query parameter, so a reload does not
/// load the scenario again over the person's work.
pub fn take() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let search = location.search().ok()?;
    let slug = form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
        .find(|(k, _)| k == "scenario")
        .map(|(_, v)| v.into_owned())?;
    let rest: Vec<(String, String)> =
        form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
            .filter(|(k, _)| k != "scenario")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
    let mut url = location.pathname().unwrap_or_default();
    if !rest.is_empty() {
        url.push('?');
        url.push_str(
            &form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&rest)
                .finish(),
        );
    }
    url.push_str(&location.hash().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    Some(slug)
}

/// Loads the linked scenario with the `protocols` chunk `protocols` holds
/// (its fetch may have failed, and then nothing changes).
pub fn load(sandbox: &Sandbox, protocols: Result<Protocols, NotLoaded>, slug: String) -> Linked {
    let Some(scenario) = Scenario::from_slug(&slug) else {
        return Linked {
            scenario: None,
            slug,
            backed_up: false,
            error: Some("no such scenario".into()),
        };
    };
    let protocols = match protocols {
        Ok(protocols) => protocols,
        Err(error) => {
            return Linked {
                scenario: Some(scenario),
                slug,
                backed_up: false,
                error: Some(error.to_string()),
            }
        }
    };
    let backed_up = sandbox.keep_backup(&sandbox.export()).is_ok();
    let error = scenario
        .apply(protocols, sandbox)
        .err()
        .map(|e| e.to_string());
    Linked {
        scenario: Some(scenario),
        slug,
        backed_up,
        error,
    }
}
