//! The page's typed client of the engine. Every call, from a form, the
//! console or `window.accountSandbox.call`, goes through the engine's wire
//! dispatcher here, so the page cannot disagree with the local endpoint.
//! Calls a person makes are logged for the Activity tab; reads the views
//! make to display the state are not. After a change a revision signal
//! tells views to read again, and the state is saved: at once, or, in the
//! page, after the frame that shows the change (see [`Sandbox::save_later`]).
//!
//! Beside it, what it stands on: the activity log it writes, the storage and
//! persistence it saves through, the browser clock the engine is given, and
//! `window.accountSandbox`, the door for scripts.

pub mod activity;
pub mod chunks;
pub mod clock;
pub mod persistence;
pub mod script_api;
pub mod storage;

use account_engine::{
    ApiError, AuthenticationError, Engine, Millis, Operation, OrgOperation, Principal,
    QueryService, SnapshotError, Timings, WireResponse,
};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::Value;

use activity::{Activity, Call, Source};
use chunks::{NotLoaded, Protocols, Restore};
use storage::{KeyValue, StorageError};

/// Runs a save some time later; the page runs it after the next paint.
pub type Scheduler = Box<dyn Fn(Box<dyn FnOnce()>)>;

/// How changes reach the store: a scheduler (none saves at once) and
/// whether a change is waiting for its save.
#[derive(Default)]
struct Saves {
    later: Option<Scheduler>,
    pending: bool,
}

#[derive(Clone, Copy)]
pub struct Sandbox {
    engine: StoredValue<Engine, LocalStorage>,
    store: StoredValue<Box<dyn KeyValue>, LocalStorage>,
    revision: RwSignal<u64>,
    /// The last save's failure, shown in a banner until a save succeeds.
    pub storage_error: RwSignal<Option<StorageError>>,
    /// The ARN of the principal `Acting as` chose.
    caller: RwSignal<String>,
    /// How many calls were refused because their principal can no longer
    /// call. A session ends by the clock alone, which changes no state and
    /// bumps no revision: [`Sandbox::principals`] follows this too, so
    /// `Acting as` shows the session gone once a call finds it so. Not the
    /// revision itself, or a view reading as the gone principal would be
    /// refused, read again, and be refused again without end.
    refusals: RwSignal<u64>,
    /// The account the page's forms act on; `None` is the standalone
    /// context (no `AccountId`).
    target: RwSignal<Option<String>>,
    /// Inside [`Sandbox::batch`]: changes are saved and shown once, at the end.
    batching: StoredValue<Batch>,
    /// The engine's completion count when the state was last saved and
    /// shown: any operation completes due changes first, reads too, and
    /// reads neither save nor bump the revision.
    shown_settled: StoredValue<u64>,
    saves: StoredValue<Saves, LocalStorage>,
    pub activity: Activity,
}

#[derive(Default, Clone, Copy)]
struct Batch {
    active: bool,
    dirty: bool,
}

impl Sandbox {
    pub fn new(engine: Engine, store: Box<dyn KeyValue>) -> Self {
        let caller = Principal::root(engine.default_account()).arn();
        Self {
            engine: StoredValue::new_local(engine),
            store: StoredValue::new_local(store),
            revision: RwSignal::new(0),
            storage_error: RwSignal::new(None),
            caller: RwSignal::new(caller),
            refusals: RwSignal::new(0),
            target: RwSignal::new(None),
            batching: StoredValue::new(Batch::default()),
            shown_settled: StoredValue::new(0),
            saves: StoredValue::new_local(Saves::default()),
            activity: Activity::new(),
        }
    }

    /// Subscribes the current reactive scope to state changes.
    pub fn track(&self) {
        self.revision.track();
    }

    /// Sends one request. Page requests (`scoped`) act on the chosen target
    /// account unless they name one; script and console requests are sent
    /// exactly as written.
    fn dispatch(
        &self,
        operation: Operation,
        input: &Value,
        scoped: bool,
    ) -> (String, Value, WireResponse) {
        self.dispatch_as(&self.caller.get_untracked(), operation, input, scoped)
    }

