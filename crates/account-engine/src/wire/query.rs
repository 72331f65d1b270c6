//! The AWS Query wire (STS and IAM): a form-urlencoded body with
//! `Action` and `Version` in; status, headers and an XML body out. One
//! endpoint serves every Query service, so the `Version` chooses the
//! service and the `Action` its operation. This is the one place Query
//! errors become wire responses.
//!
//! botocore reads an answer's `<ActionResult>` by name and ignores the
//! root element's; an error's `<Code>` becomes the exception's code.

use crate::authentication::AuthenticationError;
use crate::engine::Engine;
use crate::iam;
use crate::iam::error::IamApiError;
use crate::iam::model::{Args, IamOutput, Policy, Role, User};
use crate::iam::operation::IamOperation;
use crate::sts;
use crate::sts::error::StsApiError;
use crate::sts::model::{AssumeRoleOutput, GetCallerIdentityOutput};
use crate::sts::operation::StsOperation;
use crate::wire::rest_json::WireResponse;
use crate::FieldError;

pub const CONTENT_TYPE: &str = "text/xml";

/// Echoed request values are cut to this many characters.
const ECHO_CHARS: usize = 200;

/// A service of the Query wire, named by the `Version` of its requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QueryService {
    Sts,
    Iam,
}

impl QueryService {
    pub const ALL: [Self; 2] = [Self::Sts, Self::Iam];

    pub fn version(self) -> &'static str {
        match self {
            Self::Sts => sts::operation::VERSION,
            Self::Iam => iam::operation::VERSION,
        }
    }

    /// The `xmlns` of the service's answers.
    pub fn namespace(self) -> &'static str {
        match self {
            Self::Sts => sts::operation::XML_NAMESPACE,
            Self::Iam => iam::operation::XML_NAMESPACE,
        }
    }

    pub fn from_version(version: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.version() == version)
    }
}

/// An operation of a Query service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QueryOperation {
    Sts(StsOperation),
    Iam(IamOperation),
}

impl QueryOperation {
    /// The operation a Query request body names, if this sandbox serves it.
    pub fn from_body(body: &[u8]) -> Option<Self> {
        let params = Params::parse(body);
        let service = QueryService::from_version(params.get("Version")?)?;
        let action = params.get("Action")?;
        match service {
            QueryService::Sts => StsOperation::from_name(action).map(Self::Sts),
            QueryService::Iam => IamOperation::from_name(action).map(Self::Iam),
        }
    }

    /// Whether the operation can change state (shells persist after these).
    pub fn is_mutating(self) -> bool {
        match self {
            Self::Sts(operation) => operation.is_mutating(),
            Self::Iam(operation) => operation.is_mutating(),
        }
    }
}

/// Every error a Query request answers with: the protocol's own, raised
/// before a service is chosen, and each service's.
///
/// The protocol's codes are the AWS common errors; their messages are
/// inferred (no capture of the real texts), except InvalidAction's, which
/// repeats the real services' `Could not find operation <A> for version
/// <V>`: an endpoint answers an unknown version as it does an unknown
/// action (observed on SES), so this one does for a `Version` no service
/// here has.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("The request must contain the parameter Action.")]
    MissingAction,
    #[error("The request must contain the parameter Version.")]
    MissingVersion,
    #[error("Could not find operation {action} for version {version}")]
    UnknownVersion { action: String, version: String },
    /// The endpoint could not authenticate the request (see
    /// `authentication.rs`); no operation ran.
    #[error(transparent)]
    Unauthenticated(#[from] AuthenticationError),
    #[error(transparent)]
    Sts(#[from] StsApiError),
    #[error(transparent)]
    Iam(#[from] IamApiError),
}

impl QueryError {
    /// The wire code, sent in `<Code>`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::MissingAction => "MissingAction",
            Self::MissingVersion => "MissingParameter",
            Self::UnknownVersion { .. } => "InvalidAction",
            Self::Unauthenticated(error) => error.query_code(),
            Self::Sts(error) => error.code(),
            Self::Iam(error) => error.code(),
        }
    }

    /// The request member the error is about, for forms (off the wire).
    pub fn member(&self) -> Option<&'static str> {
        match self {
            Self::Sts(error) => error.member(),
            _ => None,
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            Self::MissingAction | Self::MissingVersion | Self::UnknownVersion { .. } => 400,
            Self::Unauthenticated(error) => error.status(),
            Self::Sts(error) => error.status(),
            Self::Iam(error) => error.status(),
        }
    }
}

