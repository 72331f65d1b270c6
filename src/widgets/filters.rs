//! What the search boxes match.

use account_engine::catalog;
use account_engine::model::AlternateContact;
use account_training::case::lowercase;

pub fn needle(search: &str) -> String {
    lowercase(search.trim())
}

/// An alternate contact matches on name, title, email or phone.
pub fn contact_matches(contact: &AlternateContact, search: &str) -> bool {
    let needle = needle(search);
    needle.is_empty()
        || [
            &contact.name,
            &contact.title,
            &contact.email_address,
            &contact.phone_number,
        ]
        .iter()
        .any(|v| lowercase(v).contains(&needle))
}

/// The region's display name, e.g. `Africa (Cape Town)`.
pub fn region_name(code: &str) -> &'static str {
    catalog::find(code)
        .map(|r| r.name.as_str())
        .unwrap_or_default()
}

/// A region matches on its code or its name.
pub fn region_matches(code: &str, search: &str) -> bool {
    let needle = needle(search);
    needle.is_empty()
        || lowercase(code).contains(&needle)
        || lowercase(region_name(code)).contains(&needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use account_engine::model::AlternateContactType;

    #[test]
    fn contacts_match_name_title_email_and_phone_case_insensitively() {
        let c = AlternateContact {
            alternate_contact_type: AlternateContactType::Billing,
            name: "Jane Doe".into(),
            title: "CFO".into(),
            email_address: "jane@example.com".into(),
            phone_number: "+1 555 0100".into(),
        };
        for hit in ["", "  ", "jane", "cfo", "EXAMPLE", "555 01"] {
            assert!(contact_matches(&c, hit), "{hit}");
        }
        assert!(!contact_matches(&c, "security"));
    }

    #[test]
    fn regions_match_code_or_name() {
        assert!(region_matches("af-south-1", "cape"));
        assert!(region_matches("af-south-1", "AF-SOUTH"));
        assert!(!region_matches("af-south-1", "tokyo"));
        assert_eq!(region_name("ap-northeast-1"), "Asia Pacific (Tokyo)");
    }
}
