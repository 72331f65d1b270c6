//! The Regions tab's markup drawn by Leptos with nothing else: the lower
//! bound of any Leptos client-side page showing it.

use leptos::prelude::*;

/// The 34 regions of `shared/spec/regions.json`, written out so that the page
/// carries no JSON parser: the floor should be as low as it can be.
const REGIONS: [(&str, &str, bool); 34] = [
    ("af-south-1", "Africa (Cape Town)", false),
    ("ap-east-1", "Asia Pacific (Hong Kong)", false),
    ("ap-east-2", "Asia Pacific (Taipei)", false),
    ("ap-northeast-1", "Asia Pacific (Tokyo)", true),
    ("ap-northeast-2", "Asia Pacific (Seoul)", true),
    ("ap-northeast-3", "Asia Pacific (Osaka)", true),
    ("ap-south-1", "Asia Pacific (Mumbai)", true),
    ("ap-south-2", "Asia Pacific (Hyderabad)", false),
    ("ap-southeast-1", "Asia Pacific (Singapore)", true),
    ("ap-southeast-2", "Asia Pacific (Sydney)", true),
    ("ap-southeast-3", "Asia Pacific (Jakarta)", false),
    ("ap-southeast-4", "Asia Pacific (Melbourne)", false),
    ("ap-southeast-5", "Asia Pacific (Malaysia)", false),
    ("ap-southeast-6", "Asia Pacific (New Zealand)", false),
    ("ap-southeast-7", "Asia Pacific (Thailand)", false),
    ("ca-central-1", "Canada (Central)", true),
    ("ca-west-1", "Canada West (Calgary)", false),
    ("eu-central-1", "Europe (Frankfurt)", true),
    ("eu-central-2", "Europe (Zurich)", false),
    ("eu-north-1", "Europe (Stockholm)", true),
    ("eu-south-1", "Europe (Milan)", false),
    ("eu-south-2", "Europe (Spain)", false),
    ("eu-west-1", "Europe (Ireland)", true),
    ("eu-west-2", "Europe (London)", true),
    ("eu-west-3", "Europe (Paris)", true),
    ("il-central-1", "Israel (Tel Aviv)", false),
    ("me-central-1", "Middle East (UAE)", false),
    ("me-south-1", "Middle East (Bahrain)", false),
    ("mx-central-1", "Mexico (Central)", false),
    ("sa-east-1", "South America (São Paulo)", true),
    ("us-east-1", "US East (N. Virginia)", true),
    ("us-east-2", "US East (Ohio)", true),
    ("us-west-1", "US West (N. California)", true),
    ("us-west-2", "US West (Oregon)", true),
];

const TABS: [&str; 8] = [
    "Contact information",
    "Alternate contacts",
    "Regions",
    "Organization",
    "Activity",
    "Events",
    "Console",
    "Training",
];

fn status(default: bool) -> &'static str {
    if default {
        "ENABLED_BY_DEFAULT"
    } else {
        "DISABLED"
    }
}

#[component]
fn Page() -> impl IntoView {
    let selected = RwSignal::new(2);
    let search = RwSignal::new(String::new());
    let tabs = TABS
        .iter()
        .enumerate()
        .map(|(i, label)| {
            view! {
                <a role="tab" class="tab" href="#/regions"
                    aria-selected=move || if selected.get() == i { "true" } else { "false" }
                    on:click=move |_| selected.set(i)>
                    {*label}
                </a>
            }
        })
        .collect_view();
    let rows = move || {
        let needle = search.get().to_ascii_lowercase();
        REGIONS
            .iter()
            .filter(|(code, name, _)| code.contains(&needle) || name.to_ascii_lowercase().contains(&needle))
            .map(|&(code, name, default)| {
                let button = (!default).then(|| {
                    view! { <button type="button" class="button small primary" aria-label=format!("Enable {code}")>"Enable"</button> }
                });
                view! {
                    <tr>
                        <td class="mono">{code}</td>
                        <td>{name}</td>
                        <td><span class="status">{status(default)}</span></td>
                        <td class="row-actions">{button}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <header class="topbar">
            <div class="brand"><span>"Account Management"</span><span class="pill">"Sandbox"</span></div>
            <label>"Acting as" <select><option>"Sandbox account"</option></select></label>
        </header>
        <main class="page">
            <h1>"Account"</h1>
            <nav role="tablist" aria-label="Account settings" class="tabs">{tabs}</nav>
            <section role="tabpanel" class="panel">
                <div class="card">
                    <h2>"Regions"</h2>
                    <label for="search-regions">"Search"</label>
                    <input id="search-regions" type="search" on:input=move |ev| search.set(event_target_value(&ev)) />
                    <table>
                        <thead><tr><th scope="col">"Region"</th><th scope="col">"Name"</th><th scope="col">"Status"</th><th scope="col"></th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(Page);
}
