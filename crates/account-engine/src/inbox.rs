//! The sandbox's inbox: there is no mail or SMS, so the one-time passwords
//! and verification codes the engine "sends" are kept here for a person or
//! a test to read. This is the sandbox's own feature, not an AWS API.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::clock::Millis;
use crate::engine::Engine;
use crate::timestamp::iso8601;

/// What a message is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MessageKind {
    /// The one-time password of a primary email update, mailed to the new
    /// address.
    PrimaryEmailOtp,
    /// A phone number verification code, texted to the number on file.
    PhoneVerificationCode,
}

impl MessageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PrimaryEmailOtp => "PrimaryEmailOtp",
            Self::PhoneVerificationCode => "PhoneVerificationCode",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    pub account_id: String,
    /// The email address or phone number it was sent to.
    pub to: String,
    pub kind: MessageKind,
    pub code: String,
    pub sent_at: Millis,
}

impl Message {
    /// The shells' form: `{"AccountId", "To", "Kind", "Code", "SentAt"}`,
    /// with SentAt in ISO 8601.
    pub fn to_json(&self) -> Value {
        json!({
            "AccountId": self.account_id,
            "To": self.to,
            "Kind": self.kind.as_str(),
            "Code": self.code,
            "SentAt": iso8601(self.sent_at),
        })
    }
}

impl Engine {
    /// The inbox, oldest first.
    pub fn inbox(&self) -> impl DoubleEndedIterator<Item = &Message> {
        self.state.inbox.iter()
    }

    /// The inbox as the local endpoint serves it: `{"Messages": [...]}`.
    pub fn inbox_json(&self) -> Value {
        json!({ "Messages": self.inbox().map(Message::to_json).collect::<Vec<_>>() })
    }

    pub(crate) fn send(&mut self, account_id: &str, to: &str, kind: MessageKind, code: &str) {
        let message = Message {
            account_id: account_id.to_owned(),
            to: to.to_owned(),
            kind,
            code: code.to_owned(),
            sent_at: self.clock.now(),
        };
        self.state.inbox.push_back(message);
        while self.state.inbox.len() > self.config.inbox_limit {
            self.state.inbox.pop_front();
        }
    }

    /// A code of `length` characters from `alphabet`, drawn from the seeded
    /// id sequence so runs are reproducible.
    pub(crate) fn new_code(&mut self, alphabet: &[u8], length: usize) -> String {
        self.state.sequence += 1;
        let mut bits = crate::ids::mix(self.state.seed ^ self.state.sequence.rotate_left(16));
        let radix = alphabet.len() as u64;
        (0..length)
            .map(|_| {
                let c = alphabet[(bits % radix) as usize];
                bits /= radix;
                char::from(c)
            })
            .collect()
    }
}
