//! The frame every view of the page sits in: the header with `Acting as`,
//! the heading, the tablist and the panel. The app fills it with the live
//! select, banners and the selected tab; the prerender binary renders the
//! same component with a disabled select and a skeleton, so the first HTML
//! and the app's first render have the same geometry.

use leptos::prelude::*;

use crate::frame::nav::Nav;
use crate::frame::route::{Route, Tab};
use crate::widgets::focus::focus_id;

pub fn tab_id(tab: Tab) -> String {
    format!("tab-{}", tab.slug())
}

fn focus_tab(tab: Tab) {
    if let Some(element) = focus_id(&tab_id(tab)) {
        element.click();
    }
}

/// Scrolls the tab bar (not the page) so the selected tab is in view: on a
/// narrow screen the bar scrolls sideways, and a deep link or a hash change
/// from a link in a panel could otherwise select a tab no one can see.
fn reveal_tab(tablist: &web_sys::HtmlElement, tab: Tab) {
    let Some(selected) = document().get_element_by_id(&tab_id(tab)) else {
        return;
    };
    let bar = tablist.get_bounding_client_rect();
    let shown = selected.get_bounding_client_rect();
    let off_left = shown.left() - bar.left();
    let off_right = shown.right() - bar.right();
    if off_left < 0.0 {
        tablist.set_scroll_left(tablist.scroll_left() + off_left.floor() as i32);
    } else if off_right > 0.0 {
        tablist.set_scroll_left(tablist.scroll_left() + off_right.ceil() as i32);
    }
}

/// A plain click on a tab goes there through `Nav`; a click with a modifier
/// or another button (a new tab or window) is left to the link.
fn on_tab_click(ev: web_sys::MouseEvent, nav: Option<Nav>, tab: Tab) {
    let plain =
        ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
    if let Some(nav) = nav.filter(|_| plain && !ev.default_prevented()) {
        ev.prevent_default();
        nav.go(tab);
    }
}

/// Arrow keys, Home and End move between tabs, as the ARIA tabs pattern
/// asks.
fn on_tab_key(ev: web_sys::KeyboardEvent, current: Tab) {
    let index = Tab::ALL.iter().position(|t| *t == current).unwrap_or(0);
    let last = Tab::ALL.len() - 1;
    let next = match ev.key().as_str() {
        "ArrowRight" => {
            if index == last {
                0
            } else {
                index + 1
            }
        }
        "ArrowLeft" => {
            if index == 0 {
                last
            } else {
                index - 1
            }
        }
        "Home" => 0,
        "End" => last,
        _ => return,
    };
    ev.prevent_default();
    focus_tab(Tab::ALL[next]);
}

/// A tab's panel before its content is built: the tab's heading and grey
/// lines, never its empty state, which would be wrong for anyone with saved
/// data. The prerendered frame shows it (titled by index.html's script after
/// a deep link's tab), and so does the app's first frame, which builds the
/// tab in the task after it, in the same geometry.
pub fn panel_skeleton(tab: Tab) -> AnyView {
    view! {
        <div class="skeleton" aria-busy="true">
            <div class="toolbar"><span class="skeleton-bar field"></span></div>
            <div class="card">
                <div class="card-header"><h2>{tab.label()}</h2></div>
                <span class="skeleton-bar"></span>
                <span class="skeleton-bar"></span>
                <span class="skeleton-bar short"></span>
            </div>
        </div>
    }
    .into_any()
}

/// The page's frame. `select` is the `Acting as` control (its label is the
/// frame's), `banners` what is said above the heading, `panel` the selected
/// tab's content, re-run when what it reads changes. Tabs are links to their
/// deep links, so they work as links before the app (or without it).
///
/// A function of erased views, not a generic component: under
/// `erase_components` the view macro erases a `{move || …}` written in place
/// through one shared function per output type, but a closure or view passed
/// in generically gets render code of its own type. Generic slots made the
/// wasm 692 bytes (gzip) larger than the frame inside the app; `AnyView`s
/// and the panel's closure written here, 191 bytes.
pub fn frame<P>(tab: Memo<Tab>, select: AnyView, banners: AnyView, panel: P) -> impl IntoView
where
    P: Fn() -> AnyView + Send + Sync + 'static,
{
    let tablist = NodeRef::<leptos::html::Nav>::new();
    // Absent when prerendered, where the tabs stay plain links.
    let nav = use_context::<Nav>();
    // Read in the next frame's callbacks, the geometry costs the layout that
    // frame does anyway; read in the click's task, it forced one of its own.
    Effect::new(move |_| {
        let shown = tab.get();
        if let Some(tablist) = tablist.get() {
            request_animation_frame(move || reveal_tab(&tablist, shown));
        }
    });
    let tabs = Tab::ALL
        .into_iter()
        .map(|t| {
            let selected = move || tab.get() == t;
            view! {
                <a
                    role="tab"
                    id=tab_id(t)
                    href=Route::new(t).href()
                    aria-controls="panel"
                    aria-selected=move || if selected() { "true" } else { "false" }
                    tabindex=move || if selected() { "0" } else { "-1" }
                    class="tab"
                    on:keydown=move |ev| on_tab_key(ev, t)
                    on:click=move |ev| on_tab_click(ev, nav, t)
                >
                    {t.label()}
                </a>
            }
        })
        .collect_view();
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true"></span>
                <span>"Account Management"</span>
                <span class="pill">"Sandbox"</span>
            </div>
            <div class="acting-as">
                <label for="acting-as">"Acting as"</label>
                {select}
            </div>
        </header>
        <main class="page">
            {banners}
            <h1>"Account"</h1>
            <nav role="tablist" aria-label="Account settings" class="tabs" node_ref=tablist>{tabs}</nav>
            <section role="tabpanel" id="panel" class="panel" tabindex="-1"
                aria-labelledby=move || tab_id(tab.get())>
                {move || panel()}
            </section>
        </main>
    }
}
