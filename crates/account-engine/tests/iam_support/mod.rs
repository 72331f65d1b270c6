//! Calling IAM over the Query wire in engine tests: form-encoding the
//! parameters, reading values out of the XML answers, and making users
//! with keys.

#![allow(dead_code)]

use account_engine::Engine;

pub const IAM_NS: &str = "https://iam.amazonaws.com/doc/2010-05-08/";
pub const STS_NS: &str = "https://sts.amazonaws.com/doc/2011-06-15/";

pub const READ_ONLY: &str = "arn:aws:iam::aws:policy/AWSAccountManagementReadOnlyAccess";
pub const FULL: &str = "arn:aws:iam::aws:policy/AWSAccountManagementFullAccess";
pub const ADMIN: &str = "arn:aws:iam::aws:policy/AdministratorAccess";

/// An IAM answer: the status and the XML body.
#[derive(Debug)]
pub struct Xml {
    pub status: u16,
    pub body: String,
}

impl Xml {
    /// The text of the first `<name>` element.
    #[track_caller]
    pub fn value(&self, name: &str) -> &str {
        let open = format!("<{name}>");
        let start = self
            .body
            .find(&open)
            .unwrap_or_else(|| panic!("no <{name}> in {}", self.body))
            + open.len();
        let end = self.body[start..].find(&format!("</{name}>")).unwrap() + start;
        &self.body[start..end]
    }

    /// Every text of `<name>` elements, in order.
    pub fn values(&self, name: &str) -> Vec<&str> {
        let open = format!("<{name}>");
        let close = format!("</{name}>");
        self.body
            .split(&open)
            .skip(1)
            .filter_map(|rest| rest.split_once(&close).map(|(v, _)| v))
            .collect()
    }

    #[track_caller]
    pub fn ok(&self) -> &Self {
        assert_eq!(self.status, 200, "{}", self.body);
        self
    }

    /// An STS `<ErrorResponse>` with this status, code and message.
    #[track_caller]
    pub fn assert_sts_error(&self, status: u16, code: &str, message: &str) {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(self.value("Code"), code, "{}", self.body);
        assert_eq!(self.value("Message"), escape(message), "{}", self.body);
        assert!(
            self.body.starts_with(&format!(
                "<ErrorResponse xmlns=\"{STS_NS}\"><Error><Type>Sender</Type>"
            )),
            "{}",
            self.body
        );
    }

    /// IAM's AccessDenied: 403, `message`, and the authorization details
    /// tail IAM adds to its own denials, the same id twice.
    #[track_caller]
    pub fn assert_denied(&self, message: &str) {
        assert_eq!(self.status, 403, "{}", self.body);
        assert_eq!(self.value("Code"), "AccessDenied", "{}", self.body);
        let text = self.value("Message");
        let tail = text
            .strip_prefix(&escape(message))
            .and_then(|t| t.strip_prefix(". Go to https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/authorization-details/"))
            .unwrap_or_else(|| panic!("{text}"));
        let (id, rest) = tail.split_at(25.min(tail.len()));
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
            "{text}"
        );
        assert_eq!(
            rest,
            format!(" for complete details, or call the GetRequestAuthorizationDetails API with the following authorization id: {id}"),
        );
    }

    /// An `<ErrorResponse>` with this status, code and message.
    #[track_caller]
    pub fn assert_error(&self, status: u16, code: &str, message: &str) {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(self.value("Code"), code, "{}", self.body);
        assert_eq!(self.value("Message"), escape(message), "{}", self.body);
        assert!(
            self.body.starts_with(&format!(
                "<ErrorResponse xmlns=\"{IAM_NS}\"><Error><Type>Sender</Type>"
            )),
            "{}",
            self.body
        );
    }
}

/// The XML escaping of a message, as the answer carries it.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn form(params: &[(&str, &str)]) -> String {
    params
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Calls IAM's `action` as `caller` with `params`.
pub fn iam(engine: &mut Engine, caller: &str, action: &str, params: &[(&str, &str)]) -> Xml {
    let mut all = vec![("Action", action), ("Version", "2010-05-08")];
    all.extend_from_slice(params);
    let response = engine.handle_query(caller, form(&all).as_bytes());
    assert_eq!(response.header("content-type"), Some("text/xml"));
    Xml {
        status: response.status,
        body: response.body,
    }
}

/// Calls STS's `action` as `caller` with `params`.
pub fn sts(engine: &mut Engine, caller: &str, action: &str, params: &[(&str, &str)]) -> Xml {
    let mut all = vec![("Action", action), ("Version", "2011-06-15")];
    all.extend_from_slice(params);
    let response = engine.handle_query(caller, form(&all).as_bytes());
    Xml {
        status: response.status,
        body: response.body,
    }
}

/// Creates user `name` in `account` (as its root) with an access key, and
/// returns the key id.
pub fn user_with_key(engine: &mut Engine, account: &str, name: &str) -> String {
    iam(engine, account, "CreateUser", &[("UserName", name)]).ok();
    let key = iam(engine, account, "CreateAccessKey", &[("UserName", name)]);
    key.ok().value("AccessKeyId").to_owned()
}

pub fn attach(engine: &mut Engine, account: &str, user: &str, arn: &str) {
    iam(
        engine,
        account,
        "AttachUserPolicy",
        &[("UserName", user), ("PolicyArn", arn)],
    )
    .ok();
}

pub fn put_inline(engine: &mut Engine, account: &str, user: &str, name: &str, document: &str) {
    iam(
        engine,
        account,
        "PutUserPolicy",
        &[
            ("UserName", user),
            ("PolicyName", name),
            ("PolicyDocument", document),
        ],
    )
    .ok();
}
