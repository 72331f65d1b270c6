//! AWS Signature Version 4, checked for the access keys the sandbox issued.
//!
//! The canonical request is built as botocore and the AWS SDK for
//! JavaScript v3 sign it for services other than S3: the path with its dot
//! and empty segments removed and then percent-encoded once more, the query
//! decoded, re-encoded and sorted, the `SignedHeaders` with trimmed values
//! whose inner whitespace runs become one space, and the SHA-256 of the
//! body as received (a signed `x-amz-content-sha256` therefore counts only
//! when it is the body's hash, so a changed body never passes). Signing
//! keys are derived once per secret, date, region and service.
//!
//! The request's date is not compared with the sandbox's clock: the
//! sandbox runs on a clock of its own choosing, and a stale signature
//! proves the same secret.

use std::collections::HashMap;

use account_engine::{AuthenticationError, Engine};
use axum::http::header::AUTHORIZATION;
use axum::http::{HeaderMap, Method, Uri};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::identity;

type HmacSha256 = Hmac<Sha256>;

const ALGORITHM: &str = "AWS4-HMAC-SHA256";
const TERMINATOR: &str = "aws4_request";

/// Derived signing keys kept at most; past that the cache starts over, which
/// costs four HMACs per key on the next requests and bounds the memory
/// that callers signing for many dates or regions can take.
const CACHED_KEYS: usize = 1024;

/// What a request was signed over, as the endpoint received it.
pub struct Signed<'a> {
    pub method: &'a Method,
    pub uri: &'a Uri,
    pub headers: &'a HeaderMap,
    pub body: &'a [u8],
}

/// Decides whether the request may go on as `caller` (the access key id of
/// its credential): a key the sandbox issued must carry its session's token
/// (none for a user's key) and a signature made with its secret; a key of
/// the AWS shape that the sandbox does not know is refused; any other id
/// (a 12-digit account id, `test`) keeps the sandbox's unsigned convention.
pub fn authenticate(
    engine: &Engine,
    caller: &str,
    signed: &Signed<'_>,
    keys: &mut SigningKeys,
) -> Result<(), AuthenticationError> {
    match engine.credential(caller) {
        Some(credential) => signed.verify(
            &credential.secret_access_key,
            credential.session_token.as_deref(),
            keys,
        ),
        None if engine.session_expired(caller) => Err(AuthenticationError::ExpiredToken),
        None if identity::is_aws_key_id(caller) => Err(AuthenticationError::InvalidToken),
        None => Ok(()),
    }
}

/// Signing keys by the secret and then the credential scope they were
/// derived for: two maps, so a lookup borrows both and allocates nothing.
#[derive(Default)]
pub struct SigningKeys {
    keys: HashMap<String, HashMap<String, [u8; 32]>>,
    count: usize,
}

impl SigningKeys {
    /// The key for `scope` (`<date>/<region>/<service>/aws4_request`).
    fn get(&mut self, secret: &str, scope: &str) -> [u8; 32] {
        if let Some(key) = self.keys.get(secret).and_then(|scopes| scopes.get(scope)) {
            return *key;
        }
        let mut parts = scope.split('/');
        let mut key = hmac(
            format!("AWS4{secret}").as_bytes(),
            parts.next().unwrap_or_default(),
        );
        for part in [parts.next(), parts.next()] {
            key = hmac(&key, part.unwrap_or_default());
        }
        let key = hmac(&key, TERMINATOR);
        if self.count >= CACHED_KEYS {
            self.keys.clear();
            self.count = 0;
        }
        self.keys
            .entry(secret.to_owned())
            .or_default()
            .insert(scope.to_owned(), key);
        self.count += 1;
        key
    }
}

fn hmac(key: &[u8], data: &str) -> [u8; 32] {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(data.as_bytes());
    mac.finalize().into_bytes().into()
}

/// The parts of an `Authorization: AWS4-HMAC-SHA256 Credential=<id>/<scope>,
/// SignedHeaders=<a;b>, Signature=<hex>` header. Missing parts are empty,
/// so a malformed header fails as a mismatch.
#[derive(Debug, Default, PartialEq, Eq)]
struct Authorization<'a> {
    scope: &'a str,
    signed_headers: &'a str,
    signature: &'a str,
}

