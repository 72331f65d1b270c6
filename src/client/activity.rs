//! The activity log: every API call a person made in the page, by a form,
//! the console or `window.accountSandbox.call`, newest first, capped.

use std::collections::VecDeque;

use account_engine::authz::PolicyType;
use account_engine::{Explanation, Millis, WireResponse};
use leptos::prelude::*;
use serde_json::Value;

/// How many entries the log keeps before dropping the oldest.
pub const CAPACITY: usize = 200;

/// Where a call came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Page,
    Script,
    Console,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Page => "page",
            Self::Script => "script",
            Self::Console => "console",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: u64,
    pub time: Millis,
    pub source: Source,
    pub caller: String,
    /// The API's name for the operation, e.g. `PutAlternateContact`.
    pub operation: String,
    /// The API this operation belongs to (`account` or `organizations`).
    pub service: &'static str,
    pub request: Value,
    pub status: u16,
    /// The `x-amzn-ErrorType` of a failed call.
    pub error_code: Option<String>,
    pub response: Value,
    /// Why policies refused the call, for `Why?`.
    pub explanation: Option<Box<Explanation>>,
}

impl Entry {
    pub fn succeeded(&self) -> bool {
        self.status == 200
    }

    /// The policy type whose deny refused the call, if policies refused it.
    pub fn denied_by(&self) -> Option<PolicyType> {
        let explanation = self.explanation.as_ref()?;
        explanation
            .decision
            .denied_by
            .as_ref()
            .map(|(kind, _)| *kind)
    }
}

/// What one call was, before it is numbered into the log.
pub struct Call<'a> {
    pub time: Millis,
    pub source: Source,
    pub caller: &'a str,
    pub service: &'static str,
    pub operation: &'a str,
    pub request: &'a Value,
    pub response: &'a WireResponse,
}

#[derive(Clone, Copy)]
pub struct Activity {
    entries: RwSignal<VecDeque<Entry>>,
    dropped: RwSignal<usize>,
    next_id: StoredValue<u64>,
    /// The id of the newest entry when [`Activity::mark`] was called.
    mark: RwSignal<u64>,
}

impl Activity {
    pub fn new() -> Self {
        Self {
            entries: RwSignal::new(VecDeque::new()),
            dropped: RwSignal::new(0),
            next_id: StoredValue::new(0),
            mark: RwSignal::new(0),
        }
    }

    pub fn record(&self, call: Call<'_>) {
        let id = self.next_id.get_value() + 1;
        self.next_id.set_value(id);
        let body = &call.response.body;
        // The Query wire answers in XML, kept as text.
        let response: Value =
            serde_json::from_str(body).unwrap_or_else(|_| Value::String(body.clone()));
        // restJson1 names the error in a header, JSON 1.1 in the body, the
        // Query wire in its `<Code>`.
        let xml_code = || {
            let start = body.find("<Code>")? + "<Code>".len();
            Some(&body[start..start + body[start..].find("</Code>")?])
        };
        let error_code = call
            .response
            .header("x-amzn-ErrorType")
            .or_else(|| response.get("__type").and_then(Value::as_str))
            .or_else(|| (call.response.status != 200).then(xml_code).flatten())
            .map(str::to_owned);
        let entry = Entry {
            id,
            time: call.time,
            source: call.source,
            caller: call.caller.to_owned(),
            operation: call.operation.to_owned(),
            service: call.service,
            request: call.request.clone(),
            status: call.response.status,
            error_code,
            response,
            explanation: call.response.explanation.clone(),
        };
        let mut dropped = 0;
        self.entries.update(|entries| {
            entries.push_front(entry);
            while entries.len() > CAPACITY {
                entries.pop_back();
                dropped += 1;
            }
        });
        if dropped > 0 {
            self.dropped.update(|d| *d += dropped);
        }
    }

    /// Newest first.
    pub fn entries(&self) -> VecDeque<Entry> {
        self.entries.get()
    }

    /// How many old entries were dropped to keep the log at [`CAPACITY`].
    pub fn dropped(&self) -> usize {
        self.dropped.get()
    }

    /// Marks where a training scenario starts: its exercises look only at
    /// the calls made after it.
    pub fn mark(&self) {
        self.mark.set(self.next_id.get_value());
    }

    /// The entries newer than the [`Activity::mark`], oldest first.
    pub fn since_mark(&self) -> Vec<Entry> {
        let mark = self.mark.get();
        self.entries.with(|entries| {
            entries
                .iter()
                .rev()
                .filter(|e| e.id > mark)
                .cloned()
                .collect()
        })
    }

    pub fn clear(&self) {
        self.entries.set(VecDeque::new());
        self.dropped.set(0);
    }
}

impl Default for Activity {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16) -> WireResponse {
        let mut headers = vec![("content-type", "application/json".to_owned())];
        if status != 200 {
            headers.push(("x-amzn-ErrorType", "ResourceNotFoundException".to_owned()));
        }
        WireResponse {
            status,
            headers,
            body: r#"{"message":"gone"}"#.into(),
            fields: Vec::new(),
            explanation: None,
        }
    }

    #[test]
    fn entries_are_newest_first_and_capped_with_a_count_of_dropped_ones() {
        let owner = Owner::new();
        owner.set();
        let log = Activity::new();
        let request = serde_json::json!({});
        for i in 0..(CAPACITY + 5) {
            log.record(Call {
                time: i as Millis,
                source: Source::Page,
                caller: "000000000000",
                service: "account",
                operation: "GetAlternateContact",
                request: &request,
                response: &response(if i % 2 == 0 { 200 } else { 404 }),
            });
        }
        let entries = log.entries();
        assert_eq!(entries.len(), CAPACITY);
        assert_eq!(entries[0].time, (CAPACITY + 4) as Millis);
        assert_eq!(log.dropped(), 5);
        let failed = entries.iter().find(|e| !e.succeeded()).unwrap();
        assert_eq!(
            failed.error_code.as_deref(),
            Some("ResourceNotFoundException")
        );
        assert_eq!(failed.response["message"], "gone");
    }
}