    fn dispatch_as(
        &self,
        caller: &str,
        operation: Operation,
        input: &Value,
        scoped: bool,
    ) -> (String, Value, WireResponse) {
        let mut input = input.clone();
        if let (true, Some(target), Value::Object(members)) =
            (scoped, self.target.get_untracked(), &mut input)
        {
            members.entry("AccountId").or_insert(target.into());
        }
        let body = input.to_string();
        let response = self.as_principal(
            caller,
            |e, account| e.handle(account, &operation.path(), body.as_bytes()),
            Engine::refuse,
        );
        if operation.is_mutating() && response.status == 200 {
            self.changed();
        }
        (caller.to_owned(), input, response)
    }

    /// Runs a dispatcher call (`run`) as the principal `arn` names, or
    /// answers with `refuse`, its protocol's refusal, when that principal
    /// can no longer call (see [`Engine::call_as`]).
    fn as_principal(
        &self,
        arn: &str,
        run: impl FnOnce(&mut Engine, &str) -> WireResponse,
        refuse: impl FnOnce(&mut Engine, AuthenticationError) -> WireResponse,
    ) -> WireResponse {
        let answer = self
            .engine
            .try_update_value(|e| e.call_as(arn, run, refuse))
            .expect("the engine lives as long as the page");
        answer.unwrap_or_else(|refused| {
            self.refusals.update(|n| *n += 1);
            refused
        })
    }

    /// Runs an operation a person asked for, by its wire form, and logs it:
    /// JSON input in, JSON output or the API error out.
    pub fn call_json(
        &self,
        source: Source,
        operation: Operation,
        input: &Value,
    ) -> Result<Value, ApiError> {
        self.call_json_as(&self.caller.get_untracked(), source, operation, input)
    }

    /// [`Sandbox::call_json`] as the principal `arn` names.
    pub fn call_json_as(
        &self,
        arn: &str,
        source: Source,
        operation: Operation,
        input: &Value,
    ) -> Result<Value, ApiError> {
        let (caller, request, response) =
            self.dispatch_as(arn, operation, input, source == Source::Page);
        self.activity.record(Call {
            time: self.now(),
            source,
            caller: &caller,
            service: "account",
            operation: operation.name(),
            request: &request,
            response: &response,
        });
        response.into_result()
    }

    fn dispatch_organizations(
        &self,
        protocols: Protocols,
        caller: &str,
        operation: OrgOperation,
        input: &Value,
    ) -> WireResponse {
        let body = input.to_string();
        let response = self.as_principal(
            caller,
            |e, account| protocols.organizations(e, account, &operation.target(), body.as_bytes()),
            Engine::refuse_organizations,
        );
        if operation.is_mutating() && response.status == 200 {
            self.changed();
        }
        response
    }

    /// Runs an AWS Organizations operation a person asked for (JSON 1.1
    /// wire), and logs it.
    pub fn call_organizations(
        &self,
        source: Source,
        operation: OrgOperation,
        input: &Value,
    ) -> Result<Value, Failure> {
        self.call_organizations_as(&self.caller.get_untracked(), source, operation, input)
    }

    /// [`Sandbox::call_organizations`] as the principal `arn` names.
    pub fn call_organizations_as(
        &self,
        caller: &str,
        source: Source,
        operation: OrgOperation,
        input: &Value,
    ) -> Result<Value, Failure> {
        let protocols = Protocols::here().ok_or(NotLoaded::PROTOCOLS)?;
        let response = self.dispatch_organizations(protocols, caller, operation, input);
        self.activity.record(Call {
            time: self.now(),
            source,
            caller,
            service: "organizations",
            operation: operation.name(),
            request: input,
            response: &response,
        });
        organizations_result(&response)
    }