impl<'a> Authorization<'a> {
    fn parse(value: &'a str) -> Option<Self> {
        let parameters = value.strip_prefix(ALGORITHM)?;
        let mut parts = Self::default();
        for parameter in parameters.split(',') {
            let Some((name, value)) = parameter.trim().split_once('=') else {
                continue;
            };
            match name {
                "Credential" => parts.scope = value.split_once('/').map_or("", |(_, s)| s),
                "SignedHeaders" => parts.signed_headers = value,
                "Signature" => parts.signature = value,
                _ => {}
            }
        }
        Some(parts)
    }
}

impl Signed<'_> {
    /// Checks the session token, then the signature, with `secret`.
    fn verify(
        &self,
        secret: &str,
        session_token: Option<&str>,
        keys: &mut SigningKeys,
    ) -> Result<(), AuthenticationError> {
        let token = self.header("x-amz-security-token");
        if token.as_deref() != session_token {
            return Err(AuthenticationError::InvalidToken);
        }
        let authorization = self.header(AUTHORIZATION.as_str()).unwrap_or_default();
        let parts = Authorization::parse(&authorization).unwrap_or_default();
        let canonical_request = self.canonical_request(parts.signed_headers);
        let string_to_sign = format!(
            "{ALGORITHM}\n{}\n{}\n{}",
            self.header("x-amz-date").unwrap_or_default(),
            parts.scope,
            hex(&Sha256::digest(canonical_request.as_bytes()))
        );
        let mut mac = HmacSha256::new_from_slice(&keys.get(secret, parts.scope))
            .expect("HMAC takes keys of any length");
        mac.update(string_to_sign.as_bytes());
        // `verify_slice` compares in constant time.
        match unhex(parts.signature).map(|signature| mac.verify_slice(&signature)) {
            Some(Ok(())) => Ok(()),
            _ => Err(AuthenticationError::SignatureMismatch {
                canonical_request,
                string_to_sign,
            }),
        }
    }

    /// Every value of a header, joined by commas as SigV4 joins them.
    fn header(&self, name: &str) -> Option<String> {
        let mut value = String::new();
        self.push_header(name, &mut value).then_some(value)
    }

    /// Appends the header's values to `out`, each trimmed with its inner
    /// whitespace runs made one space, joined by commas; false if there is
    /// no such header.
    fn push_header(&self, name: &str, out: &mut String) -> bool {
        let mut found = false;
        for value in self.headers.get_all(name) {
            if found {
                out.push(',');
            }
            found = true;
            let text = String::from_utf8_lossy(value.as_bytes());
            let mut words = text.split_ascii_whitespace();
            if let Some(first) = words.next() {
                out.push_str(first);
                for word in words {
                    out.push(' ');
                    out.push_str(word);
                }
            }
        }
        found
    }

    fn canonical_request(&self, signed_headers: &str) -> String {
        let mut canonical = format!(
            "{}\n{}\n{}\n",
            self.method.as_str(),
            canonical_path(self.uri.path()),
            canonical_query(self.uri.query().unwrap_or_default())
        );
        for name in signed_headers.split(';').filter(|name| !name.is_empty()) {
            canonical.push_str(name);
            canonical.push(':');
            self.push_header(name, &mut canonical);
            canonical.push('\n');
        }
        canonical.push('\n');
        canonical.push_str(signed_headers);
        canonical.push('\n');
        canonical.push_str(&hex(&Sha256::digest(self.body)));
        canonical
    }
}

/// The path as sent, without `.`, `..` and empty segments (botocore's
/// `remove_dot_segments`, the JS SDK's `getCanonicalPath`), encoded again.
fn canonical_path(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    let mut normalized = String::from("/");
    normalized.push_str(&segments.join("/"));
    if path.ends_with('/') && !segments.is_empty() {
        normalized.push('/');
    }
    encode(normalized.as_bytes(), true)
}

