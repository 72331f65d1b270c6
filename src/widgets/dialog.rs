//! A modal confirmation built on the native `<dialog>`: the page behind it
//! is inert, focus moves into it and Escape cancels.

use leptos::html;
use leptos::prelude::*;

#[component]
pub fn ConfirmDialog(
    /// Whether the dialog is shown.
    #[prop(into)]
    open: Signal<bool>,
    /// The dialog's heading, which is also its accessible name.
    #[prop(into)]
    title: Signal<String>,
    #[prop(into)] message: Signal<String>,
    /// The confirming button's name.
    confirm: &'static str,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
    /// A dangerous confirmation is styled as such.
    #[prop(optional)]
    danger: bool,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let heading_id = format!("dialog-{}", confirm.to_ascii_lowercase());
    let labelled_by = heading_id.clone();
    Effect::new(move |_| {
        let Some(element) = dialog.get() else {
            return;
        };
        if open.get() {
            if !element.open() {
                let _ = element.show_modal();
            }
        } else if element.open() {
            element.close();
        }
    });
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby=labelled_by
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                on_cancel.run(());
            }
        >
            <h2 id=heading_id>{move || title.get()}</h2>
            <p>{move || message.get()}</p>
            <div class="actions">
                <button type="button" class="button secondary" on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
                <button
                    type="button"
                    class="button"
                    class:danger=danger
                    class:primary=!danger
                    on:click=move |_| on_confirm.run(())
                >
                    {confirm}
                </button>
            </div>
        </dialog>
    }
}
