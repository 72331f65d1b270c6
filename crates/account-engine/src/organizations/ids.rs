//! The id patterns of botocore's `organizations` model, as predicates.

fn tail(s: &str, (min, max): (usize, usize), allowed: fn(u8) -> bool) -> bool {
    (min..=max).contains(&s.len()) && s.bytes().all(allowed)
}

fn lower_alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// `^r-[0-9a-z]{4,32}$`
pub fn is_root_id(s: &str) -> bool {
    s.strip_prefix("r-")
        .is_some_and(|t| tail(t, (4, 32), lower_alnum))
}

/// `^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$`
pub fn is_ou_id(s: &str) -> bool {
    s.strip_prefix("ou-")
        .and_then(|t| t.split_once('-'))
        .is_some_and(|(root, unit)| {
            tail(root, (4, 32), lower_alnum) && tail(unit, (8, 32), lower_alnum)
        })
}

/// `^p-[0-9a-zA-Z_]{8,128}$`, which admits `p-FullAWSAccess`.
pub fn is_policy_id(s: &str) -> bool {
    s.strip_prefix("p-")
        .is_some_and(|t| tail(t, (8, 128), |b| b.is_ascii_alphanumeric() || b == b'_'))
}

fn is_account_id(s: &str) -> bool {
    s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())
}

/// `ParentId`: a root or an OU.
pub fn is_parent_id(s: &str) -> bool {
    is_root_id(s) || is_ou_id(s)
}

/// `PolicyTargetId`: a root, an account or an OU.
pub fn is_target_id(s: &str) -> bool {
    is_parent_id(s) || is_account_id(s)
}

/// `TaggableResourceId`: a target or a policy.
pub fn is_taggable_id(s: &str) -> bool {
    is_target_id(s) || is_policy_id(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_model_patterns() {
        assert!(is_root_id("r-ab12"));
        assert!(!is_root_id("r-AB12"));
        assert!(!is_root_id("r-ab1"));
        assert!(is_ou_id("ou-ab12-cdefgh34"));
        assert!(!is_ou_id("ou-ab12-cdefgh3"));
        assert!(!is_ou_id("ou-ab12cdefgh34"));
        assert!(is_policy_id("p-FullAWSAccess"));
        assert!(is_policy_id("p-abcd1234"));
        assert!(!is_policy_id("p-abc"));
        assert!(is_target_id("123456789012"));
        assert!(!is_target_id("p-abcd1234"));
        assert!(is_taggable_id("p-abcd1234"));
    }
}