/// Each name and value decoded and encoded strictly, sorted by name and
/// then value.
fn canonical_query(query: &str) -> String {
    let mut pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (encode(&decode(name), false), encode(&decode(value), false))
        })
        .collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-encodes every byte but the unreserved ones (and `/` in paths),
/// with upper-case hex digits, as SigV4 requires.
fn encode(bytes: &[u8], keep_slash: bool) -> String {
    let mut encoded = String::with_capacity(bytes.len());
    for &byte in bytes {
        if byte.is_ascii_alphanumeric()
            || matches!(byte, b'-' | b'_' | b'.' | b'~')
            || (keep_slash && byte == b'/')
        {
            encoded.push(char::from(byte));
        } else {
            let upper =
                |nibble: u8| char::from(HEX_DIGITS[usize::from(nibble)].to_ascii_uppercase());
            encoded.push('%');
            encoded.push(upper(byte >> 4));
            encoded.push(upper(byte & 15));
        }
    }
    encoded
}

/// Decodes `%XX` escapes; a `%` without two hex digits stays as it is.
fn decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let escaped = (bytes[at] == b'%')
            .then(|| bytes.get(at + 1..at + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
        match escaped {
            Some(byte) => {
                decoded.push(byte);
                at += 3;
            }
            None => {
                decoded.push(bytes[at]);
                at += 1;
            }
        }
    }
    decoded
}

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

fn hex(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() * 2);
    for &byte in bytes {
        text.push(char::from(HEX_DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(HEX_DIGITS[usize::from(byte & 15)]));
    }
    text
}

/// The bytes of lower- or upper-case hex, if it is hex.
fn unhex(text: &str) -> Option<Vec<u8>> {
    text.as_bytes()
        .chunks(2)
        .map(|pair| match pair {
            [high, low] => Some(nibble(*high)? << 4 | nibble(*low)?),
            _ => None,
        })
        .collect()
}

