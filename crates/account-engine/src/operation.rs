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
}

impl Operation {
    pub const ALL: [Self; 11] = [
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

    /// The alternate-contact operations, the only ones where a delegated
    /// administrator may name its own account.
    pub fn is_alternate_contact(self) -> bool {
        matches!(
            self,
            Self::PutAlternateContact | Self::GetAlternateContact | Self::DeleteAlternateContact
        )
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
