//! The engine: state, clock and settings, and what every operation shares
//! (settling due region changes, resolving the target account).

use std::cell::RefCell;

use crate::account::access;
use crate::account::authorization::{check_param, Param};
use crate::account::error::ApiError;
use crate::account::model::RegionOptStatus;
use crate::account::operation::Operation;
use crate::account::validate;
use crate::clock::{Clock, Millis};
use crate::context::Origin;
use crate::events::Event;
use crate::explanation::Explanation;
use crate::organizations::authorization::OrgCall;
use crate::principal::Principal;
use crate::store::{Account, State, DEFAULT_ACCOUNT_ID};

/// How long region changes and primary email updates take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timings {
    pub enable: Millis,
    pub disable: Millis,
    /// From AcceptPrimaryEmailUpdate (ACCEPTED) to COMPLETED.
    pub primary_email: Millis,
}

impl Timings {
    /// As observed on the real service: 2 min 17 s to enable, 50 s to
    /// disable; a primary email update completes within four hours
    /// (documented), taken here as the whole four.
    pub const REALISTIC: Self = Self {
        enable: 137_000,
        disable: 50_000,
        primary_email: 4 * 60 * 60 * 1000,
    };
}

impl Default for Timings {
    fn default() -> Self {
        Self::REALISTIC
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub default_account: String,
    pub timings: Timings,
    /// The event log keeps this many newest events.
    pub event_log_limit: usize,
    /// The inbox keeps this many newest messages.
    pub inbox_limit: usize,
    /// Region changes in progress allowed per account.
    pub account_region_quota: usize,
    /// Region changes in progress allowed across an organization's accounts.
    pub organization_region_quota: usize,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            default_account: DEFAULT_ACCOUNT_ID.to_owned(),
            timings: Timings::default(),
            event_log_limit: 1000,
            inbox_limit: 1000,
            account_region_quota: 6,
            organization_region_quota: 20,
        }
    }
}

pub struct Engine {
    pub(crate) state: State,
    pub(crate) clock: Box<dyn Clock>,
    pub(crate) config: Config,
    /// Requests served; request ids are not state, so reads stay reads.
    pub(crate) requests: u64,
    /// Completions `settle` applied, so shells can tell that a read changed
    /// the state.
    pub(crate) settled: u64,
    /// The principal of the request being served: each dispatcher resolves
    /// its caller once ([`Engine::begin_request`]), and the service checks
    /// and AccessDenied texts deeper down name it.
    principal: Principal,
    /// Where the request being served came from (`context.rs`).
    pub(crate) origin: Origin,
    /// The Organizations request being served, for its authorization
    /// after the service's own checks; `None` outside the dispatcher.
    pub(crate) org_call: Option<OrgCall>,
    /// The principal a shell acts as without a signature
    /// ([`Engine::as_principal`]), which outranks the caller's key.
    pub(crate) acting_as: Option<Principal>,
    /// Why the current request was refused, for its response; set from
    /// the `&self` checks that authorize.
    pub(crate) explanation: RefCell<Option<Box<Explanation>>>,
}