    /// Runs an AWS IAM or STS action (Query wire) as the principal `arn`
    /// names, and logs it; the answer is the XML body.
    pub fn call_query_as(
        &self,
        arn: &str,
        source: Source,
        service: QueryService,
        action: &str,
        params: &[(&str, &str)],
    ) -> Result<String, Failure> {
        let protocols = Protocols::here().ok_or(NotLoaded::PROTOCOLS)?;
        let mut form = form_urlencoded::Serializer::new(String::new());
        form.append_pair("Action", action)
            .append_pair("Version", service.version());
        for (key, value) in params {
            form.append_pair(key, value);
        }
        let body = form.finish();
        let response = self.as_principal(
            arn,
            |e, account| protocols.query(e, account, body.as_bytes()),
            |e, error| e.refuse_query(body.as_bytes(), error),
        );
        let mutating = account_engine::QueryOperation::from_body(body.as_bytes())
            .is_some_and(account_engine::QueryOperation::is_mutating);
        if mutating && response.status == 200 {
            self.changed();
        }
        let request = Value::Object(
            params
                .iter()
                .map(|(k, v)| ((*k).to_owned(), Value::String((*v).to_owned())))
                .collect(),
        );
        self.activity.record(Call {
            time: self.now(),
            source,
            caller: arn,
            service: match service {
                QueryService::Sts => "sts",
                QueryService::Iam => "iam",
            },
            operation: action,
            request: &request,
            response: &response,
        });
        if response.status == 200 {
            Ok(response.body)
        } else {
            let field = response.fields.first().map(|f| f.name.clone());
            Err(Failure::from_query(response.status, &response.body, field))
        }
    }

    /// [`Sandbox::call_query_as`] as the `Acting as` principal, from a form.
    pub fn call_query(
        &self,
        service: QueryService,
        action: &str,
        params: &[(&str, &str)],
    ) -> Result<String, Failure> {
        self.call_query_as(
            &self.caller.get_untracked(),
            Source::Page,
            service,
            action,
            params,
        )
    }

    /// Runs an operation from a form and decodes its output.
    pub fn call<O: DeserializeOwned>(
        &self,
        operation: Operation,
        input: Value,
    ) -> Result<O, ApiError> {
        decode(self.call_json(Source::Page, operation, &input)?)
    }

    /// Runs an operation from a form that has no output.
    pub fn run(&self, operation: Operation, input: Value) -> Result<(), ApiError> {
        self.call_json(Source::Page, operation, &input).map(drop)
    }

    /// Reads state for display; not logged, since the person did not ask
    /// for this call.
    pub fn query<O: DeserializeOwned>(
        &self,
        operation: Operation,
        input: Value,
    ) -> Result<O, ApiError> {
        decode(self.dispatch(operation, &input, true).2.into_result()?)
    }

    /// Runs an operation to set up a scenario; not logged.
    pub fn setup(&self, operation: Operation, input: Value) -> Result<(), ApiError> {
        self.dispatch(operation, &input, false)
            .2
            .into_result()
            .map(drop)
    }

    /// Changes the engine through its setup API (what no Account API call
    /// does, such as building an organization for a scenario); not logged.
    pub fn setup_engine<T>(&self, f: impl FnOnce(&mut Engine) -> T) -> T {
        let result = self
            .engine
            .try_update_value(f)
            .expect("the engine lives as long as the page");
        self.changed();
        result
    }

    /// Reads the engine state directly, for checks that would otherwise take
    /// thousands of calls (exercise goals over every member account).
    pub fn with_state<T>(&self, f: impl FnOnce(&account_engine::store::State) -> T) -> T {
        self.revision.track();
        self.engine.with_value(|e| f(e.state()))
    }

    /// The Region Opt-In Status Change events the engine emitted, newest
    /// first.
    pub fn events(&self) -> Vec<account_engine::events::Event> {
        self.revision.track();
        self.engine
            .with_value(|e| e.events().rev().cloned().collect())
    }

    /// What the sandbox "sent" instead of mail and SMS, oldest first.
    pub fn inbox(&self) -> Vec<account_engine::inbox::Message> {
        self.revision.track();
        self.engine.with_value(|e| e.inbox().cloned().collect())
    }

    /// The whole state as the snapshot file people download.
    pub fn export(&self) -> String {
        self.engine.with_value(Engine::snapshot_pretty)
    }

    /// Replaces the state with a snapshot, or changes nothing.
    pub fn import(&self, restore: Restore, json: &str) -> Result<(), SnapshotError> {
        self.engine
            .try_update_value(|e| restore.restore(e, json))
            .expect("the engine lives as long as the page")?;
        self.changed();
        Ok(())
    }

