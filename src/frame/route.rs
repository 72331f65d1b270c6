//! Hash routes: `#/regions?status=ENABLED&q=cape`. Hash routing keeps deep
//! links working on any static server under any sub-path without rewrites
//! (leptos_router routes on the path only; leptos-rs/leptos#2184).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    ContactInformation,
    AlternateContacts,
    Regions,
    Organization,
    Activity,
    Events,
    Console,
    Training,
    Inbox,
    Permissions,
}

impl Tab {
    pub const ALL: [Self; 10] = [
        Self::ContactInformation,
        Self::AlternateContacts,
        Self::Regions,
        Self::Organization,
        Self::Activity,
        Self::Events,
        Self::Console,
        Self::Training,
        Self::Inbox,
        Self::Permissions,
    ];

    /// The accessible name of the tab, as the UI contract fixes it.
    pub fn label(self) -> &'static str {
        match self {
            Self::ContactInformation => "Contact information",
            Self::AlternateContacts => "Alternate contacts",
            Self::Regions => "Regions",
            Self::Organization => "Organization",
            Self::Activity => "Activity",
            Self::Events => "Events",
            Self::Console => "Console",
            Self::Training => "Training",
            Self::Inbox => "Inbox",
            Self::Permissions => "Permissions",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Self::ContactInformation => "contact-information",
            Self::AlternateContacts => "alternate-contacts",
            Self::Regions => "regions",
            Self::Organization => "organization",
            Self::Activity => "activity",
            Self::Events => "events",
            Self::Console => "console",
            Self::Training => "training",
            Self::Inbox => "inbox",
            Self::Permissions => "permissions",
        }
    }

    fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.slug() == slug)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub tab: Tab,
    pub query: Vec<(String, String)>,
}

impl Route {
    pub fn new(tab: Tab) -> Self {
        Self {
            tab,
            query: Vec::new(),
        }
    }

    /// Parses `location.hash`; anything unknown is the first tab.
    pub fn parse(hash: &str) -> Self {
        let rest = hash.trim_start_matches('#').trim_start_matches('/');
        let (slug, query) = rest.split_once('?').unwrap_or((rest, ""));
        Self {
            tab: Tab::from_slug(slug).unwrap_or(Tab::ContactInformation),
            query: form_urlencoded::parse(query.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .filter(|(_, v)| !v.is_empty())
                .collect(),
        }
    }

    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The same route with one parameter set (or removed when empty).
    pub fn with(&self, name: &str, value: &str) -> Self {
        let mut query: Vec<_> = self
            .query
            .iter()
            .filter(|(k, _)| k != name)
            .cloned()
            .collect();
        if !value.is_empty() {
            query.push((name.into(), value.into()));
        }
        query.sort();
        Self {
            tab: self.tab,
            query,
        }
    }

    pub fn href(&self) -> String {
        let mut href = format!("#/{}", self.tab.slug());
        if !self.query.is_empty() {
            let query = form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&self.query)
                .finish();
            href.push('?');
            href.push_str(&query);
        }
        href
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tabs_and_query() {
        let r = Route::parse("#/regions?status=ENABLED&q=cape%20town");
        assert_eq!(r.tab, Tab::Regions);
        assert_eq!(r.param("status"), Some("ENABLED"));
        assert_eq!(r.param("q"), Some("cape town"));
        assert_eq!(Route::parse("").tab, Tab::ContactInformation);
        assert_eq!(Route::parse("#/nowhere").tab, Tab::ContactInformation);
    }

    #[test]
    fn every_tab_round_trips_through_its_slug() {
        for tab in Tab::ALL {
            assert_eq!(Route::parse(&Route::new(tab).href()).tab, tab);
        }
    }

    #[test]
    fn href_round_trips_awkward_values() {
        let r = Route::new(Tab::AlternateContacts)
            .with("type", "BILLING")
            .with("q", "a&b=c #d");
        assert_eq!(Route::parse(&r.href()), r);
        assert_eq!(r.with("q", "").param("q"), None);
    }
}
