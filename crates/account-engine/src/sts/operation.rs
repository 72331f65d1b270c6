//! The AWS STS operations the engine serves, with their Query `Action`
//! names. As with `Operation`, exhaustive `match`es make a new one
//! impossible to half-wire.

/// The `Version` every STS request carries.
pub const VERSION: &str = "2011-06-15";

/// The namespace of STS's XML answers (botocore's `xmlNamespace`).
pub const XML_NAMESPACE: &str = "https://sts.amazonaws.com/doc/2011-06-15/";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StsOperation {
    GetCallerIdentity,
    AssumeRole,
}

impl StsOperation {
    pub const ALL: [Self; 2] = [Self::GetCallerIdentity, Self::AssumeRole];

    /// The API name, which is also the request's `Action`.
    pub fn name(self) -> &'static str {
        match self {
            Self::GetCallerIdentity => "GetCallerIdentity",
            Self::AssumeRole => "AssumeRole",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|op| op.name() == name)
    }

    /// Whether the operation can change state (shells persist after these).
    pub fn is_mutating(self) -> bool {
        match self {
            Self::GetCallerIdentity => false,
            Self::AssumeRole => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::StsOperation;

    #[test]
    fn names_round_trip() {
        for op in StsOperation::ALL {
            assert_eq!(StsOperation::from_name(op.name()), Some(op));
        }
        assert_eq!(
            StsOperation::from_name("GetCallerIdentity"),
            Some(StsOperation::GetCallerIdentity)
        );
        assert_eq!(StsOperation::from_name("getCallerIdentity"), None);
        assert_eq!(StsOperation::from_name("assumeRole"), None);
        assert_eq!(StsOperation::from_name("AssumeRoleWithSAML"), None);
    }
}
