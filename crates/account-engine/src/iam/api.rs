//! The IAM operations: users, their access keys and inline policies, and
//! managed policies, customer and AWS managed, attached to users.
//!
//! Every call is first decided by `authz`, on the action
//! `iam:<Operation>` and the resource it names (the user, the policy, or
//! `*`); root users have full access in their own account unless a
//! member account's SCPs say otherwise.

use iam_policy::{Policy as Document, PolicyKind};

use super::error::IamApiError;
use super::model::{AccessKey, AccessKeyMetadata, Args, IamOutput, Policy, PolicyVersion, User};
use super::operation::IamOperation;
use super::store::{self, ManagedPolicy};
use crate::credential::Credential;
use crate::engine::Engine;
use crate::principal::Principal;

type Result<T> = std::result::Result<T, IamApiError>;

/// The aggregate size of a user's inline policy documents (observed text).
const USER_INLINE_LIMIT: usize = 2048;
/// The size of a managed policy document (observed text).
const MANAGED_POLICY_LIMIT: usize = 6144;
/// Access keys a user may have at once (IAM's quota).
const KEYS_PER_USER: usize = 2;

pub(crate) const UPPER_ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
pub(crate) const SECRET_ALPHABET: &[u8] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// An AWS managed policy that exists in every account.
pub struct AwsManaged {
    pub name: &'static str,
    /// The sandbox's own `ANPA…` id: the real ones were not captured.
    pub id: &'static str,
    pub description: &'static str,
    pub document: &'static str,
    /// When AWS created it (v1); the sandbox's choice where unknown.
    pub created: crate::clock::Millis,
}

pub const AWS_MANAGED: [AwsManaged; 3] = [
    AwsManaged {
        name: "AdministratorAccess",
        id: "ANPAAWSMANAGEDADMIN01",
        description: "Provides full access to AWS services and resources.",
        document: r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
        created: 1_423_247_986_000,
    },
    AwsManaged {
        name: "AWSAccountManagementFullAccess",
        id: "ANPAAWSMANAGEDACCTFUL",
        description: "Provides full access to AWS Account Management",
        document: r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:*","Resource":"*"}]}"#,
        created: 1_632_960_000_000,
    },
    AwsManaged {
        name: "AWSAccountManagementReadOnlyAccess",
        id: "ANPAAWSMANAGEDACCTRDO",
        description: "Provides read-only access to AWS Account Management",
        document: r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["account:Get*","account:List*"],"Resource":"*"}]}"#,
        created: 1_632_960_000_000,
    },
];

const AWS_POLICY_PREFIX: &str = "arn:aws:iam::aws:policy/";

/// The AWS managed policy an ARN names, if any.
pub fn aws_managed(arn: &str) -> Option<&'static AwsManaged> {
    let name = arn.strip_prefix(AWS_POLICY_PREFIX)?;
    AWS_MANAGED.iter().find(|p| p.name == name)
}

pub fn policy_arn(account_id: &str, path: &str, name: &str) -> String {
    format!("arn:aws:iam::{account_id}:policy{path}{name}")
}

/// The document of the managed policy `arn` in `account`, AWS managed or
/// the account's own.
pub fn managed_document<'a>(iam: &'a store::Iam, account: &str, arn: &str) -> Option<&'a str> {
    if let Some(aws) = aws_managed(arn) {
        return Some(aws.document);
    }
    iam.policies
        .get(account)?
        .values()
        .find(|p| policy_arn(account, &p.path, &p.name) == arn)
        .map(|p| p.document.as_str())
}

pub(super) fn validation(value: &str, field: &str, constraint: &str) -> IamApiError {
    IamApiError::Validation(format!(
        "1 validation error detected: Value '{value}' at '{field}' failed to satisfy constraint: {constraint}"
    ))
}

pub(super) fn missing(field: &str) -> IamApiError {
    IamApiError::Validation(format!(
        "1 validation error detected: Value null at '{field}' failed to satisfy constraint: Member must not be null"
    ))
}

/// botocore's field names are the members' in lower camel case.
pub(super) fn field_name(member: &str) -> String {
    let mut chars = member.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_ascii_lowercase().to_string() + chars.as_str()
    })
}

pub(super) fn length(member: &str, value: &str, max: usize) -> Result<()> {
    if value.chars().count() > max {
        return Err(validation(
            value,
            &field_name(member),
            &format!("Member must have length less than or equal to {max}"),
        ));
    }
    Ok(())
}

