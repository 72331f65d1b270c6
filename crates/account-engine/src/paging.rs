//! Page tokens: opaque to clients and tamper-evident.
//!
//! Tokens are cursors: they name the last key returned, so an entry joining,
//! leaving or changing between pages is neither repeated nor skips another,
//! and are bound, by a keyed hash, to the list they page through
//! (ListRegions: the account and the status filter; Organizations: the
//! operation and organization); any other token is malformed.

use crate::ids::keyed_hash;

const CURSOR_VERSION: &str = "c1";

fn cursor_mac(key: u64, scope: &str, after: &str) -> u64 {
    let mut data = scope.as_bytes().to_vec();
    data.push(0);
    data.extend_from_slice(after.as_bytes());
    keyed_hash(key, &data)
}

/// A token to resume `scope`'s list after the key `after`.
pub fn encode_cursor(key: u64, scope: &str, after: &str) -> String {
    let hex: String = after.bytes().map(|b| format!("{b:02x}")).collect();
    format!(
        "{CURSOR_VERSION}.{hex}.{:016x}",
        cursor_mac(key, scope, after)
    )
}

/// The key a cursor resumes after, if this key issued it for `scope`.
pub fn decode_cursor(key: u64, scope: &str, token: &str) -> Option<String> {
    let rest = token.strip_prefix(CURSOR_VERSION)?.strip_prefix('.')?;
    let (hex, tag) = rest.split_once('.')?;
    if hex.len() % 2 != 0 || !hex.is_ascii() || tag.len() != 16 {
        return None;
    }
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).ok())
        .collect::<Option<_>>()?;
    let after = String::from_utf8(bytes).ok()?;
    let tag = u64::from_str_radix(tag, 16).ok()?;
    (tag == cursor_mac(key, scope, &after)).then_some(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_any_change() {
        let token = encode_cursor(42, "ListAccounts/o-abc", "123456789012");
        assert_eq!(
            decode_cursor(42, "ListAccounts/o-abc", &token).as_deref(),
            Some("123456789012")
        );
        assert_eq!(decode_cursor(43, "ListAccounts/o-abc", &token), None);
        assert_eq!(decode_cursor(42, "ListAccounts/o-xyz", &token), None);
        for i in 0..token.len() {
            let mut flipped = token.clone().into_bytes();
            flipped[i] = if flipped[i] == b'0' { b'1' } else { b'0' };
            let flipped = String::from_utf8(flipped).unwrap();
            assert_eq!(
                decode_cursor(42, "ListAccounts/o-abc", &flipped),
                None,
                "{flipped}"
            );
        }
        for bad in [
            "",
            "c1",
            "c1..",
            "c1.zz.0000000000000000",
            "é",
            "c1.3.0000000000000000",
        ] {
            assert_eq!(decode_cursor(42, "ListAccounts/o-abc", bad), None, "{bad}");
        }
    }
}
