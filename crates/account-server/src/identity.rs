//! Who is calling and what they ask for: the access key id and signing
//! service of the SigV4 `Authorization` header, the `X-Amz-Target` of
//! JSON 1.1 requests, and whether a body is a form (the Query wire).
//! Signatures are checked in `signature.rs`.

use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::HeaderMap;

/// The credential of a SigV4 `Authorization` header:
/// `<id>/<date>/<region>/<service>/aws4_request`.
fn credential(headers: &HeaderMap) -> Option<&str> {
    let authorization = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (_, credential) = authorization.split_once("Credential=")?;
    credential.split([',', ' ']).next()
}

/// The access key id of the credential, if the request carries one.
/// Local AWS mocks take a 12-digit id as the calling account; the engine
/// applies that rule.
pub fn access_key_id(headers: &HeaderMap) -> Option<&str> {
    credential(headers)?
        .split('/')
        .next()
        .filter(|id| !id.is_empty())
}

/// Whether `id` has the shape of an AWS access key id: `AKIA` (a user's
/// key) or `ASIA` (a session's) and 16 upper-case letters or digits. An id
/// of that shape is meant as a real credential, so the endpoint refuses it
/// when the sandbox did not issue it (or has deleted it) instead of
/// letting it act as the default account's root user.
pub fn is_aws_key_id(id: &str) -> bool {
    id.len() == 20
        && (id.starts_with("AKIA") || id.starts_with("ASIA"))
        && id[4..]
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// The service the request is signed for, e.g. `sts`: the fourth part of
/// the credential.
pub fn signing_service(headers: &HeaderMap) -> Option<&str> {
    credential(headers)?
        .split('/')
        .nth(3)
        .filter(|service| !service.is_empty())
}

/// Whether the body is `application/x-www-form-urlencoded`, as the Query
/// wire's is (botocore adds `; charset=utf-8`).
pub fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media| {
            media
                .trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
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
    fn takes_the_signing_service_from_the_credential_scope() {
        let headers = with_authorization(
            b"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/sts/aws4_request, \
              SignedHeaders=content-type;host;x-amz-date, Signature=abc",
        );
        assert_eq!(signing_service(&headers), Some("sts"));
        assert_eq!(access_key_id(&headers), Some("AKIDEXAMPLE"));
        for short in [
            &b"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1"[..],
            b"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1//aws4_request",
            b"Bearer token",
        ] {
            assert_eq!(signing_service(&with_authorization(short)), None);
        }
        assert_eq!(signing_service(&HeaderMap::new()), None);
    }

    #[test]
    fn knows_the_shape_of_aws_access_key_ids() {
        for id in ["AKIAIOSFODNN7EXAMPLE", "ASIAZ2345674ABCDEFGH"] {
            assert!(is_aws_key_id(id), "{id}");
        }
        for id in [
            "111122223333",
            "test",
            "AKIAIOSFODNN7EXAMPL",
            "AKIAIOSFODNN7EXAMPLEX",
            "AKIAiosfodnn7example",
            "AKIDIOSFODNN7EXAMPLE",
            "AKIAIOSFODNN7EXAM\u{e9}X",
        ] {
            assert!(!is_aws_key_id(id), "{id}");
        }
    }

    #[test]
    fn recognises_form_bodies_by_their_media_type() {
        let with_type = |value: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(value));
            headers
        };
        for form in [
            "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=utf-8",
            "Application/X-WWW-Form-Urlencoded ;charset=UTF-8",
        ] {
            assert!(is_form(&with_type(form)), "{form}");
        }
        for other in [
            "application/json",
            "application/x-amz-json-1.1",
            "text/plain",
        ] {
            assert!(!is_form(&with_type(other)), "{other}");
        }
        assert!(!is_form(&HeaderMap::new()));
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