/// `[\w+=,.@-]+` with at most `max` characters: user and policy names.
pub(super) fn name<'a>(args: &'a dyn Args, member: &str, max: usize) -> Result<&'a str> {
    let value = args
        .get(member)
        .ok_or_else(|| missing(&field_name(member)))?;
    length(member, value, max)?;
    if !value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "_+=,.@-".contains(c))
    {
        return Err(validation(
            value,
            &field_name(member),
            r"Member must satisfy regular expression pattern: [\w+=,.@-]+",
        ));
    }
    Ok(value)
}

/// `(\u002F)|(\u002F[\u0021-\u007E]+\u002F)`, at most 512 characters; `/`
/// when absent.
pub(super) fn path<'a>(args: &'a dyn Args, member: &str) -> Result<&'a str> {
    let Some(value) = args.get(member) else {
        return Ok("/");
    };
    length(member, value, 512)?;
    // `/` alone, or at least one character between two slashes: `//` is
    // neither.
    let inner = value
        .strip_prefix('/')
        .and_then(|rest| rest.strip_suffix('/'));
    let valid = value == "/"
        || inner.is_some_and(|i| {
            !i.is_empty() && i.chars().all(|c| ('\u{21}'..='\u{7E}').contains(&c))
        });
    if !valid {
        return Err(validation(
            value,
            &field_name(member),
            r"Member must satisfy regular expression pattern: (\u002F)|(\u002F[\u0021-\u007E]+\u002F)",
        ));
    }
    Ok(value)
}

pub(super) fn required<'a>(args: &'a dyn Args, member: &str) -> Result<&'a str> {
    args.get(member).ok_or_else(|| missing(&field_name(member)))
}

fn no_user(name: &str) -> IamApiError {
    IamApiError::NoSuchEntity(format!("The user with name {name} cannot be found."))
}

/// A role session's call about "its" user names none (observed text).
fn not_a_user() -> IamApiError {
    IamApiError::Validation("Must specify userName when calling with non-User credentials".into())
}

pub(super) fn no_policy(arn: &str) -> IamApiError {
    IamApiError::NoSuchEntity(format!("Policy {arn} does not exist or is not attachable."))
}

/// `Tags.member.N.Key` / `.Value` from N = 1 until one is missing.
/// `quota` names the limit in IAM's LimitExceeded text (`TagsPerUser`).
pub(super) fn tags(args: &dyn Args, quota: &str) -> Result<Vec<(String, String)>> {
    let mut tags = Vec::new();
    for n in 1.. {
        let Some(key) = args.get(&format!("Tags.member.{n}.Key")) else {
            break;
        };
        length("Key", key, 128)?;
        let value = args.get(&format!("Tags.member.{n}.Value")).unwrap_or("");
        length("Value", value, 256)?;
        tags.push((key.to_owned(), value.to_owned()));
    }
    if tags.len() > 50 {
        return Err(IamApiError::LimitExceeded(format!(
            "Cannot exceed quota for {quota}: 50"
        )));
    }
    Ok(tags)
}

pub(super) fn parse_document(document: &str) -> Result<()> {
    Document::parse(document, PolicyKind::Identity)
        .map(drop)
        .map_err(|e| IamApiError::MalformedPolicyDocument(e.to_string()))
}

/// Percent-encodes everything but unreserved characters, as IAM sends
/// policy documents and botocore decodes them.
pub fn url_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn user_output(account_id: &str, user: &store::User) -> User {
    User {
        path: user.path.clone(),
        user_name: user.name.clone(),
        user_id: user.user_id.clone(),
        arn: format!("arn:aws:iam::{account_id}:user{}{}", user.path, user.name),
        create_date: user.created,
        permissions_boundary: user.permissions_boundary.clone(),
        tags: user.tags.clone(),
    }
}

impl Engine {
    /// The credential of an access key the sandbox issued: its principal,
    /// its secret and, for a session's key, its token. A session's key is
    /// unknown once the session has expired by the engine's clock, or once
    /// its role is gone.
    pub fn credential(&self, access_key_id: &str) -> Option<Credential> {
        if let Some(session) = self.state.iam.sessions.get(access_key_id) {
            return self.session_credential(access_key_id, session);
        }
        let key = self.state.iam.access_keys.get(access_key_id)?;
        let user = self.state.iam.user(&key.account_id, &key.user_name)?;
        let principal = Principal::User {
            account_id: key.account_id.clone(),
            name: user.name.clone(),
            path: user.path.clone(),
            user_id: user.user_id.clone(),
        };
        Some(Credential {
            principal,
            secret_access_key: key.secret.clone(),
            session_token: None,
        })
    }

    /// Whether `access_key_id` is a session's key that the clock alone has
    /// ended: its role is the one it was issued for, so the endpoint says
    /// the token expired, not that it is unknown.
    pub fn session_expired(&self, access_key_id: &str) -> bool {
        self.state
            .iam
            .sessions
            .get(access_key_id)
            .is_some_and(|session| {
                self.clock.now() >= session.expires && self.session_role_unchanged(session)
            })
    }

