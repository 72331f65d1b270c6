//! What an access key the sandbox issued stands for: the principal, the
//! secret a signature is checked against and, for a session's key, the
//! token the request must carry.

use crate::principal::Principal;

/// An issued access key's credential, as `Engine::credential` finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credential {
    pub principal: Principal,
    /// 40 characters.
    pub secret_access_key: String,
    /// `Some` for a session's `ASIA…` key, `None` for a user's `AKIA…` key.
    pub session_token: Option<String>,
}
