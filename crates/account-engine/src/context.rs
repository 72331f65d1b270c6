//! The request context every authorization starts from: the action, the
//! resource and the global condition keys of `shared/spec/iam.md` §3, the
//! same for every service. Each service's authorization module
//! (`account/authorization.rs`, `organizations/authorization.rs`,
//! `iam/api.rs`) adds its own keys to what [`Engine::request_context`]
//! builds.
//!
//! Where a request came from is not the engine's to know: the shell says
//! so once per request with [`Engine::set_origin`] (the server from the
//! connection, the page keeps [`Origin::default`]).

use std::net::{IpAddr, Ipv4Addr};

use iam_policy::{Request, Timestamp, Value};

use crate::engine::Engine;
use crate::principal::Principal;

/// Where a request came from: `aws:SourceIp` and `aws:SecureTransport`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub source_ip: IpAddr,
    pub secure_transport: bool,
}

impl Default for Origin {
    /// The page's: its calls never leave the browser, so they come from
    /// this machine (`127.0.0.1`), over no network at all, which the
    /// sandbox counts as not secure transport (`false`), as it does plain
    /// `http://` to the local endpoint.
    fn default() -> Self {
        Self {
            source_ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
            secure_transport: false,
        }
    }
}

impl Engine {
    /// Where the requests from now on come from, until told otherwise.
    pub fn set_origin(&mut self, origin: Origin) {
        self.origin = origin;
    }

    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// `action` on `resource` by `principal`, with the global keys.
    pub(crate) fn request_context(
        &self,
        principal: &Principal,
        action: String,
        resource: String,
    ) -> Request {
        let mut request = Request::new(action, resource);
        self.global_keys(principal, &mut request);
        request
    }

    /// The global condition keys every request carries (§3). A principal
    /// kind adds its own keys in the `match`; `aws:MultiFactorAuthPresent`
    /// stays absent, as for every long-term key.
    fn global_keys(&self, principal: &Principal, request: &mut Request) {
        let account = principal.account_id();
        request.insert("aws:PrincipalArn", principal.principal_arn());
        request.insert("aws:PrincipalAccount", account);
        request.insert("aws:userid", principal.user_id());
        match principal {
            Principal::Root { .. } => request.insert("aws:PrincipalType", "Account"),
            Principal::User {
                account_id, name, ..
            } => {
                request.insert("aws:PrincipalType", "User");
                request.insert("aws:username", name.as_str());
                let tags = self.state.iam.user(account_id, name).map(|u| &u.tags);
                for (key, value) in tags.into_iter().flatten() {
                    request.insert(&format!("aws:PrincipalTag/{key}"), value.as_str());
                }
            }
            // A session's principal is its role (`aws:PrincipalArn`), with
            // the role's tags and the session's over them.
            Principal::AssumedRole {
                role_name,
                access_key_id,
                ..
            } => {
                request.insert("aws:PrincipalType", "AssumedRole");
                let role = crate::iam::find_role(&self.state, account, role_name);
                for (key, value) in role.iter().flat_map(|r| r.tags.iter()) {
                    request.insert(&format!("aws:PrincipalTag/{key}"), value.as_str());
                }
                if let Some(session) = self.state.iam.sessions.get(access_key_id) {
                    for (key, value) in &session.tags {
                        request.insert(&format!("aws:PrincipalTag/{key}"), value.as_str());
                    }
                    request.insert(
                        "aws:TokenIssueTime",
                        Timestamp::from_epoch_seconds(session.issued.div_euclid(1000)),
                    );
                }
            }
        }
        request.insert("aws:RequestedRegion", "us-east-1");
        request.insert("aws:SecureTransport", self.origin.secure_transport);
        request.insert("aws:SourceIp", self.origin.source_ip);
        request.insert("aws:PrincipalIsAWSService", false);
        let now = self.clock.now();
        request.insert(
            "aws:CurrentTime",
            Timestamp::from_epoch_seconds(now.div_euclid(1000)),
        );
        request.insert("aws:EpochTime", now.div_euclid(1000).to_string());
        if let Some(org) = self.state.organization_of(account) {
            request.insert("aws:PrincipalOrgID", org.id.as_str());
            request.insert(
                "aws:PrincipalOrgPaths",
                Value::set([org.parent_path(account)]),
            );
        }
    }
}
