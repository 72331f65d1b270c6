//! The operations the engine implements, with their wire names and paths.
//! Adding one here makes every exhaustive `match` point at what is missing.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    PutContactInformation,
    GetContactInformation,
    PutAlternateContact,
    GetAlternateContact,
    DeleteAlternateContact,
    ListRegions,
    GetRegionOptStatus,
    EnableRegion,
    DisableRegion,
    PutAccountName,
    GetAccountInformation,
    GetPrimaryEmail,
    StartPrimaryEmailUpdate,
    AcceptPrimaryEmailUpdate,
    GetPrimaryEmailUpdateStatus,
    SendPhoneNumberVerification,
    VerifyPhoneNumber,
    GetGovCloudAccountInformation,
}

impl Operation {
    pub const ALL: [Self; 18] = [
        Self::PutContactInformation,
        Self::GetContactInformation,
        Self::PutAlternateContact,
        Self::GetAlternateContact,
        Self::DeleteAlternateContact,
        Self::ListRegions,
        Self::GetRegionOptStatus,
        Self::EnableRegion,
        Self::DisableRegion,
        Self::PutAccountName,
        Self::GetAccountInformation,
        Self::GetPrimaryEmail,
        Self::StartPrimaryEmailUpdate,
        Self::AcceptPrimaryEmailUpdate,
        Self::GetPrimaryEmailUpdateStatus,
        Self::SendPhoneNumberVerification,
        Self::VerifyPhoneNumber,
        Self::GetGovCloudAccountInformation,
    ];

    /// The API name, e.g. `PutAlternateContact`.
    pub fn name(self) -> &'static str {
        match self {
            Self::PutContactInformation => "PutContactInformation",
            Self::GetContactInformation => "GetContactInformation",
            Self::PutAlternateContact => "PutAlternateContact",
            Self::GetAlternateContact => "GetAlternateContact",
            Self::DeleteAlternateContact => "DeleteAlternateContact",
            Self::ListRegions => "ListRegions",
            Self::GetRegionOptStatus => "GetRegionOptStatus",
            Self::EnableRegion => "EnableRegion",
            Self::DisableRegion => "DisableRegion",
            Self::PutAccountName => "PutAccountName",
            Self::GetAccountInformation => "GetAccountInformation",
            Self::GetPrimaryEmail => "GetPrimaryEmail",
            Self::StartPrimaryEmailUpdate => "StartPrimaryEmailUpdate",
            Self::AcceptPrimaryEmailUpdate => "AcceptPrimaryEmailUpdate",
            Self::GetPrimaryEmailUpdateStatus => "GetPrimaryEmailUpdateStatus",
            Self::SendPhoneNumberVerification => "SendPhoneNumberVerification",
            Self::VerifyPhoneNumber => "VerifyPhoneNumber",
            Self::GetGovCloudAccountInformation => "GetGovCloudAccountInformation",
        }
    }

    /// The restJson1 request path: `/` and the name in lowerCamelCase.
    pub fn path(self) -> String {
        let name = self.name();
        let mut path = String::with_capacity(name.len() + 1);
        path.push('/');
        path.push_str(&name[..1].to_ascii_lowercase());
        path.push_str(&name[1..]);
        path
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|op| op.name() == name)
    }

    pub fn from_path(path: &str) -> Option<Self> {
        let path = path.split('?').next().unwrap_or_default();
        let path = path.strip_suffix('/').unwrap_or(path);
        Self::ALL.into_iter().find(|op| op.path() == path)
    }

    /// The member that names the target account: `AccountId`, except for
    /// GetGovCloudAccountInformation's `StandardAccountId`.
    pub fn account_member(self) -> &'static str {
        match self {
            Self::GetGovCloudAccountInformation => "StandardAccountId",
            _ => "AccountId",
        }
    }

    /// Why the management account may not name itself in `AccountId`: the
    /// primary-email reads answer a bare "Access Denied" (observed), the
    /// rest point at the standalone context (observed for the regions).
    pub fn management_self_reason(self) -> &'static str {
        match self {
            Self::GetPrimaryEmail
            | Self::StartPrimaryEmailUpdate
            | Self::AcceptPrimaryEmailUpdate
            | Self::GetPrimaryEmailUpdateStatus => crate::account::access::ACCESS_DENIED,
            _ => crate::account::access::MANAGEMENT_STANDALONE_ONLY,
        }
    }

    /// Whether the operation can change state (shells persist after these).
    pub fn is_mutating(self) -> bool {
        matches!(
            self,
            Self::PutContactInformation
                | Self::PutAlternateContact
                | Self::DeleteAlternateContact
                | Self::EnableRegion
                | Self::DisableRegion
                | Self::PutAccountName
                | Self::StartPrimaryEmailUpdate
                | Self::AcceptPrimaryEmailUpdate
                | Self::SendPhoneNumberVerification
                | Self::VerifyPhoneNumber
        )
    }
}

#[cfg(test)]
mod tests {
    use super::Operation;

    #[test]
    fn paths_are_lower_camel_case_and_round_trip() {
        assert_eq!(
            Operation::PutContactInformation.path(),
            "/putContactInformation"
        );
        assert_eq!(Operation::ListRegions.path(), "/listRegions");
        for op in Operation::ALL {
            assert_eq!(Operation::from_path(&op.path()), Some(op));
            assert_eq!(Operation::from_name(op.name()), Some(op));
        }
        assert_eq!(Operation::from_path("/nope"), None);
    }
}