impl Engine {
    pub fn new(clock: impl Clock + 'static, config: Config) -> Self {
        let state = State::new(clock.now(), &config.default_account);
        Self {
            principal: Principal::root(&config.default_account),
            state,
            clock: Box::new(clock),
            config,
            requests: 0,
            settled: 0,
            origin: Origin::default(),
            org_call: None,
            acting_as: None,
            explanation: RefCell::new(None),
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn default_account(&self) -> &str {
        &self.config.default_account
    }

    /// Changes region durations for changes started from now on.
    pub fn set_timings(&mut self, timings: Timings) {
        self.config.timings = timings;
    }

    pub fn now(&self) -> Millis {
        self.clock.now()
    }

    /// Read access to the whole state, for views and tests.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The event log, oldest first.
    pub fn events(&self) -> impl DoubleEndedIterator<Item = &Event> {
        self.state.events.iter()
    }

    /// When the next region change or primary email update completes, if
    /// one is in progress; shells wake up then to show the new status.
    pub fn next_completion(&self) -> Option<Millis> {
        let regions = self.state.transitions.iter().map(|t| t.completes_at);
        let emails = self
            .state
            .email_updates
            .values()
            .filter_map(|u| u.completes_at);
        regions.chain(emails).min()
    }

    /// How many completions `settle` has applied since the engine was made;
    /// a change means the state changed even if no operation did.
    pub fn settled(&self) -> u64 {
        self.settled
    }

    /// Completes every region change and accepted primary email update
    /// whose time has come. Returns whether anything changed.
    pub fn settle(&mut self) -> bool {
        let regions = self.settle_regions();
        let emails = self.settle_email_updates();
        regions || emails
    }

    /// Completes due region changes in time order and logs their events.
    fn settle_regions(&mut self) -> bool {
        let now = self.clock.now();
        let (mut due, pending): (Vec<_>, Vec<_>) = std::mem::take(&mut self.state.transitions)
            .into_iter()
            .partition(|t| t.completes_at <= now);
        self.state.transitions = pending;
        due.sort_by_key(|t| t.completes_at);
        let changed = !due.is_empty();
        self.settled += due.len() as u64;
        for t in due {
            if let Some(account) = self.state.accounts.get_mut(&t.account_id) {
                if t.target == RegionOptStatus::Disabled {
                    account.regions.remove(&t.region);
                } else {
                    account.regions.insert(t.region.clone(), t.target);
                }
            }
            self.emit(
                &t.caller,
                t.completes_at,
                &t.account_id,
                &t.region,
                t.target,
            );
        }
        changed
    }

    pub(crate) fn emit(
        &mut self,
        caller: &str,
        at: Millis,
        target: &str,
        region: &str,
        status: RegionOptStatus,
    ) {
        let id = self.state.next_id();
        let event = Event::region_change(
            id,
            caller,
            crate::timestamp::iso8601(at),
            target,
            region,
            status,
        );
        self.state.events.push_back(event);
        while self.state.events.len() > self.config.event_log_limit {
            self.state.events.pop_front();
        }
    }

    /// The principal an access key id stands for: a 12-digit id is that
    /// account's root user, a key the sandbox issued is its IAM user, and
    /// anything else the default account's root user.
    pub fn principal_of(&self, caller: &str) -> Principal {
        if (validate::ACCOUNT_ID.matches)(caller) {
            return Principal::root(caller);
        }
        match self.credential(caller) {
            Some(credential) => credential.principal,
            None => Principal::root(self.default_account()),
        }
    }

    /// Resolves the request's caller to its principal, once per request,
    /// and keeps it for the checks the request makes.
    pub(crate) fn begin_request(&mut self, caller: &str) -> Principal {
        self.explanation.take();
        self.principal = match &self.acting_as {
            Some(principal) => principal.clone(),
            None => self.principal_of(caller),
        };
        self.principal.clone()
    }

    /// The principal acting in `account`: the request's, or the account's
    /// root user when the engine is driven without a dispatcher (setup
    /// calls, tests) for another account.
    pub(crate) fn acting(&self, account: &str) -> Principal {
        if self.principal.account_id() == account {
            self.principal.clone()
        } else {
            Principal::root(account)
        }
    }

    /// The caller's own account, created on first use: any 12-digit access
    /// key id is an account of the sandbox.
    pub(crate) fn ensure_account(&mut self, id: &str) {
        if !self.state.accounts.contains_key(id) {
            let now = self.clock.now();
            self.state.accounts.insert(
                id.to_owned(),
                Account::new(id, &format!("Account {id}"), now),
            );
        }
    }

    /// Validates `AccountId`, settles due changes, makes the service's own
    /// access checks, asks `authz` whether policies allow the call, and
    /// returns the account the operation acts on.
    pub(crate) fn begin(
        &mut self,
        caller: &str,
        account_id: Option<&str>,
        operation: Operation,
    ) -> Result<String, ApiError> {
        self.begin_for(caller, account_id, operation, Param::None)
    }

    /// [`Engine::begin`] for an operation with a parameter that a
    /// condition key reads.
    pub(crate) fn begin_for(
        &mut self,
        caller: &str,
        account_id: Option<&str>,
        operation: Operation,
        param: Param,
    ) -> Result<String, ApiError> {
        validate::account_id(operation.account_member(), account_id)?;
        self.settle();
        self.ensure_account(caller);
        let principal = self.acting(caller);
        let target = access::resolve_target(&self.state, &principal, account_id, operation)?;
        check_param(&principal, operation, param)?;
        self.ensure_account(&target);
        self.authorize_account(&principal, operation, account_id.is_some(), &target, param)?;
        Ok(target)
    }

    pub(crate) fn next_request_id(&mut self) -> String {
        self.requests += 1;
        crate::ids::uuid(!self.state.seed, self.requests)
    }

    pub(crate) fn account(&self, id: &str) -> &Account {
        self.state
            .accounts
            .get(id)
            .expect("begin() creates the target account")
    }

    pub(crate) fn account_mut(&mut self, id: &str) -> &mut Account {
        self.state
            .accounts
            .get_mut(id)
            .expect("begin() creates the target account")
    }
}