    fn session_role_unchanged(&self, session: &store::Session) -> bool {
        super::roles::find_role(&self.state, &session.account_id, &session.role_name)
            .is_some_and(|role| role.role_id == session.role_id)
    }

    fn session_credential(&self, key: &str, session: &store::Session) -> Option<Credential> {
        if self.clock.now() >= session.expires {
            return None;
        }
        let role = super::roles::find_role(&self.state, &session.account_id, &session.role_name)
            .filter(|role| role.role_id == session.role_id)?;
        Some(Credential {
            principal: Principal::AssumedRole {
                account_id: session.account_id.clone(),
                role_name: role.name.clone(),
                role_path: role.path.clone(),
                session_name: session.session_name.clone(),
                user_id: format!("{}:{}", role.role_id, session.session_name),
                access_key_id: key.to_owned(),
            },
            secret_access_key: session.secret.clone(),
            session_token: Some(session.token.clone()),
        })
    }

    pub(crate) fn iam_token(&mut self, prefix: &str, alphabet: &[u8], len: usize) -> String {
        self.state.sequence += 1;
        let token = crate::ids::token(self.state.seed, self.state.sequence, alphabet, len);
        format!("{prefix}{token}")
    }

    /// Runs one IAM operation for `principal`, in the principal's account.
    pub(crate) fn iam_call(
        &mut self,
        principal: &Principal,
        operation: IamOperation,
        args: &dyn Args,
    ) -> Result<IamOutput> {
        self.settle();
        let account = principal.account_id().to_owned();
        self.ensure_account(&account);
        self.authorize_iam(principal, operation, args)?;
        let account = account.as_str();
        match operation {
            IamOperation::CreateUser => self.create_user(account, args),
            IamOperation::GetUser => self.get_user(principal, args),
            IamOperation::ListUsers => Ok(self.list_users(account, args)),
            IamOperation::DeleteUser => self.delete_user(account, args),
            IamOperation::TagUser => self.tag_user(account, args),
            IamOperation::CreateAccessKey => self.create_access_key(principal, args),
            IamOperation::ListAccessKeys => self.list_access_keys(principal, args),
            IamOperation::DeleteAccessKey => self.delete_access_key(principal, args),
            IamOperation::PutUserPolicy => self.put_user_policy(account, args),
            IamOperation::GetUserPolicy => self.get_user_policy(account, args),
            IamOperation::DeleteUserPolicy => self.delete_user_policy(account, args),
            IamOperation::CreatePolicy => self.create_policy(account, args),
            IamOperation::GetPolicy => self.get_policy(account, args).map(IamOutput::Policy),
            IamOperation::GetPolicyVersion => self.get_policy_version(account, args),
            IamOperation::ListPolicies => Ok(self.list_policies(account, args)),
            IamOperation::AttachUserPolicy => self.attach_user_policy(account, args),
            IamOperation::DetachUserPolicy => self.detach_user_policy(account, args),
            IamOperation::ListAttachedUserPolicies => self.list_attached(account, args),
            IamOperation::CreateRole => self.create_role(account, args),
            IamOperation::GetRole => self.get_role(account, args),
            IamOperation::ListRoles => Ok(self.list_roles(account, args)),
            IamOperation::DeleteRole => self.delete_role(account, args),
            IamOperation::TagRole => self.tag_role(account, args),
            IamOperation::PutRolePolicy => self.put_role_policy(account, args),
            IamOperation::GetRolePolicy => self.get_role_policy(account, args),
            IamOperation::DeleteRolePolicy => self.delete_role_policy(account, args),
            IamOperation::ListRolePolicies => self.list_role_policies(account, args),
            IamOperation::AttachRolePolicy => self.attach_role_policy(account, args),
            IamOperation::DetachRolePolicy => self.detach_role_policy(account, args),
            IamOperation::ListAttachedRolePolicies => {
                self.list_attached_role_policies(account, args)
            }
            IamOperation::PutUserPermissionsBoundary => self.set_user_boundary(account, args, true),
            IamOperation::DeleteUserPermissionsBoundary => {
                self.set_user_boundary(account, args, false)
            }
            IamOperation::PutRolePermissionsBoundary => self.set_role_boundary(account, args, true),
            IamOperation::DeleteRolePermissionsBoundary => {
                self.set_role_boundary(account, args, false)
            }
        }
    }