    /// Back to a fresh sandbox.
    pub fn reset(&self) {
        self.engine.update_value(Engine::reset);
        self.changed();
    }

    /// Completes the region changes and email updates that are due, and
    /// shows those a read completed since; returns when the next is due.
    pub fn settle(&self) -> Option<Millis> {
        self.engine.update_value(|e| {
            e.settle();
        });
        if self.engine.with_value(Engine::settled) != self.shown_settled.get_value() {
            self.changed();
        }
        self.engine.with_value(Engine::next_completion)
    }

    pub fn next_completion(&self) -> Option<Millis> {
        self.engine.with_value(Engine::next_completion)
    }

    pub fn now(&self) -> Millis {
        self.engine.with_value(Engine::now)
    }

    pub fn set_timings(&self, timings: Timings) {
        self.engine.update_value(|e| e.set_timings(timings));
    }

    /// The account of the `Acting as` principal.
    pub fn caller(&self) -> String {
        self.caller.with(|arn| account_of(arn).to_owned())
    }

    /// The ARN of the `Acting as` principal.
    pub fn principal(&self) -> String {
        self.caller.get()
    }

    /// Acts as another principal from now on, in the standalone context.
    pub fn set_caller(&self, arn: String) {
        self.target.set(None);
        self.caller.set(arn);
        self.revision.update(|r| *r += 1);
    }

    /// The policy simulator's answer, or `None` for an unknown principal.
    pub fn simulate(
        &self,
        simulation: &account_engine::Simulation,
    ) -> Option<account_engine::Explanation> {
        self.revision.track();
        self.engine.with_value(|e| e.simulate(simulation))
    }

    /// Every principal of every account that can call (root users, IAM
    /// users, live role sessions), in account order.
    pub fn principals(&self) -> Vec<Principal> {
        self.revision.track();
        self.refusals.track();
        self.engine.with_value(Engine::principals)
    }

    /// Why a call as `arn` would be refused before it ran, if it would
    /// (read when the principals change, so it tracks nothing itself).
    pub fn acting_refusal(&self, arn: &str) -> Option<AuthenticationError> {
        self.engine.with_value(|e| e.acting_principal(arn).err())
    }

    /// The roles of `account`, by name.
    pub fn roles(&self, account: &str) -> Vec<account_engine::iam::store::Role> {
        self.revision.track();
        self.engine.with_value(|e| e.roles(account))
    }

    pub fn target(&self) -> Option<String> {
        self.target.get()
    }

    /// The target account, without subscribing the caller to it.
    pub fn target_untracked(&self) -> Option<String> {
        self.target.get_untracked()
    }

    pub fn set_target(&self, account: Option<String>) {
        self.target.set(account);
        self.revision.update(|r| *r += 1);
    }

    /// Saves something of the page's own beside the state (its settings),
    /// so a failure shows in the same banner as a failed save of the state.
    /// The client takes a closure rather than the settings type because the
    /// settings name the scenarios, and the scenarios are built through the
    /// client.
    pub fn save_beside(&self, save: impl FnOnce(&dyn KeyValue) -> Result<(), StorageError>) {
        let result = self.store.with_value(|store| save(store.as_ref()));
        self.storage_error.set(result.err());
    }

    /// The state kept aside at start-up because it could not be loaded.
    pub fn read_backup(&self) -> Option<String> {
        self.store
            .with_value(|store| store.get(storage::BACKUP_KEY).ok().flatten())
    }

    /// Keeps a state under the backup key, e.g. before a linked scenario
    /// replaces it.
    pub fn keep_backup(&self, text: &str) -> Result<(), StorageError> {
        self.store
            .with_value(|store| store.set(storage::BACKUP_KEY, text))
    }

    /// Runs many calls as one change: the state is saved and views update
    /// once at the end instead of after every call (a bulk job over a
    /// thousand accounts would otherwise write the whole state a thousand
    /// times).
    pub fn batch<T>(&self, f: impl FnOnce() -> T) -> T {
        self.batching.update_value(|b| b.active = true);
        let result = f();
        let batch = self.batching.get_value();
        self.batching.set_value(Batch::default());
        if batch.dirty {
            self.changed();
        }
        result
    }

