//! CIDR blocks for IpAddress and NotIpAddress (std's address parsers; no
//! crate needed for a prefix comparison).

use std::net::IpAddr;

/// An address block, `203.0.113.0/24` or `2001:DB8::/32`; a bare address
/// is its own block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl Cidr {
    pub(crate) fn parse(text: &str) -> Option<Self> {
        let (address, prefix) = match text.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text, None),
        };
        let network: IpAddr = address.trim().parse().ok()?;
        let width = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(prefix) => prefix.trim().parse::<u8>().ok().filter(|&p| p <= width)?,
            None => width,
        };
        Some(Self { network, prefix })
    }

    pub(crate) fn contains(&self, address: IpAddr) -> bool {
        match (self.network, address) {
            (IpAddr::V4(network), IpAddr::V4(address)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(network) & mask == u32::from(address) & mask
            }
            (IpAddr::V6(network), IpAddr::V6(address)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(network) & mask == u128::from(address) & mask
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contains(block: &str, address: &str) -> bool {
        Cidr::parse(block)
            .unwrap()
            .contains(address.parse().unwrap())
    }

    #[test]
    fn blocks_contain_their_addresses_only() {
        assert!(contains("203.0.113.0/24", "203.0.113.255"));
        assert!(!contains("203.0.113.0/24", "203.0.114.0"));
        assert!(contains("10.1.2.3/8", "10.200.0.1"));
        assert!(contains("0.0.0.0/0", "192.0.2.1"));
        assert!(contains("192.0.2.7", "192.0.2.7"));
        assert!(!contains("192.0.2.7", "192.0.2.8"));
        assert!(contains("2001:DB8:1234:5678::/64", "2001:db8:1234:5678::1"));
        assert!(!contains(
            "2001:DB8:1234:5678::/64",
            "2001:db8:1234:5679::1"
        ));
        assert!(!contains("0.0.0.0/0", "::1"));
    }

    #[test]
    fn malformed_blocks_are_refused() {
        for bad in ["10.0.0.0/33", "2001:db8::/129", "10.0.0", "10.0.0.0/x", ""] {
            assert_eq!(Cidr::parse(bad), None, "{bad}");
        }
    }
}
