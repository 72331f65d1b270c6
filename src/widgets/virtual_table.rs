//! A table that renders only the rows in view, so thousands of accounts
//! scroll smoothly. Rows have a fixed height; spacers stand for the rest,
//! and `aria-rowcount`/`aria-rowindex` tell assistive technology the
//! whole size.

use std::sync::Arc;

use leptos::prelude::*;

use crate::frame::paint::after_next_paint;

const ROW_HEIGHT: i32 = 40;
const VIEW_HEIGHT: i32 = 440;
/// Rows rendered beyond the visible ones, above and below.
const OVERSCAN: i32 = 6;

/// A last column of controls, one cell per row, built from the row's first
/// cell (its key); `None` leaves the cell empty.
#[derive(Clone, Copy)]
pub struct RowAction {
    pub header: &'static str,
    pub cell: Callback<String, Option<AnyView>>,
}

/// The rows to render for a scroll position: `first..last` of `total`,
/// the overscan on each side only where there are rows (at the top, none
/// above).
pub fn window(scroll_top: i32, total: usize) -> (usize, usize) {
    let (top, end) = in_view(scroll_top, total);
    let first = top.saturating_sub(OVERSCAN as usize);
    let last = (end + OVERSCAN as usize).min(total);
    (first, last.max(first))
}

/// The rows the view shows at a scroll position, without overscan.
fn in_view(scroll_top: i32, total: usize) -> (usize, usize) {
    let top = ((scroll_top / ROW_HEIGHT).max(0) as usize).min(total);
    let end = (top + (VIEW_HEIGHT / ROW_HEIGHT) as usize).min(total);
    (top, end)
}

#[component]
pub fn VirtualTable<R>(
    /// The table's caption, which is also its accessible name.
    label: &'static str,
    columns: &'static [&'static str],
    /// Shared, so a list kept above the tab is shown without a copy.
    #[prop(into)]
    rows: Signal<Arc<Vec<R>>>,
    /// A row's cells, the first its key; built only for the rows in view,
    /// so a list of thousands costs its rows, not their text.
    cells: Callback<R, Vec<String>>,
    /// Shown in place of rows when there are none.
    empty: &'static str,
    #[prop(optional)] action: Option<RowAction>,
) -> impl IntoView
where
    R: Clone + Send + Sync + 'static,
{
    let width = columns.len() + usize::from(action.is_some());
    let scroll_top = RwSignal::new(0);
    let spacer = |rows: usize| {
        view! { <tr class="spacer" aria-hidden="true" style=format!("height: {}px", rows as i32 * ROW_HEIGHT)></tr> }
    };
    // The first frame builds only the rows in view; the overscan below
    // them follows after that frame is drawn, when scrolling could begin.
    let settled = RwSignal::new(false);
    after_next_paint(move || {
        let _ = settled.try_set(true);
    });
    let row_view = move |index: usize, row: R| {
        // Each row follows what its cells read (the member table's read
        // the state) on its own, so a change redraws the cells that
        // differ, not every row.
        let texts = Memo::new(move |_| cells.run(row.clone()));
        let control = action.map(|a| {
            let key = texts
                .with_untracked(|c| c.first().cloned())
                .unwrap_or_default();
            view! { <td class="row-actions">{a.cell.run(key)}</td> }
        });
        let tds = move || {
            texts
                .get()
                .into_iter()
                .map(|c| {
                    let title = c.clone();
                    view! { <td title=title>{c}</td> }
                })
                .collect_view()
        };
        view! {
            <tr aria-rowindex=index + 2 style=format!("height: {ROW_HEIGHT}px")>
                {tds}
                {control}
            </tr>
        }
    };
    let body = move || {
        rows.with(|rows| {
            if rows.is_empty() {
                return view! { <tr><td colspan=width class="empty-row">{empty}</td></tr> }
                    .into_any();
            }
            let top = scroll_top.get();
            let (first, last) = window(top, rows.len());
            // The window holds the view: first <= its top <= its end <= last.
            let (_, in_view) = in_view(top, rows.len());
            let seen = (first..in_view)
                .map(|at| row_view(at, rows[at].clone()))
                .collect_view();
            let below = rows[in_view..last].to_vec();
            let total = rows.len();
            let overscan = move || {
                settled.get().then(|| {
                    below
                        .iter()
                        .enumerate()
                        .map(|(i, row)| row_view(in_view + i, row.clone()))
                        .collect_view()
                })
            };
            let after = move || total - if settled.get() { last } else { in_view };
            view! {
                {spacer(first)}
                {seen}
                {overscan}
                <tr class="spacer" aria-hidden="true" style=move || format!("height: {}px", after() as i32 * ROW_HEIGHT)></tr>
            }
            .into_any()
        })
    };
    view! {
        <div
            class="virtual-table"
            style=format!("max-height: {VIEW_HEIGHT}px")
            tabindex="0"
            role="region"
            aria-label=label
            on:scroll=move |ev| scroll_top.set(event_target::<web_sys::Element>(&ev).scroll_top())
        >
            <table aria-rowcount=move || rows.with(|r| r.len()) + 1>
                <caption class="visually-hidden">{label}</caption>
                <thead>
                    <tr aria-rowindex="1">
                        {columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}
                        {action.map(|a| view! { <th scope="col" class="row-actions">{a.header}</th> })}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::{in_view, window};

    #[test]
    fn the_first_frame_has_the_rows_in_view() {
        assert_eq!(in_view(0, 5000), (0, 11));
        assert_eq!(in_view(40 * 1000, 5000), (1000, 1011));
        assert_eq!(in_view(0, 3), (0, 3));
        assert_eq!(in_view(99_999, 0), (0, 0));
    }

    #[test]
    fn renders_the_rows_in_view_plus_overscan() {
        assert_eq!(window(0, 5000), (0, 17));
        assert_eq!(window(40 * 1000, 5000), (994, 1017));
        assert_eq!(window(40 * 4999, 5000), (4993, 5000));
        assert_eq!(window(0, 3), (0, 3));
        assert_eq!(window(99_999, 0), (0, 0));
    }
}