    /// Saves changes through `later` from now on: a change is shown at
    /// once and saved when the scheduled save runs, so the frame that
    /// shows it does not wait for the whole state to be written, and the
    /// changes made before it runs are saved together. Whoever installs a
    /// scheduler calls [`Sandbox::flush`] when the page may go away.
    pub fn save_later(&self, later: Scheduler) {
        self.saves.update_value(|s| s.later = Some(later));
    }

    /// Saves the change waiting for its save, if any.
    pub fn flush(&self) {
        let pending = self
            .saves
            .try_update_value(|s| std::mem::take(&mut s.pending))
            .unwrap_or(false);
        if !pending {
            return;
        }
        let result = self.store.with_value(|store| {
            self.engine
                .with_value(|e| persistence::save(e, store.as_ref()))
        });
        self.storage_error.set(result.err());
    }

    fn changed(&self) {
        if self.batching.with_value(|b| b.active) {
            self.batching.update_value(|b| b.dirty = true);
            return;
        }
        self.shown_settled
            .set_value(self.engine.with_value(Engine::settled));
        self.revision.update(|r| *r += 1);
        let first = self
            .saves
            .try_update_value(|s| !std::mem::replace(&mut s.pending, true))
            .unwrap_or(false);
        if !first {
            return;
        }
        let sandbox = *self;
        let save: Box<dyn FnOnce()> = Box::new(move || sandbox.flush());
        let save = self.saves.with_value(|s| match &s.later {
            Some(later) => {
                later(save);
                None
            }
            None => Some(save),
        });
        if let Some(now) = save {
            now();
        }
    }
}

/// A failed call as the page shows it, for either API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub code: String,
    pub message: String,
    pub status: u16,
    /// The typed member an Organizations or STS refusal is about, when
    /// the engine names one (off the wire), so a form shows it at that
    /// field.
    pub field: Option<String>,
}

impl Failure {
    /// Reads a JSON 1.1 error body: `__type` and `Message`.
    fn from_organizations(status: u16, body: &Value, field: Option<String>) -> Self {
        let text = |key: &str| body.get(key).and_then(Value::as_str).map(str::to_owned);
        Self {
            code: text("__type").unwrap_or_else(|| "ServiceException".into()),
            message: text("Message")
                .or_else(|| text("message"))
                .unwrap_or_default(),
            status,
            field,
        }
    }
}

impl Failure {
    /// Reads a Query `<ErrorResponse>`: its `Code` and `Message`, and the
    /// member the engine said it is about.
    fn from_query(status: u16, body: &str, field: Option<String>) -> Self {
        let text = |name: &str| {
            let open = format!("<{name}>");
            let start = body.find(&open)? + open.len();
            let end = body[start..].find(&format!("</{name}>"))? + start;
            Some(unescape(&body[start..end]))
        };
        Self {
            code: text("Code").unwrap_or_else(|| "ServiceFailure".into()),
            message: text("Message").unwrap_or_default(),
            status,
            field,
        }
    }
}

/// A call the page made before the code that answers it was fetched; the
/// tabs that make such calls wait for it, so only a failed fetch shows this.
impl From<NotLoaded> for Failure {
    fn from(error: NotLoaded) -> Self {
        Self {
            code: "SandboxCodeNotLoaded".into(),
            message: error.to_string(),
            status: 503,
            field: None,
        }
    }
}

/// The XML escapes the Query answers write.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The account id in a principal ARN (`arn:aws:iam::<id>:…`, or a role
/// session's `arn:aws:sts::<id>:…`); any other text is taken as an account
/// id, as callers were before principals.
pub fn account_of(arn: &str) -> &str {
    arn.strip_prefix("arn:aws:iam::")
        .or_else(|| arn.strip_prefix("arn:aws:sts::"))
        .and_then(|rest| rest.split_once(':'))
        .map_or(arn, |(account, _)| account)
}

