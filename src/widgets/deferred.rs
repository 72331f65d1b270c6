//! Parts of a long tab that start below the fold, built in a task after
//! the frame that shows the tab: the first frame carries only what can be
//! seen at once. At 5,000 accounts the Organization tab's render was most
//! of its interaction budget, a third of it in sections no one sees yet.

use leptos::prelude::*;

use crate::frame::paint::after_next_paint;

#[component]
pub fn Deferred(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    // The tab may be gone by then; a signal disposed with it takes no value.
    after_next_paint(move || {
        let _ = ready.try_set(true);
    });
    move || ready.get().then(|| children())
}
