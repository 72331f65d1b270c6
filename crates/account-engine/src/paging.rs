//! ListRegions page tokens: opaque to clients and tamper-evident. A token
//! names the next offset and is bound, by a keyed hash, to the account and
//! the status filter it was issued for; any other token is malformed.

use crate::ids::keyed_hash;

const VERSION: u8 = 1;

fn mac(key: u64, account: &str, filter_mask: u8, offset: u16) -> u64 {
    let mut data = account.as_bytes().to_vec();
    data.push(filter_mask);
    data.extend_from_slice(&offset.to_be_bytes());
    keyed_hash(key, &data)
}

pub fn encode(key: u64, account: &str, filter_mask: u8, offset: usize) -> String {
    let offset = u16::try_from(offset).unwrap_or(u16::MAX);
    let mut bytes = vec![VERSION];
    bytes.extend_from_slice(&offset.to_be_bytes());
    bytes.extend_from_slice(&mac(key, account, filter_mask, offset).to_be_bytes());
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The offset a token stands for, if it is one this key issued for this
/// account and filter.
pub fn decode(key: u64, account: &str, filter_mask: u8, token: &str) -> Option<usize> {
    if token.len() != 22 || !token.is_ascii() {
        return None;
    }
    let bytes: Vec<u8> = (0..token.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&token[i..i + 2], 16).ok())
        .collect::<Option<_>>()?;
    if bytes[0] != VERSION {
        return None;
    }
    let offset = u16::from_be_bytes([bytes[1], bytes[2]]);
    let tag = u64::from_be_bytes(bytes[3..11].try_into().ok()?);
    (tag == mac(key, account, filter_mask, offset)).then_some(usize::from(offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_reject_any_change() {
        let token = encode(42, "000000000000", 3, 20);
        assert_eq!(decode(42, "000000000000", 3, &token), Some(20));
        assert_eq!(decode(43, "000000000000", 3, &token), None);
        assert_eq!(decode(42, "111111111111", 3, &token), None);
        assert_eq!(decode(42, "000000000000", 2, &token), None);
        for i in 0..token.len() {
            let mut flipped = token.clone().into_bytes();
            flipped[i] = if flipped[i] == b'0' { b'1' } else { b'0' };
            let flipped = String::from_utf8(flipped).unwrap();
            assert_eq!(decode(42, "000000000000", 3, &flipped), None, "{flipped}");
        }
        assert_eq!(decode(42, "000000000000", 3, "not a token"), None);
        assert_eq!(decode(42, "000000000000", 3, "ééééééééééé"), None);
    }
}