/// The parameters of a form-urlencoded body, in order. Decoding is the
/// WHATWG form rule: `+` is a space, a `%` without two hex digits stays as
/// it is, and bytes that are not UTF-8 become U+FFFD.
struct Params(Vec<(String, String)>);

impl Params {
    fn parse(body: &[u8]) -> Self {
        let pairs = body
            .split(|&b| b == b'&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| match pair.iter().position(|&b| b == b'=') {
                Some(at) => (decode(&pair[..at]), decode(&pair[at + 1..])),
                None => (decode(pair), String::new()),
            })
            .collect();
        Self(pairs)
    }

    /// The first value of `name`; an empty value counts as none.
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, value)| value.as_str())
            .filter(|value| !value.is_empty())
    }
}

impl Args for Params {
    fn get(&self, name: &str) -> Option<&str> {
        Params::get(self, name)
    }
}

fn decode(bytes: &[u8]) -> String {
    fn hex(digit: u8) -> Option<u8> {
        char::from(digit)
            .to_digit(16)
            .and_then(|d| u8::try_from(d).ok())
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some((&byte, tail)) = rest.split_first() {
        rest = tail;
        match byte {
            b'+' => out.push(b' '),
            b'%' => {
                if let [high, low, after @ ..] = tail {
                    if let (Some(high), Some(low)) = (hex(*high), hex(*low)) {
                        out.push(high << 4 | low);
                        rest = after;
                        continue;
                    }
                }
                out.push(b'%');
            }
            byte => out.push(byte),
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn clip(text: &str) -> String {
    text.chars().take(ECHO_CHARS).collect()
}

/// A fragment of XML, written only through these methods, so it is always
/// well-formed: element names are the engine's own, and text is escaped.
#[derive(Default)]
struct Xml(String);

impl Xml {
    /// A whole document: `root`, with `namespace` as its `xmlns`.
    fn document(root: &str, namespace: Option<&str>, content: impl FnOnce(&mut Self)) -> String {
        let mut xml = Self::default();
        xml.0.push('<');
        xml.0.push_str(root);
        if let Some(namespace) = namespace {
            xml.0.push_str(" xmlns=\"");
            xml.escape(namespace);
            xml.0.push('"');
        }
        xml.0.push('>');
        content(&mut xml);
        xml.close(root);
        xml.0
    }

    fn element(&mut self, name: &str, content: impl FnOnce(&mut Self)) -> &mut Self {
        self.open(name);
        content(self);
        self.close(name);
        self
    }

    fn leaf(&mut self, name: &str, text: &str) -> &mut Self {
        self.open(name);
        self.escape(text);
        self.close(name);
        self
    }

    fn open(&mut self, name: &str) {
        self.0.push('<');
        self.0.push_str(name);
        self.0.push('>');
    }

    fn close(&mut self, name: &str) {
        self.0.push_str("</");
        self.0.push_str(name);
        self.0.push('>');
    }

    /// Text as character data or an attribute value. A carriage return is
    /// written as a reference because parsers turn a literal one into a
    /// line feed; characters XML 1.0 cannot carry at all (most controls,
    /// U+FFFE, U+FFFF) become U+FFFD, since echoed input may hold them.
    fn escape(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\r' => self.0.push_str("&#xD;"),
                '\t' | '\n' => self.0.push(c),
                '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => self.0.push('\u{FFFD}'),
                c => self.0.push(c),
            }
        }
    }
}

/// A successful answer: the operation's name and the members of its
/// `<ActionResult>`, which operations without output do not have.
struct Answer {
    action: &'static str,
    result: Option<Xml>,
}

fn caller_identity(output: &GetCallerIdentityOutput) -> Xml {
    let mut xml = Xml::default();
    xml.leaf("Arn", &output.arn)
        .leaf("UserId", &output.user_id)
        .leaf("Account", &output.account);
    xml
}

fn assumed_role(output: &AssumeRoleOutput) -> Xml {
    let mut xml = Xml::default();
    xml.element("Credentials", |xml| {
        xml.leaf("AccessKeyId", &output.access_key_id)
            .leaf("SecretAccessKey", &output.secret_access_key)
            .leaf("SessionToken", &output.session_token);
        timestamp(xml, "Expiration", output.expiration);
    })
    .element("AssumedRoleUser", |xml| {
        xml.leaf("AssumedRoleId", &output.assumed_role_id)
            .leaf("Arn", &output.arn);
    });
    if let Some(size) = output.packed_policy_size {
        xml.leaf("PackedPolicySize", &size.to_string());
    }
    xml
}

fn timestamp(xml: &mut Xml, name: &str, at: crate::clock::Millis) {
    xml.leaf(name, &crate::timestamp::iso8601(at));
}

/// A `User`'s members, in the model's order; a root caller's own identity
/// has no name or path, and a user without tags no `Tags`.
fn user(xml: &mut Xml, user: &User) {
    if !user.path.is_empty() {
        xml.leaf("Path", &user.path)
            .leaf("UserName", &user.user_name);
    }
    xml.leaf("UserId", &user.user_id).leaf("Arn", &user.arn);
    timestamp(xml, "CreateDate", user.create_date);
    boundary(xml, user.permissions_boundary.as_deref());
    tags(xml, &user.tags);
}

/// A `Role`'s members, in the model's order.
fn role(xml: &mut Xml, role: &Role) {
    xml.leaf("Path", &role.path)
        .leaf("RoleName", &role.role_name)
        .leaf("RoleId", &role.role_id)
        .leaf("Arn", &role.arn);
    timestamp(xml, "CreateDate", role.create_date);
    xml.leaf(
        "AssumeRolePolicyDocument",
        &role.assume_role_policy_document,
    );
    if !role.description.is_empty() {
        xml.leaf("Description", &role.description);
    }
    xml.leaf("MaxSessionDuration", &role.max_session_duration.to_string());
    boundary(xml, role.permissions_boundary.as_deref());
    tags(xml, &role.tags);
}

fn boundary(xml: &mut Xml, arn: Option<&str>) {
    if let Some(arn) = arn {
        xml.element("PermissionsBoundary", |xml| {
            xml.leaf("PermissionsBoundaryType", "Policy")
                .leaf("PermissionsBoundaryArn", arn);
        });
    }
}

fn tags(xml: &mut Xml, tags: &[(String, String)]) {
    if !tags.is_empty() {
        xml.element("Tags", |xml| {
            for (key, value) in tags {
                xml.element("member", |xml| {
                    xml.leaf("Key", key).leaf("Value", value);
                });
            }
        });
    }
}

fn policy(xml: &mut Xml, policy: &Policy) {
    xml.leaf("PolicyName", &policy.policy_name)
        .leaf("PolicyId", &policy.policy_id)
        .leaf("Arn", &policy.arn)
        .leaf("Path", &policy.path)
        .leaf("DefaultVersionId", policy.default_version_id)
        .leaf("AttachmentCount", &policy.attachment_count.to_string())
        .leaf("PermissionsBoundaryUsageCount", "0")
        .leaf(
            "IsAttachable",
            if policy.is_attachable {
                "true"
            } else {
                "false"
            },
        );
    if !policy.description.is_empty() {
        xml.leaf("Description", &policy.description);
    }
    timestamp(xml, "CreateDate", policy.create_date);
    timestamp(xml, "UpdateDate", policy.create_date);
}

/// A list of `<member>`s, never truncated: the sandbox answers every item
/// at once.
fn members<T>(xml: &mut Xml, name: &str, items: &[T], write: impl Fn(&mut Xml, &T)) {
    xml.element(name, |xml| {
        for item in items {
            xml.element("member", |xml| write(xml, item));
        }
    });
    xml.leaf("IsTruncated", "false");
}

fn iam_result(output: &IamOutput) -> Option<Xml> {
    let mut xml = Xml::default();
    match output {
        IamOutput::None => return None,
        IamOutput::User(u) => {
            xml.element("User", |xml| user(xml, u));
        }
        IamOutput::Users(users) => members(&mut xml, "Users", users, user),
        IamOutput::AccessKey(key) => {
            xml.element("AccessKey", |xml| {
                xml.leaf("UserName", &key.user_name)
                    .leaf("AccessKeyId", &key.access_key_id)
                    .leaf("Status", key.status)
                    .leaf("SecretAccessKey", &key.secret_access_key);
                timestamp(xml, "CreateDate", key.create_date);
            });
        }
        IamOutput::AccessKeys { user_name, keys } => {
            xml.leaf("UserName", user_name);
            members(&mut xml, "AccessKeyMetadata", keys, |xml, key| {
                xml.leaf("UserName", &key.user_name)
                    .leaf("AccessKeyId", &key.access_key_id)
                    .leaf("Status", key.status);
                timestamp(xml, "CreateDate", key.create_date);
            });
        }
        IamOutput::UserPolicy {
            user_name,
            policy_name,
            document,
        } => {
            xml.leaf("UserName", user_name)
                .leaf("PolicyName", policy_name)
                .leaf("PolicyDocument", document);
        }
        IamOutput::Role(r) => {
            xml.element("Role", |xml| role(xml, r));
        }
        IamOutput::Roles(roles) => members(&mut xml, "Roles", roles, role),
        IamOutput::RolePolicy {
            role_name,
            policy_name,
            document,
        } => {
            xml.leaf("RoleName", role_name)
                .leaf("PolicyName", policy_name)
                .leaf("PolicyDocument", document);
        }
        IamOutput::PolicyNames(names) => {
            members(&mut xml, "PolicyNames", names, |xml, name| xml.escape(name));
        }
        IamOutput::Policy(p) => {
            xml.element("Policy", |xml| policy(xml, p));
        }
        IamOutput::PolicyVersion(version) => {
            xml.element("PolicyVersion", |xml| {
                xml.leaf("Document", &version.document)
                    .leaf("VersionId", version.version_id)
                    .leaf("IsDefaultVersion", "true");
                timestamp(xml, "CreateDate", version.create_date);
            });
        }
        IamOutput::Policies(policies) => members(&mut xml, "Policies", policies, policy),
        IamOutput::AttachedPolicies(attached) => {
            members(&mut xml, "AttachedPolicies", attached, |xml, a| {
                xml.leaf("PolicyName", &a.policy_name)
                    .leaf("PolicyArn", &a.policy_arn);
            });
        }
    }
    Some(xml)
}

impl Engine {
    /// Serves one Query request (AWS STS or IAM). `caller` is the calling
    /// access key id, as for [`Engine::handle`]; `body` is the
    /// form-urlencoded request body.
    pub fn handle_query(&mut self, caller: &str, body: &[u8]) -> WireResponse {
        let params = Params::parse(body);
        let service = params.get("Version").and_then(QueryService::from_version);
        let result = self.run_query(caller, service, &params);
        self.respond_query(service, result)
    }

    /// Answers a Query request the endpoint could not authenticate, in the
    /// namespace of the service its `Version` names; nothing runs.
    pub fn refuse_query(&mut self, body: &[u8], error: AuthenticationError) -> WireResponse {
        let service = Params::parse(body)
            .get("Version")
            .and_then(QueryService::from_version);
        self.respond_query(service, Err(error.into()))
    }

    fn run_query(
        &mut self,
        caller: &str,
        service: Option<QueryService>,
        params: &Params,
    ) -> Result<Answer, QueryError> {
        let action = params.get("Action").ok_or(QueryError::MissingAction)?;
        let Some(service) = service else {
            return Err(match params.get("Version") {
                None => QueryError::MissingVersion,
                Some(version) => QueryError::UnknownVersion {
                    action: clip(action),
                    version: clip(version),
                },
            });
        };
        let principal = self.begin_request(caller);
        match service {
            QueryService::Sts => {
                let operation = StsOperation::from_name(action)
                    .ok_or_else(|| StsApiError::InvalidAction(clip(action)))?;
                let result = match operation {
                    StsOperation::GetCallerIdentity => {
                        caller_identity(&sts::get_caller_identity(&principal))
                    }
                    StsOperation::AssumeRole => {
                        assumed_role(&self.assume_role(&principal, params)?)
                    }
                };
                Ok(Answer {
                    action: operation.name(),
                    result: Some(result),
                })
            }
            QueryService::Iam => {
                let operation = IamOperation::from_name(action)
                    .ok_or_else(|| IamApiError::InvalidAction(clip(action)))?;
                let output = self.iam_call(&principal, operation, params)?;
                Ok(Answer {
                    action: operation.name(),
                    result: iam_result(&output),
                })
            }
        }
    }

    /// An error whose `Version` names no service here has no namespace.
    fn respond_query(
        &mut self,
        service: Option<QueryService>,
        result: Result<Answer, QueryError>,
    ) -> WireResponse {
        let request_id = self.next_request_id();
        let namespace = service.map(QueryService::namespace);
        let fields = match &result {
            Err(error) => error
                .member()
                .map(|member| vec![FieldError::new(member, error.to_string())])
                .unwrap_or_default(),
            Ok(_) => Vec::new(),
        };
        let (status, body) = match result {
            Ok(Answer { action, result }) => {
                let body = Xml::document(&format!("{action}Response"), namespace, |xml| {
                    if let Some(result) = &result {
                        xml.element(&format!("{action}Result"), |xml| xml.0.push_str(&result.0));
                    }
                    xml.element("ResponseMetadata", |xml| {
                        xml.leaf("RequestId", &request_id);
                    });
                });
                (200, body)
            }
            Err(error) => {
                let body = Xml::document("ErrorResponse", namespace, |xml| {
                    xml.element("Error", |xml| {
                        xml.leaf("Type", fault(error.status()))
                            .leaf("Code", error.code())
                            .leaf("Message", &error.to_string());
                    })
                    .leaf("RequestId", &request_id);
                });
                (error.status(), body)
            }
        };
        WireResponse {
            status,
            headers: vec![
                ("content-type", CONTENT_TYPE.to_owned()),
                ("x-amzn-RequestId", request_id),
            ],
            body,
            fields,
            explanation: self.take_explanation(),
        }
    }
}

/// Whose fault an error is, as Query errors say in `<Type>`.
fn fault(status: u16) -> &'static str {
    if status >= 500 {
        "Receiver"
    } else {
        "Sender"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_values_are_decoded_as_browsers_encode_them() {
        let params =
            Params::parse(b"Action=Get%43aller+Identity&a%zz=%E2%82%AC%2&=x&flag&Action=second");
        assert_eq!(
            params.0,
            [
                ("Action", "GetCaller Identity"),
                ("a%zz", "\u{20AC}%2"),
                ("", "x"),
                ("flag", ""),
                ("Action", "second"),
            ]
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
        );
        assert_eq!(params.get("Action"), Some("GetCaller Identity"));
        assert_eq!(params.get("flag"), None);
        assert_eq!(params.get("Version"), None);
        assert_eq!(Params::parse(b"k=%FF").get("k"), Some("\u{FFFD}"));
    }

    #[test]
    fn text_is_escaped_and_characters_xml_cannot_carry_are_replaced() {
        let mut xml = Xml::default();
        xml.leaf("M", "a<b>&\"c\"\r\n\t\u{1}\u{FFFF}é");
        assert_eq!(
            xml.0,
            "<M>a&lt;b&gt;&amp;&quot;c&quot;&#xD;\n\t\u{FFFD}\u{FFFD}é</M>"
        );
    }

    #[test]
    fn server_failures_are_the_receivers_fault() {
        assert_eq!(fault(400), "Sender");
        assert_eq!(fault(403), "Sender");
        assert_eq!(fault(500), "Receiver");
    }

    #[test]
    fn the_version_chooses_the_service() {
        assert_eq!(
            QueryService::from_version("2011-06-15"),
            Some(QueryService::Sts)
        );
        assert_eq!(
            QueryService::from_version("2010-05-08"),
            Some(QueryService::Iam)
        );
        assert_eq!(QueryService::from_version("2012-10-17"), None);
        assert_eq!(
            QueryOperation::from_body(b"Action=GetCallerIdentity&Version=2011-06-15"),
            Some(QueryOperation::Sts(StsOperation::GetCallerIdentity))
        );
        for body in [
            &b"Action=GetCallerIdentity"[..],
            b"Action=AssumeRoleWithSAML&Version=2011-06-15",
            b"Action=GetCallerIdentity&Version=2010-05-08",
            b"Action=UpdateRole&Version=2010-05-08",
        ] {
            assert_eq!(QueryOperation::from_body(body), None);
        }
        assert!(!QueryOperation::Sts(StsOperation::GetCallerIdentity).is_mutating());
        assert_eq!(
            QueryOperation::from_body(b"Action=CreateUser&Version=2010-05-08"),
            Some(QueryOperation::Iam(IamOperation::CreateUser))
        );
        assert!(QueryOperation::Iam(IamOperation::CreateUser).is_mutating());
    }
}
