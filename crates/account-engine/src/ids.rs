//! Deterministic identifiers: the engine has no randomness source, so ids
//! and keys come from a seeded mixer (SplitMix64) and a counter.

/// SplitMix64's finalizer: a fast, well-distributed 64-bit mix.
pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A version-4-shaped UUID derived from a seed and a sequence number.
pub fn uuid(seed: u64, sequence: u64) -> String {
    let hi = mix(seed ^ sequence.rotate_left(17));
    let lo = mix(hi ^ sequence);
    let hi = (hi & !0xF000) | 0x4000;
    let lo = (lo & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xFFFF,
        hi & 0xFFFF,
        lo >> 48,
        lo & 0xFFFF_FFFF_FFFF
    )
}

/// `len` characters of `alphabet` derived from a seed and a sequence
/// number: the random-looking part of IAM ids and secrets.
pub fn token(seed: u64, sequence: u64, alphabet: &[u8], len: usize) -> String {
    let mut state = mix(seed ^ sequence.rotate_left(29));
    (0..len)
        .map(|i| {
            state = mix(state ^ i as u64);
            char::from(alphabet[(state % alphabet.len() as u64) as usize])
        })
        .collect()
}

/// Keyed hash over a byte string, for tamper-evident page tokens.
pub fn keyed_hash(key: u64, data: &[u8]) -> u64 {
    data.iter()
        .fold(mix(key), |acc, &b| mix(acc ^ u64::from(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_well_formed_and_distinct() {
        let a = uuid(7, 1);
        let b = uuid(7, 2);
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!("89ab".contains(&a[19..20]));
    }

    #[test]
    fn tokens_use_only_their_alphabet() {
        let t = token(7, 1, b"AB", 30);
        assert_eq!(t.len(), 30);
        assert!(t.chars().all(|c| c == 'A' || c == 'B'));
        assert_ne!(token(7, 1, b"ABCDEF", 16), token(7, 2, b"ABCDEF", 16));
    }
}
