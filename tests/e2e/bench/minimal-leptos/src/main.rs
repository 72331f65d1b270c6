//! The Regions tab's markup drawn by Leptos with nothing else: the lower
//! bound of any Leptos client-side page showing it.

use account_engine::catalog;
use leptos::prelude::*;

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
        let needle = search.get().to_lowercase();
        catalog::regions()
            .iter()
            .filter(|r| r.code.contains(&needle) || r.name.to_lowercase().contains(&needle))
            .map(|r| {
                let button = (!r.default).then(|| {
                    view! { <button type="button" class="button small primary" aria-label=format!("Enable {}", r.code)>"Enable"</button> }
                });
                view! {
                    <tr>
                        <td class="mono">{r.code.clone()}</td>
                        <td>{r.name.clone()}</td>
                        <td><span class="status">{status(r.default)}</span></td>
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