    /// The resource an IAM action names, as the Service Authorization
    /// Reference gives it: the user `arn:aws:iam::<acct>:user/<path><name>`
    /// (the path the request gives for CreateUser, the stored one
    /// otherwise; the caller itself when a key operation or GetUser names
    /// no user), the policy `arn:aws:iam::<acct>:policy/<path><name>`, or
    /// `*` for the List actions that have no resource type, the role
    /// `arn:aws:iam::<acct>:role/<path><name>`. With it, the user's or
    /// role's tags as `aws:ResourceTag/<key>` and `iam:ResourceTag/<key>`.
    fn iam_resource<'a>(
        &'a self,
        principal: &Principal,
        operation: IamOperation,
        args: &'a dyn Args,
    ) -> (String, &'a [(String, String)]) {
        let account = principal.account_id();
        let user = |name: Option<&str>| match (name, principal) {
            (Some(name), _) => match self.state.iam.user(account, name) {
                Some(user) => (
                    format!("arn:aws:iam::{account}:user{}{name}", user.path),
                    user.tags.as_slice(),
                ),
                None => (format!("arn:aws:iam::{account}:user/{name}"), &[][..]),
            },
            (None, Principal::User { name, .. }) => (
                principal.arn(),
                self.state
                    .iam
                    .user(account, name)
                    .map_or(&[][..], |u| u.tags.as_slice()),
            ),
            (None, Principal::Root { .. } | Principal::AssumedRole { .. }) => {
                ("*".to_owned(), &[][..])
            }
        };
        match operation {
            IamOperation::ListUsers | IamOperation::ListPolicies | IamOperation::ListRoles => {
                ("*".to_owned(), &[])
            }
            IamOperation::CreateRole => {
                let path = args.get("Path").unwrap_or("/");
                let name = args.get("RoleName").unwrap_or_default();
                (super::roles::role_arn(account, path, name), &[])
            }
            IamOperation::GetRole
            | IamOperation::DeleteRole
            | IamOperation::TagRole
            | IamOperation::PutRolePolicy
            | IamOperation::GetRolePolicy
            | IamOperation::DeleteRolePolicy
            | IamOperation::ListRolePolicies
            | IamOperation::AttachRolePolicy
            | IamOperation::DetachRolePolicy
            | IamOperation::ListAttachedRolePolicies
            | IamOperation::PutRolePermissionsBoundary
            | IamOperation::DeleteRolePermissionsBoundary => {
                let name = args.get("RoleName").unwrap_or_default();
                let path = super::roles::find_role(&self.state, account, name)
                    .map_or_else(|| "/".to_owned(), |r| r.path.clone());
                // The role CreateAccount made has no tags until it is stored.
                let tags = self
                    .state
                    .iam
                    .roles
                    .get(account)
                    .and_then(|roles| roles.get(name))
                    .map_or(&[][..], |r| r.tags.as_slice());
                (super::roles::role_arn(account, &path, name), tags)
            }
            IamOperation::CreateUser => {
                let path = args.get("Path").unwrap_or("/");
                let name = args.get("UserName").unwrap_or_default();
                (format!("arn:aws:iam::{account}:user{path}{name}"), &[])
            }
            IamOperation::CreatePolicy => {
                let path = args.get("Path").unwrap_or("/");
                let name = args.get("PolicyName").unwrap_or_default();
                (policy_arn(account, path, name), &[])
            }
            IamOperation::GetPolicy | IamOperation::GetPolicyVersion => {
                (args.get("PolicyArn").unwrap_or("*").to_owned(), &[])
            }
            IamOperation::GetUser
            | IamOperation::DeleteUser
            | IamOperation::TagUser
            | IamOperation::CreateAccessKey
            | IamOperation::ListAccessKeys
            | IamOperation::DeleteAccessKey
            | IamOperation::PutUserPolicy
            | IamOperation::GetUserPolicy
            | IamOperation::DeleteUserPolicy
            | IamOperation::AttachUserPolicy
            | IamOperation::DetachUserPolicy
            | IamOperation::ListAttachedUserPolicies
            | IamOperation::PutUserPermissionsBoundary
            | IamOperation::DeleteUserPermissionsBoundary => user(args.get("UserName")),
        }
    }

    /// Every caller is asked, root users included: identity policies do
    /// not restrict them, but a member account's SCPs do. The condition
    /// keys are the reference's: `iam:PolicyARN` on attachments, and
    /// `aws:RequestTag/<key>` and `aws:TagKeys` where tags are given.
    fn authorize_iam(
        &self,
        principal: &Principal,
        operation: IamOperation,
        args: &dyn Args,
    ) -> Result<()> {
        let (resource, resource_tags) = self.iam_resource(principal, operation, args);
        let mut request =
            self.request_context(principal, format!("iam:{}", operation.name()), resource);
        for (key, value) in resource_tags {
            request.insert(&format!("aws:ResourceTag/{key}"), value.as_str());
            request.insert(&format!("iam:ResourceTag/{key}"), value.as_str());
        }
        match operation {
            IamOperation::AttachUserPolicy
            | IamOperation::DetachUserPolicy
            | IamOperation::AttachRolePolicy
            | IamOperation::DetachRolePolicy => {
                if let Some(arn) = args.get("PolicyArn") {
                    request.insert("iam:PolicyARN", arn);
                }
            }
            IamOperation::PutUserPermissionsBoundary | IamOperation::PutRolePermissionsBoundary => {
                if let Some(arn) = args.get("PermissionsBoundary") {
                    request.insert("iam:PermissionsBoundary", arn);
                }
            }
            IamOperation::CreateUser
            | IamOperation::TagUser
            | IamOperation::CreatePolicy
            | IamOperation::CreateRole
            | IamOperation::TagRole => {
                if let Some(arn) = args.get("PermissionsBoundary") {
                    request.insert("iam:PermissionsBoundary", arn);
                }
                // Malformed tags are refused after authorization, by the
                // operation; what is well formed is what the keys see.
                let given = tags(args, "TagsPerUser").unwrap_or_default();
                for (key, value) in &given {
                    request.insert(&format!("aws:RequestTag/{key}"), value.as_str());
                }
                request.insert(
                    "aws:TagKeys",
                    iam_policy::Value::set(given.iter().map(|(k, _)| k.as_str())),
                );
            }
            _ => {}
        }
        match self.decide(principal, &request) {
            Some(message) => Err(IamApiError::AccessDenied(message)),
            None => Ok(()),
        }
    }

    fn stored_user(&self, account: &str, name: &str) -> Result<&store::User> {
        self.state
            .iam
            .user(account, name)
            .ok_or_else(|| no_user(name))
    }

    fn stored_user_mut(&mut self, account: &str, name: &str) -> Result<&mut store::User> {
        self.state
            .iam
            .users
            .get_mut(account)
            .and_then(|users| users.get_mut(name))
            .ok_or_else(|| no_user(name))
    }

    fn create_user(&mut self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let name = name(args, "UserName", 64)?.to_owned();
        let path = path(args, "Path")?.to_owned();
        let tags = tags(args, "TagsPerUser")?;
        let boundary = args.get("PermissionsBoundary").map(str::to_owned);
        if let Some(arn) = &boundary {
            if self.find_policy(account, arn).is_none() {
                return Err(no_policy(arn));
            }
        }
        // User names are unique regardless of case (documented).
        let taken = self
            .state
            .iam
            .users
            .get(account)
            .is_some_and(|users| users.keys().any(|n| n.eq_ignore_ascii_case(&name)));
        if taken {
            return Err(IamApiError::EntityAlreadyExists(format!(
                "User with name {name} already exists."
            )));
        }
        let user = store::User {
            name: name.clone(),
            path,
            user_id: self.iam_token("AIDA", UPPER_ALNUM, 17),
            created: self.clock.now(),
            tags,
            inline_policies: Default::default(),
            attached_policies: Default::default(),
            permissions_boundary: boundary,
        };
        let output = user_output(account, &user);
        self.state
            .iam
            .users
            .entry(account.to_owned())
            .or_default()
            .insert(name, user);
        Ok(IamOutput::User(output))
    }

    /// Without a name, the calling user; a root caller then gets its own
    /// identity (UserId = the account, no name or path), as IAM answers.
    fn get_user(&self, principal: &Principal, args: &dyn Args) -> Result<IamOutput> {
        let account = principal.account_id();
        let name = match (args.get("UserName"), principal) {
            (Some(_), _) => name(args, "UserName", 128)?,
            (None, Principal::User { name, .. }) => name.as_str(),
            (None, Principal::Root { .. }) => {
                return Ok(IamOutput::User(User {
                    path: String::new(),
                    user_name: String::new(),
                    user_id: account.to_owned(),
                    arn: principal.arn(),
                    create_date: self.state.accounts.get(account).map_or(0, |a| a.created),
                    permissions_boundary: None,
                    tags: Vec::new(),
                }))
            }
            (None, Principal::AssumedRole { .. }) => return Err(not_a_user()),
        };
        let user = self.stored_user(account, name)?;
        Ok(IamOutput::User(user_output(account, user)))
    }

    fn list_users(&self, account: &str, args: &dyn Args) -> IamOutput {
        let prefix = args.get("PathPrefix").unwrap_or("/");
        let users = self.state.iam.users.get(account).into_iter().flatten();
        IamOutput::Users(
            users
                .filter(|(_, u)| u.path.starts_with(prefix))
                .map(|(_, u)| {
                    // ListUsers leaves tags out (documented).
                    let mut user = user_output(account, u);
                    user.tags.clear();
                    user
                })
                .collect(),
        )
    }

    /// IAM refuses to delete a user that still has keys or policies.
    fn delete_user(&mut self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let name = name(args, "UserName", 128)?;
        let user = self.stored_user(account, name)?;
        let conflict = if self.state.iam.keys_of(account, name).next().is_some() {
            Some("Cannot delete entity, must delete access keys first.")
        } else if !user.inline_policies.is_empty() {
            Some("Cannot delete entity, must delete policies first.")
        } else if !user.attached_policies.is_empty() {
            Some("Cannot delete entity, must detach all policies first.")
        } else {
            None
        };
        if let Some(text) = conflict {
            return Err(IamApiError::DeleteConflict(text.into()));
        }
        if let Some(users) = self.state.iam.users.get_mut(account) {
            users.remove(name);
            if users.is_empty() {
                self.state.iam.users.remove(account);
            }
        }
        Ok(IamOutput::None)
    }

    fn tag_user(&mut self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let name = name(args, "UserName", 128)?;
        let new = tags(args, "TagsPerUser")?;
        if new.is_empty() {
            return Err(missing("tags"));
        }
        let user = self.stored_user_mut(account, name)?;
        for (key, value) in new {
            match user.tags.iter_mut().find(|(k, _)| *k == key) {
                Some(tag) => tag.1 = value,
                None => user.tags.push((key, value)),
            }
        }
        if user.tags.len() > 50 {
            return Err(IamApiError::LimitExceeded(
                "Cannot exceed quota for TagsPerUser: 50".into(),
            ));
        }
        Ok(IamOutput::None)
    }

    /// The user an access key call is about: the named one, or the
    /// calling user.
    fn key_owner(&self, principal: &Principal, args: &dyn Args) -> Result<String> {
        match (args.get("UserName"), principal) {
            (Some(_), _) => {
                let name = name(args, "UserName", 128)?;
                self.stored_user(principal.account_id(), name)?;
                Ok(name.to_owned())
            }
            (None, Principal::User { name, .. }) => Ok(name.clone()),
            // IAM would manage the root user's own keys; the sandbox keeps
            // none, so a root caller must name the user.
            (None, Principal::Root { .. }) => Err(missing("userName")),
            (None, Principal::AssumedRole { .. }) => Err(not_a_user()),
        }
    }

    fn create_access_key(&mut self, principal: &Principal, args: &dyn Args) -> Result<IamOutput> {
        let account = principal.account_id().to_owned();
        let user = self.key_owner(principal, args)?;
        if self.state.iam.keys_of(&account, &user).count() >= KEYS_PER_USER {
            return Err(IamApiError::LimitExceeded(format!(
                "Cannot exceed quota for AccessKeysPerUser: {KEYS_PER_USER}"
            )));
        }
        let id = loop {
            let id = self.iam_token("AKIA", UPPER_ALNUM, 16);
            if !self.state.iam.access_keys.contains_key(&id) {
                break id;
            }
        };
        let secret = self.iam_token("", SECRET_ALPHABET, 40);
        let created = self.clock.now();
        self.state.iam.access_keys.insert(
            id.clone(),
            store::AccessKey {
                account_id: account,
                user_name: user.clone(),
                secret: secret.clone(),
                created,
            },
        );
        Ok(IamOutput::AccessKey(AccessKey {
            user_name: user,
            access_key_id: id,
            status: "Active",
            secret_access_key: secret,
            create_date: created,
        }))
    }

    fn list_access_keys(&self, principal: &Principal, args: &dyn Args) -> Result<IamOutput> {
        let user = self.key_owner(principal, args)?;
        let keys = self
            .state
            .iam
            .keys_of(principal.account_id(), &user)
            .map(|(id, key)| AccessKeyMetadata {
                user_name: user.clone(),
                access_key_id: id.clone(),
                status: "Active",
                create_date: key.created,
            })
            .collect();
        Ok(IamOutput::AccessKeys {
            user_name: user,
            keys,
        })
    }

    fn delete_access_key(&mut self, principal: &Principal, args: &dyn Args) -> Result<IamOutput> {
        let id = required(args, "AccessKeyId")?;
        let user = self.key_owner(principal, args)?;
        let owned = self
            .state
            .iam
            .access_keys
            .get(id)
            .is_some_and(|k| k.account_id == principal.account_id() && k.user_name == user);
        if !owned {
            return Err(IamApiError::NoSuchEntity(format!(
                "The Access Key with id {id} cannot be found."
            )));
        }
        self.state.iam.access_keys.remove(id);
        Ok(IamOutput::None)
    }

    fn put_user_policy(&mut self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let user_name = name(args, "UserName", 128)?;
        let policy_name = name(args, "PolicyName", 128)?;
        let document = required(args, "PolicyDocument")?;
        let user = self.stored_user(account, user_name)?;
        parse_document(document)?;
        let others: usize = user
            .inline_policies
            .iter()
            .filter(|(n, _)| *n != policy_name)
            .map(|(_, d)| policy_size(d))
            .sum();
        if others + policy_size(document) > USER_INLINE_LIMIT {
            return Err(IamApiError::LimitExceeded(format!(
                "Maximum policy size of {USER_INLINE_LIMIT} bytes exceeded for user {user_name}"
            )));
        }
        let user = self.stored_user_mut(account, user_name)?;
        user.inline_policies
            .insert(policy_name.to_owned(), document.to_owned());
        Ok(IamOutput::None)
    }

    fn get_user_policy(&self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let user_name = name(args, "UserName", 128)?;
        let policy_name = name(args, "PolicyName", 128)?;
        let user = self.stored_user(account, user_name)?;
        let document = user.inline_policies.get(policy_name).ok_or_else(|| {
            IamApiError::NoSuchEntity(format!(
                "The user policy with name {policy_name} cannot be found."
            ))
        })?;
        Ok(IamOutput::UserPolicy {
            user_name: user_name.to_owned(),
            policy_name: policy_name.to_owned(),
            document: url_encode(document),
        })
    }

    fn delete_user_policy(&mut self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let user_name = name(args, "UserName", 128)?;
        let policy_name = name(args, "PolicyName", 128)?;
        let user = self.stored_user_mut(account, user_name)?;
        if user.inline_policies.remove(policy_name).is_none() {
            return Err(IamApiError::NoSuchEntity(format!(
                "The user policy with name {policy_name} cannot be found."
            )));
        }
        Ok(IamOutput::None)
    }

    /// The users and roles of `account` the policy is attached to.
    fn attachments(&self, account: &str, arn: &str) -> usize {
        let users = self.state.iam.users.get(account).into_iter().flatten();
        let roles = super::roles::roles_of(&self.state, account);
        users
            .filter(|(_, u)| u.attached_policies.contains(arn))
            .count()
            + roles
                .iter()
                .filter(|r| r.attached_policies.contains(arn))
                .count()
    }

    fn customer_policy(&self, account: &str, policy: &ManagedPolicy) -> Policy {
        let arn = policy_arn(account, &policy.path, &policy.name);
        Policy {
            policy_name: policy.name.clone(),
            policy_id: policy.policy_id.clone(),
            attachment_count: self.attachments(account, &arn),
            arn,
            path: policy.path.clone(),
            default_version_id: "v1",
            is_attachable: true,
            description: policy.description.clone(),
            create_date: policy.created,
        }
    }

    fn aws_policy(&self, account: &str, policy: &AwsManaged) -> Policy {
        let arn = format!("{AWS_POLICY_PREFIX}{}", policy.name);
        Policy {
            policy_name: policy.name.to_owned(),
            policy_id: policy.id.to_owned(),
            attachment_count: self.attachments(account, &arn),
            arn,
            path: "/".into(),
            default_version_id: "v1",
            is_attachable: true,
            description: policy.description.to_owned(),
            create_date: policy.created,
        }
    }

    fn create_policy(&mut self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let policy_name = name(args, "PolicyName", 128)?.to_owned();
        let path = path(args, "Path")?.to_owned();
        let document = required(args, "PolicyDocument")?.to_owned();
        let description = args.get("Description").unwrap_or("").to_owned();
        length("Description", &description, 1000)?;
        if policy_size(&document) > MANAGED_POLICY_LIMIT {
            return Err(IamApiError::LimitExceeded(format!(
                "Cannot exceed quota for PolicySize: {MANAGED_POLICY_LIMIT}"
            )));
        }
        parse_document(&document)?;
        let taken = self
            .state
            .iam
            .policies
            .get(account)
            .is_some_and(|p| p.contains_key(&policy_name));
        if taken {
            return Err(IamApiError::EntityAlreadyExists(format!(
                "A policy called {policy_name} already exists. Duplicate names are not allowed."
            )));
        }
        let policy = ManagedPolicy {
            name: policy_name.clone(),
            path,
            policy_id: self.iam_token("ANPA", UPPER_ALNUM, 17),
            description,
            document,
            created: self.clock.now(),
        };
        let output = self.customer_policy(account, &policy);
        self.state
            .iam
            .policies
            .entry(account.to_owned())
            .or_default()
            .insert(policy_name, policy);
        Ok(IamOutput::Policy(output))
    }

    pub(super) fn find_policy(&self, account: &str, arn: &str) -> Option<Policy> {
        if let Some(aws) = aws_managed(arn) {
            return Some(self.aws_policy(account, aws));
        }
        self.state
            .iam
            .policies
            .get(account)?
            .values()
            .find(|p| policy_arn(account, &p.path, &p.name) == arn)
            .map(|p| self.customer_policy(account, p))
    }

    fn get_policy(&self, account: &str, args: &dyn Args) -> Result<Policy> {
        let arn = required(args, "PolicyArn")?;
        self.find_policy(account, arn)
            .ok_or_else(|| IamApiError::NoSuchEntity(format!("Policy {arn} was not found.")))
    }

    fn get_policy_version(&self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let policy = self.get_policy(account, args)?;
        let version = required(args, "VersionId")?;
        if version != "v1" {
            return Err(IamApiError::NoSuchEntity(format!(
                "Policy {} version {version} does not exist or is not attachable.",
                policy.arn
            )));
        }
        let document = managed_document(&self.state.iam, account, &policy.arn).unwrap_or("");
        Ok(IamOutput::PolicyVersion(PolicyVersion {
            document: url_encode(document),
            version_id: "v1",
            create_date: policy.create_date,
        }))
    }

    /// Scope `All` (the default), `AWS` or `Local`; `OnlyAttached` keeps
    /// the policies attached to a user of the account.
    fn list_policies(&self, account: &str, args: &dyn Args) -> IamOutput {
        let scope = args.get("Scope").unwrap_or("All");
        let only_attached = args.get("OnlyAttached") == Some("true");
        let prefix = args.get("PathPrefix").unwrap_or("/");
        let aws = AWS_MANAGED
            .iter()
            .filter(|_| scope != "Local")
            .map(|p| self.aws_policy(account, p));
        let local = self
            .state
            .iam
            .policies
            .get(account)
            .into_iter()
            .flat_map(|p| p.values())
            .filter(|_| scope != "AWS")
            .map(|p| self.customer_policy(account, p));
        IamOutput::Policies(
            aws.chain(local)
                .filter(|p| p.path.starts_with(prefix))
                .filter(|p| !only_attached || p.attachment_count > 0)
                .collect(),
        )
    }

    fn attach_user_policy(&mut self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let user_name = name(args, "UserName", 128)?;
        let arn = required(args, "PolicyArn")?;
        self.stored_user(account, user_name)?;
        if self.find_policy(account, arn).is_none() {
            return Err(no_policy(arn));
        }
        let user = self.stored_user_mut(account, user_name)?;
        user.attached_policies.insert(arn.to_owned());
        Ok(IamOutput::None)
    }

    fn detach_user_policy(&mut self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let user_name = name(args, "UserName", 128)?;
        let arn = required(args, "PolicyArn")?;
        let user = self.stored_user_mut(account, user_name)?;
        if !user.attached_policies.remove(arn) {
            return Err(IamApiError::NoSuchEntity(format!(
                "Policy {arn} was not found."
            )));
        }
        Ok(IamOutput::None)
    }

    fn list_attached(&self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let user_name = name(args, "UserName", 128)?;
        let user = self.stored_user(account, user_name)?;
        Ok(IamOutput::AttachedPolicies(super::roles::attached(
            &user.attached_policies,
        )))
    }

    /// PutUserPermissionsBoundary / DeleteUserPermissionsBoundary; deleting
    /// a boundary the user does not have changes nothing.
    fn set_user_boundary(
        &mut self,
        account: &str,
        args: &dyn Args,
        put: bool,
    ) -> Result<IamOutput> {
        let user_name = name(args, "UserName", 128)?;
        let boundary = if put {
            let arn = required(args, "PermissionsBoundary")?;
            self.stored_user(account, user_name)?;
            if self.find_policy(account, arn).is_none() {
                return Err(no_policy(arn));
            }
            Some(arn.to_owned())
        } else {
            None
        };
        self.stored_user_mut(account, user_name)?
            .permissions_boundary = boundary;
        Ok(IamOutput::None)
    }
}

/// IAM counts a document's characters without its whitespace (documented).
pub(super) fn policy_size(document: &str) -> usize {
    document.chars().filter(|c| !c.is_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_percent_encoded_as_iam_sends_them() {
        assert_eq!(
            url_encode(r#"{"A":"b c*"}"#),
            "%7B%22A%22%3A%22b%20c%2A%22%7D"
        );
    }

    #[test]
    fn the_aws_managed_policies_parse_as_identity_policies() {
        for policy in &AWS_MANAGED {
            assert!(Document::parse(policy.document, PolicyKind::Identity).is_ok());
            assert_eq!(policy.id.len(), 21, "{}", policy.name);
        }
    }

    #[test]
    fn member_names_become_botocore_field_names() {
        assert_eq!(field_name("UserName"), "userName");
        assert_eq!(field_name(""), "");
    }
}
