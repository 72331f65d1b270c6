//! Who is calling and what they ask for: the access key id of the SigV4
//! `Authorization` header, and the `X-Amz-Target` of JSON 1.1 requests.
//! Signatures are not verified; a sandbox trusts its callers.

use axum::http::header::AUTHORIZATION;
use axum::http::HeaderMap;

/// The access key id in `Credential=<id>/<date>/<region>/<service>/...`,
/// if the request carries one. Local AWS mocks take a 12-digit id as the
/// calling account; the engine applies that rule.
pub fn access_key_id(headers: &HeaderMap) -> Option<&str> {
    let authorization = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (_, credential) = authorization.split_once("Credential=")?;
    credential
        .split(['/', ',', ' '])
        .next()
        .filter(|id| !id.is_empty())
}

/// The operation a JSON 1.1 request names, e.g.
/// `AWSOrganizationsV20161128.ListAccounts`; restJson1 requests have none.
pub fn amz_target(headers: &HeaderMap) -> Option<&str> {
    headers.get("x-amz-target")?.to_str().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with_authorization(value: &[u8]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, HeaderValue::from_bytes(value).unwrap());
        headers
    }

    #[test]
    fn takes_the_id_from_a_sigv4_credential() {
        let headers = with_authorization(
            b"AWS4-HMAC-SHA256 Credential=111122223333/20260101/us-east-1/account/aws4_request, \
              SignedHeaders=host;x-amz-date, Signature=abc",
        );
        assert_eq!(access_key_id(&headers), Some("111122223333"));
        let headers = with_authorization(b"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/2026");
        assert_eq!(access_key_id(&headers), Some("AKIDEXAMPLE"));
    }

    #[test]
    fn reads_the_target_of_json_requests() {
        let mut headers = HeaderMap::new();
        assert_eq!(amz_target(&headers), None);
        headers.insert(
            "X-Amz-Target",
            HeaderValue::from_static("AWSOrganizationsV20161128.ListAccounts"),
        );
        assert_eq!(
            amz_target(&headers),
            Some("AWSOrganizationsV20161128.ListAccounts")
        );
        headers.insert("x-amz-target", HeaderValue::from_bytes(b"\xff").unwrap());
        assert_eq!(amz_target(&headers), None);
    }

    #[test]
    fn has_no_id_without_a_credential() {
        assert_eq!(access_key_id(&HeaderMap::new()), None);
        assert_eq!(access_key_id(&with_authorization(b"Bearer token")), None);
        assert_eq!(
            access_key_id(&with_authorization(b"AWS4-HMAC-SHA256 Credential=/2026")),
            None
        );
        assert_eq!(
            access_key_id(&with_authorization(b"Credential=\xff\xfe/2026")),
            None
        );
    }
}