impl From<ApiError> for Failure {
    fn from(error: ApiError) -> Self {
        Self {
            code: error.code().into(),
            message: error.to_string(),
            status: error.status(),
            field: None,
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

fn organizations_result(response: &WireResponse) -> Result<Value, Failure> {
    let body: Value = serde_json::from_str(&response.body).unwrap_or(Value::Null);
    if response.status == 200 {
        Ok(body)
    } else {
        let field = response.fields.first().map(|f| f.name.clone());
        Err(Failure::from_organizations(response.status, &body, field))
    }
}

fn decode<O: DeserializeOwned>(output: Value) -> Result<O, ApiError> {
    serde_json::from_value(output).map_err(|e| ApiError::InternalServer(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use account_engine::model::output::GetAlternateContact;
    use account_engine::{Config, ManualClock};
    use serde_json::json;
    use storage::{MemoryStorage, STATE_KEY};

    fn sandbox(clock: &ManualClock) -> Sandbox {
        let engine = Engine::new(clock.clone(), Config::default());
        Sandbox::new(engine, Box::new(MemoryStorage::default()))
    }

    #[test]
    fn a_successful_change_is_saved_and_bumps_the_revision() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox(&ManualClock::at(0));
        let input = json!({
            "AlternateContactType": "BILLING", "Name": "Bill", "Title": "Payer",
            "EmailAddress": "bill@example.com", "PhoneNumber": "+1 555 0100"
        });
        s.run(Operation::PutAlternateContact, input).unwrap();
        assert_eq!(s.revision.get_untracked(), 1);
        let saved = s.store.with_value(|st| st.get(STATE_KEY).unwrap()).unwrap();
        assert!(saved.contains("bill@example.com"));
        let got: GetAlternateContact = s
            .call(
                Operation::GetAlternateContact,
                json!({"AlternateContactType": "BILLING"}),
            )
            .unwrap();
        assert_eq!(got.alternate_contact.name, "Bill");
        assert_eq!(s.revision.get_untracked(), 1, "reads do not bump");
    }

    #[test]
    fn a_session_assumed_through_the_client_is_acted_as_by_its_arn() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox(&ManualClock::at(0));
        let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:user/ana"},"Action":"sts:AssumeRole"}]}"#;
        s.call_query(QueryService::Iam, "CreateUser", &[("UserName", "ana")])
            .unwrap();
        let role = [
            ("RoleName", "deployer"),
            ("AssumeRolePolicyDocument", trust),
        ];
        s.call_query(QueryService::Iam, "CreateRole", &role)
            .unwrap();
        s.set_caller("arn:aws:iam::000000000000:user/ana".into());
        let assume = [
            ("RoleArn", "arn:aws:iam::000000000000:role/deployer"),
            ("RoleSessionName", "s1"),
        ];
        s.call_query(QueryService::Sts, "AssumeRole", &assume)
            .unwrap();
        let session = "arn:aws:sts::000000000000:assumed-role/deployer/s1";
        assert!(s.principals().iter().any(|p| p.arn() == session));
        s.set_caller(session.into());
        assert_eq!(s.caller(), "000000000000");
        let me = s
            .call_query(QueryService::Sts, "GetCallerIdentity", &[])
            .unwrap();
        assert!(me.contains(&format!("<Arn>{session}</Arn>")), "{me}");
    }

    #[test]
    fn a_call_as_a_deleted_user_is_refused_as_its_key_would_be_and_logged() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox(&ManualClock::at(0));
        let alice = "arn:aws:iam::000000000000:user/alice";
        s.call_query(QueryService::Iam, "CreateUser", &[("UserName", "alice")])
            .unwrap();
        s.set_caller(alice.into());
        let root = Principal::root("000000000000").arn();
        s.call_query_as(
            &root,
            Source::Script,
            QueryService::Iam,
            "DeleteUser",
            &[("UserName", "alice")],
        )
        .unwrap();
        let err = s
            .run(
                Operation::PutAlternateContact,
                json!({"AlternateContactType": "BILLING", "Name": "Bill", "Title": "Payer",
                       "EmailAddress": "bill@example.com", "PhoneNumber": "+1 555 0100"}),
            )
            .unwrap_err();
        assert_eq!(
            format!("{}: {err}", err.code()),
            "UnrecognizedClientException: The security token included in the request is invalid."
        );
        let entries = s.activity.entries();
        let logged = &entries[0];
        assert_eq!(
            (
                logged.caller.as_str(),
                logged.operation.as_str(),
                logged.status
            ),
            (alice, "PutAlternateContact", 403)
        );
        assert_eq!(
            logged.error_code.as_deref(),
            Some("UnrecognizedClientException")
        );
        assert_eq!(s.refusals.get_untracked(), 1, "Acting as reads again");
        assert!(s.with_state(|st| st.accounts["000000000000"].alternate_contacts.is_empty()));
        let query = s
            .call_query(QueryService::Sts, "GetCallerIdentity", &[])
            .unwrap_err();
        assert_eq!(
            query.to_string(),
            "InvalidClientTokenId: The security token included in the request is invalid."
        );
    }

    #[test]
    fn a_rejected_call_returns_the_api_error_and_changes_nothing() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox(&ManualClock::at(0));
        let err = s
            .run(
                Operation::DeleteAlternateContact,
                json!({"AlternateContactType": "SECURITY"}),
            )
            .unwrap_err();
        assert_eq!(err.code(), "ResourceNotFoundException");
        assert_eq!(
            err.to_string(),
            "No contact of the inputted alternate contact type found."
        );
        assert_eq!(s.revision.get_untracked(), 0);
    }

    #[test]
    fn page_calls_act_on_the_chosen_target_and_scripts_send_what_they_wrote() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox(&ManualClock::at(0));
        s.set_target(Some("111111111111".into()));
        let err = s
            .run(Operation::GetAccountInformation, json!({}))
            .unwrap_err();
        assert_eq!(err.code(), "AccessDeniedException");
        assert_eq!(
            s.activity.entries()[0].request,
            json!({"AccountId": "111111111111"})
        );
        let own = s
            .call_json(Source::Script, Operation::GetAccountInformation, &json!({}))
            .unwrap();
        assert_eq!(own["AccountId"], "000000000000");
        s.set_caller(Principal::root("222222222222").arn());
        assert_eq!(s.target.get_untracked(), None);
        let me = s
            .call_json(Source::Page, Operation::GetAccountInformation, &json!({}))
            .unwrap();
        assert_eq!(me["AccountId"], "222222222222");
    }