fn nibble(digit: u8) -> Option<u8> {
    char::from(digit).to_digit(16).map(|n| n as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    /// The `get-vanilla` case of the AWS SigV4 test suite (which botocore
    /// and the JS SDK also pass): its key, date, scope and signature.
    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    const SCOPE: &str = "20150830/us-east-1/service/aws4_request";

    fn vanilla(signature: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("host", HeaderValue::from_static("example.amazonaws.com"));
        headers.insert("x-amz-date", HeaderValue::from_static("20150830T123600Z"));
        let authorization = format!(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/{SCOPE}, \
             SignedHeaders=host;x-amz-date, Signature={signature}"
        );
        headers.insert(
            AUTHORIZATION,
            HeaderValue::from_str(&authorization).unwrap(),
        );
        headers
    }

    fn verify(uri: &str, headers: &HeaderMap, body: &[u8]) -> Result<(), AuthenticationError> {
        let uri: Uri = uri.parse().unwrap();
        let signed = Signed {
            method: &Method::GET,
            uri: &uri,
            headers,
            body,
        };
        signed.verify(SECRET, None, &mut SigningKeys::default())
    }

    const VANILLA: &str = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    #[test]
    fn accepts_the_test_suites_vanilla_request() {
        assert_eq!(verify("/", &vanilla(VANILLA), b""), Ok(()));
        // Hex digits may come in either case.
        let upper = VANILLA.to_uppercase();
        assert_eq!(verify("/", &vanilla(&upper), b""), Ok(()));
    }

    #[test]
    fn refuses_any_change_with_what_it_computed() {
        let Err(AuthenticationError::SignatureMismatch {
            canonical_request,
            string_to_sign,
        }) = verify("/", &vanilla(VANILLA), b"x")
        else {
            panic!("a body the signature does not cover passed");
        };
        assert_eq!(
            canonical_request,
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n\
             host;x-amz-date\n\
             2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"
        );
        assert!(
            string_to_sign.starts_with(&format!("AWS4-HMAC-SHA256\n20150830T123600Z\n{SCOPE}\n"))
        );
        for (uri, signature) in [
            ("/?a=b", VANILLA),
            ("/", &VANILLA[1..]),
            ("/", "zz"),
            ("/", ""),
        ] {
            assert!(
                verify(uri, &vanilla(signature), b"").is_err(),
                "{uri} {signature}"
            );
        }
        let mut other_host = vanilla(VANILLA);
        other_host.insert("host", HeaderValue::from_static("localhost:4566"));
        assert!(verify("/", &other_host, b"").is_err());
    }

    #[test]
    fn a_token_must_be_the_sessions() {
        let mut headers = vanilla(VANILLA);
        assert_eq!(verify("/", &headers, b""), Ok(()));
        headers.insert("x-amz-security-token", HeaderValue::from_static("t"));
        assert_eq!(
            verify("/", &headers, b""),
            Err(AuthenticationError::InvalidToken)
        );
        let uri: Uri = "/".parse().unwrap();
        let signed = Signed {
            method: &Method::GET,
            uri: &uri,
            headers: &headers,
            body: b"",
        };
        let mut keys = SigningKeys::default();
        for token in [None, Some("other")] {
            assert_eq!(
                signed.verify(SECRET, token, &mut keys),
                Err(AuthenticationError::InvalidToken)
            );
        }
        // The session's token passes, signed or not, as on AWS.
        assert_eq!(signed.verify(SECRET, Some("t"), &mut keys), Ok(()));
    }

    #[test]
    fn normalises_paths_and_queries_as_the_sdks_sign_them() {
        assert_eq!(canonical_path(""), "/");
        assert_eq!(canonical_path("/"), "/");
        assert_eq!(
            canonical_path("/getAlternateContact"),
            "/getAlternateContact"
        );
        assert_eq!(canonical_path("//a/./b/../c/"), "/a/c/");
        assert_eq!(canonical_path("/a/.."), "/");
        assert_eq!(canonical_path("/a%20b/é"), "/a%2520b/%C3%A9");
        assert_eq!(canonical_query(""), "");
        assert_eq!(
            canonical_query("b=2&a=%7e&a=1&c&d=x+y&e=%2"),
            "a=1&a=~&b=2&c=&d=x%2By&e=%252"
        );
    }

    #[test]
    fn reads_the_parts_of_the_authorization_header() {
        assert_eq!(
            Authorization::parse(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request,SignedHeaders=host, Signature=ab"
            ),
            Some(Authorization {
                scope: "20150830/us-east-1/iam/aws4_request",
                signed_headers: "host",
                signature: "ab",
            })
        );
        assert_eq!(Authorization::parse("AWS4-HMAC-SHA1 Credential=x"), None);
        assert_eq!(
            Authorization::parse("AWS4-HMAC-SHA256 junk"),
            Some(Authorization::default())
        );
    }

    #[test]
    fn derives_each_signing_key_once() {
        let mut keys = SigningKeys::default();
        // The signing key the SigV4 documentation derives for IAM.
        let iam = keys.get(SECRET, "20150830/us-east-1/iam/aws4_request");
        assert_eq!(
            hex(&iam),
            "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9"
        );
        let key = keys.get(SECRET, SCOPE);
        assert_eq!(keys.get(SECRET, SCOPE), key);
        assert_ne!(keys.get("other", SCOPE), key);
        assert_eq!(keys.count, 3);
        for n in 0..CACHED_KEYS {
            keys.get(SECRET, &format!("2015{n}/us-east-1/service/aws4_request"));
        }
        assert!(keys.count <= CACHED_KEYS);
        assert_eq!(keys.get(SECRET, SCOPE), key);
    }

    #[test]
    fn joins_repeated_headers_and_collapses_their_spaces() {
        let mut headers = HeaderMap::new();
        headers.append("x-a", HeaderValue::from_static("  one   two "));
        headers.append("x-a", HeaderValue::from_static("three"));
        let uri: Uri = "/".parse().unwrap();
        let signed = Signed {
            method: &Method::POST,
            uri: &uri,
            headers: &headers,
            body: b"",
        };
        assert_eq!(signed.header("x-a").as_deref(), Some("one two,three"));
        assert_eq!(signed.header("x-b"), None);
    }
}
