//! The Inbox tab: what the sandbox "sent" instead of mail and text messages
//! (primary email one-time passwords, phone verification codes), newest
//! first, so a person can finish the flows that wait for a code.

use std::sync::Arc;

use account_engine::inbox::{Message, MessageKind};
use account_engine::timestamp::iso8601;
use leptos::prelude::*;

use crate::client::Sandbox;
use crate::widgets::virtual_table::VirtualTable;

/// What a message is for, in a person's words.
fn purpose(kind: MessageKind) -> &'static str {
    match kind {
        MessageKind::PrimaryEmailOtp => "Primary email one-time password",
        MessageKind::PhoneVerificationCode => "Phone verification code",
    }
}

fn row(message: Message) -> Vec<String> {
    vec![
        iso8601(message.sent_at),
        message.to,
        message.account_id,
        purpose(message.kind).to_owned(),
        message.code,
    ]
}

#[component]
pub fn InboxTab() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let rows = Memo::new(move |_| {
        Arc::new(
            sandbox
                .inbox()
                .into_iter()
                .rev()
                .map(row)
                .collect::<Vec<_>>(),
        )
    });
    let empty = move || rows.with(|r| r.is_empty());
    view! {
        <Show
            when=move || !empty()
            fallback=|| view! {
                <div class="card empty-state">
                    <h2>"Inbox"</h2>
                    <p>"No messages yet"</p>
                    <p class="hint">"The sandbox sends no mail or text messages: the one-time passwords of primary email changes and the phone verification codes it would send land here."</p>
                </div>
            }
        >
            <section class="card" aria-labelledby="inbox-heading">
                <div class="card-header">
                    <h2 id="inbox-heading">"Inbox" <span class="count">{move || format!("({})", rows.with(|r| r.len()))}</span></h2>
                </div>
                <p class="hint">"What the sandbox sent instead of mail and text messages, newest first."</p>
                <VirtualTable label="Messages" columns=&["Sent", "Recipient", "Account ID", "Purpose", "Code"] rows cells=Callback::new(|row| row) empty="No messages yet" />
            </section>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_reads_when_to_whom_for_which_account_what_for_and_the_code() {
        let message = Message {
            account_id: "111111111111".into(),
            to: "new@example.com".into(),
            kind: MessageKind::PrimaryEmailOtp,
            code: "AB12CD".into(),
            sent_at: 0,
        };
        assert_eq!(
            row(message),
            [
                "1970-01-01T00:00:00Z",
                "new@example.com",
                "111111111111",
                "Primary email one-time password",
                "AB12CD"
            ]
        );
    }
}