    #[test]
    fn a_batch_saves_and_bumps_the_revision_once() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox(&ManualClock::at(0));
        s.batch(|| {
            for name in ["One", "Two", "Three"] {
                s.run(Operation::PutAccountName, json!({"AccountName": name}))
                    .unwrap();
            }
            assert_eq!(s.revision.get_untracked(), 0, "nothing shown mid-batch");
        });
        assert_eq!(s.revision.get_untracked(), 1);
        let saved = s.store.with_value(|st| st.get(STATE_KEY).unwrap()).unwrap();
        assert!(saved.contains("\"Three\""));
        s.batch(|| s.run(Operation::GetAccountInformation, json!({})).unwrap());
        assert_eq!(
            s.revision.get_untracked(),
            1,
            "a batch of reads changes nothing"
        );
    }

    #[test]
    fn with_a_scheduler_changes_show_at_once_and_are_saved_together_when_it_runs() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox(&ManualClock::at(0));
        let queued = std::rc::Rc::new(std::cell::RefCell::new(Vec::<Box<dyn FnOnce()>>::new()));
        let queue = queued.clone();
        s.save_later(Box::new(move |save| queue.borrow_mut().push(save)));
        let saved = || s.store.with_value(|st| st.get(STATE_KEY).unwrap());
        for name in ["One", "Two"] {
            s.run(Operation::PutAccountName, json!({"AccountName": name}))
                .unwrap();
        }
        assert_eq!(s.revision.get_untracked(), 2, "each change is shown");
        assert_eq!(saved(), None, "nothing is written before the save runs");
        assert_eq!(queued.borrow().len(), 1, "one save for both changes");
        let save = queued.borrow_mut().pop().unwrap();
        save();
        assert!(saved().unwrap().contains("\"Two\""));

        s.run(Operation::PutAccountName, json!({"AccountName": "Three"}))
            .unwrap();
        s.flush();
        assert!(
            saved().unwrap().contains("\"Three\""),
            "a flush saves at once"
        );
        store_nothing(&s);
        let late = queued.borrow_mut().pop().unwrap();
        late();
        assert_eq!(
            saved(),
            None,
            "the scheduled save finds nothing left to write"
        );
    }

    /// Empties the store, so a later write shows.
    fn store_nothing(s: &Sandbox) {
        s.store.with_value(|st| st.remove(STATE_KEY)).unwrap();
    }

    #[test]
    fn organizations_calls_are_logged_and_their_errors_read_from_json_1_1() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox(&ManualClock::at(0));
        let err = s
            .call_organizations(Source::Page, OrgOperation::DescribeOrganization, &json!({}))
            .unwrap_err();
        assert_eq!(err.code, "AWSOrganizationsNotInUseException");
        assert_eq!(err.status, 400);
        assert!(!err.message.is_empty());
        let created = s
            .call_organizations(
                Source::Page,
                OrgOperation::CreateOrganization,
                &json!({"FeatureSet": "ALL"}),
            )
            .unwrap();
        assert_eq!(created["Organization"]["MasterAccountId"], "000000000000");
        assert_eq!(s.revision.get_untracked(), 1);
        let logged = s.activity.entries();
        assert_eq!(logged[0].service, "organizations");
        assert_eq!(
            logged[1].error_code.as_deref(),
            Some("AWSOrganizationsNotInUseException")
        );
        assert_eq!(logged[1].status, 400);
    }

    #[test]
    fn settle_completes_due_region_changes_and_reports_the_next() {
        let owner = Owner::new();
        owner.set();
        let clock = ManualClock::at(0);
        let s = sandbox(&clock);
        s.set_timings(Timings {
            enable: 5_000,
            disable: 3_000,
            primary_email: 5_000,
        });
        s.run(Operation::EnableRegion, json!({"RegionName": "af-south-1"}))
            .unwrap();
        assert_eq!(s.next_completion(), Some(5_000));
        clock.advance(5_000);
        assert_eq!(s.settle(), None);
        assert_eq!(s.revision.get_untracked(), 2);
    }

    #[test]
    fn a_change_a_read_completed_is_saved_and_shown_by_the_next_settle() {
        let owner = Owner::new();
        owner.set();
        let clock = ManualClock::at(0);
        let s = sandbox(&clock);
        s.run(Operation::EnableRegion, json!({"RegionName": "af-south-1"}))
            .unwrap();
        clock.advance(Timings::REALISTIC.enable);
        let read: Value = s
            .query(
                Operation::GetRegionOptStatus,
                json!({"RegionName": "af-south-1"}),
            )
            .unwrap();
        assert_eq!(read["RegionOptStatus"], "ENABLED");
        assert_eq!(s.revision.get_untracked(), 1, "a read saves nothing");
        assert_eq!(s.settle(), None);
        assert_eq!(s.revision.get_untracked(), 2);
        let saved = s.store.with_value(|st| st.get(STATE_KEY).unwrap()).unwrap();
        assert!(saved.contains("\"af-south-1\":\"ENABLED\""), "{saved}");
        s.settle();
        assert_eq!(s.revision.get_untracked(), 2, "nothing new to show");
    }

    #[test]
    fn what_the_engine_sends_lands_in_the_inbox_and_is_shown() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox(&ManualClock::at(0));
        s.setup(
            Operation::PutContactInformation,
            json!({"ContactInformation": {"FullName": "Jane", "AddressLine1": "1 Main St",
                "City": "Seattle", "StateOrRegion": "WA", "PostalCode": "98109",
                "CountryCode": "US", "PhoneNumber": "+1 206-555-0100"}}),
        )
        .unwrap();
        let before = s.revision.get_untracked();
        s.run(Operation::SendPhoneNumberVerification, json!({}))
            .unwrap();
        assert_eq!(s.revision.get_untracked(), before + 1);
        let inbox = s.inbox();
        assert_eq!(inbox.len(), 1);
        assert_eq!(inbox[0].to, "+1 206-555-0100");
        assert_eq!(
            inbox[0].kind,
            account_engine::inbox::MessageKind::PhoneVerificationCode
        );
    }
}
