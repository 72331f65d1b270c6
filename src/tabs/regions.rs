//! The Regions tab: every region with its status, filterable, with
//! Enable/Disable for opt-in regions. Rows in ENABLING or DISABLING show a
//! progress bar and turn by themselves when the engine completes them.

use account_engine::model::output::ListRegions;
use account_engine::model::{Region, RegionOptStatus};
use account_engine::Operation;
use leptos::prelude::*;
use serde_json::json;

use crate::client::Sandbox;
use crate::frame::accounts::AccountPicker;
use crate::frame::nav::Nav;
use crate::frame::settings::{Settings, Speed};
use crate::widgets::announce::Announcer;
use crate::widgets::filters::{region_matches, region_name};

/// Every region of the account, reading all pages.
fn all_regions(sandbox: &Sandbox) -> Vec<Region> {
    let mut regions = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut input = json!({ "MaxResults": 50 });
        if let Some(t) = &token {
            input["NextToken"] = t.clone().into();
        }
        match sandbox.query::<ListRegions>(Operation::ListRegions, input) {
            Ok(page) => {
                regions.extend(page.regions);
                token = page.next_token;
                if token.is_none() {
                    return regions;
                }
            }
            Err(_) => return regions,
        }
    }
}

#[component]
pub fn RegionsTab() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let announcer = expect_context::<Announcer>();
    let nav = expect_context::<Nav>();
    let settings = expect_context::<RwSignal<Settings>>();

    let regions = Memo::new(move |_| {
        sandbox.track();
        all_regions(&sandbox)
    });
    let status_filter = Memo::new(move |_| nav.param("status"));
    let search = Memo::new(move |_| nav.param("q"));
    let visible = Memo::new(move |_| {
        let status = status_filter.get();
        let search = search.get();
        regions
            .get()
            .into_iter()
            .filter(|r| status.is_empty() || r.region_opt_status.as_str() == status)
            .filter(|r| region_matches(&r.region_name, &search))
            .collect::<Vec<_>>()
    });

    let change = move |operation: Operation, code: String| match sandbox
        .run(operation, json!({ "RegionName": code }))
    {
        Ok(()) => {
            let verb = if operation == Operation::EnableRegion {
                "Enabling"
            } else {
                "Disabling"
            };
            announcer.success(format!("{verb} {code} ({}).", region_name(&code)));
        }
        Err(error) => announcer.failure(&error),
    };

    let row = move |region: Region| {
        let code = region.region_name;
        let status = region.region_opt_status;
        let action = match status {
            RegionOptStatus::EnabledByDefault => None,
            RegionOptStatus::Disabled | RegionOptStatus::Enabling => {
                Some((Operation::EnableRegion, "Enable"))
            }
            RegionOptStatus::Enabled | RegionOptStatus::Disabling => {
                Some((Operation::DisableRegion, "Disable"))
            }
        };
        let button = action.map(|(operation, verb)| {
            let target = code.clone();
            view! {
                <button type="button" class="button small"
                    class:primary=operation == Operation::EnableRegion
                    class:secondary=operation == Operation::DisableRegion
                    aria-label=format!("{verb} {code}")
                    disabled=status.is_transitional()
                    on:click=move |_| change(operation, target.clone())>
                    {verb}
                </button>
            }
        });
        let progress = status.is_transitional().then(|| {
            let label = format!(
                "{} {code}",
                if status == RegionOptStatus::Enabling {
                    "Enabling"
                } else {
                    "Disabling"
                }
            );
            view! { <progress class="progress" aria-label=label></progress> }
        });
        let status_class = format!(
            "status status-{}",
            status.as_str().to_ascii_lowercase().replace('_', "-")
        );
        view! {
            <tr>
                <td class="mono">{code.clone()}</td>
                <td>{region_name(&code)}</td>
                <td><span class=status_class>{status.as_str()}</span>{progress}</td>
                <td class="row-actions">{button}</td>
            </tr>
        }
    };

    let counts = move || {
        let regions = regions.get();
        let enabled = regions
            .iter()
            .filter(|r| {
                matches!(
                    r.region_opt_status,
                    RegionOptStatus::Enabled | RegionOptStatus::EnabledByDefault
                )
            })
            .count();
        format!("{enabled} of {} enabled", regions.len())
    };

    view! {
        <div class="card">
            <div class="card-header">
                <h2>"Regions" <span class="count">{counts}</span></h2>
                <div class="field inline">
                    <label for="speed">"Transition speed"</label>
                    <select id="speed"
                        prop:value=move || settings.get().speed.as_str()
                        on:change=move |ev| {
                            if let Some(speed) = Speed::parse(&event_target_value(&ev)) {
                                settings.update(|s| s.speed = speed);
                            }
                        }>
                        {Speed::ALL.map(|s| view! { <option value=s.as_str()>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <p class="hint">"Opt-in regions start DISABLED. Enabling takes a while; the row updates by itself when it is done."</p>
            <div class="toolbar">
                <AccountPicker />
                <div class="field inline">
                    <label for="filter-status">"Filter by status"</label>
                    <select id="filter-status" prop:value=move || status_filter.get()
                        on:change=move |ev| nav.set_param("status", &event_target_value(&ev))>
                        <option value="">"All statuses"</option>
                        {RegionOptStatus::ALL.map(|s| view! { <option value=s.as_str()>{s.as_str()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field inline grow">
                    <label for="search-regions">"Search"</label>
                    <input id="search-regions" type="search" placeholder="Code or name"
                        prop:value=move || search.get()
                        on:input=move |ev| nav.set_param("q", &event_target_value(&ev)) />
                </div>
            </div>
            <div class="table-wrap">
                <table>
                    <caption class="visually-hidden">"Regions"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Region"</th>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let visible = visible.get();
                            if visible.is_empty() {
                                view! { <tr><td colspan="4" class="empty-row">"No regions match the filter"</td></tr> }.into_any()
                            } else {
                                visible.into_iter().map(row).collect_view().into_any()
                            }
                        }}
                    </tbody>
                </table>
            </div>
        </div>
    }
}
