//! Where a request came from reaches policy conditions: the peer address
//! as `aws:SourceIp`, `--secure-transport` as `aws:SecureTransport`.

mod common;

use std::net::SocketAddr;
use std::sync::Arc;

use account_engine::ManualClock;
use account_server::{app, Sandbox, Settings};
use axum::extract::ConnectInfo;
use axum::http::StatusCode;
use axum::Router;
use common::*;
use serde_json::{json, Value};

const MANAGEMENT: &str = "111111111111";

const OFFICE_ONLY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"account:ListRegions","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"192.0.2.0/24"}}},{"Effect":"Deny","Action":"account:GetAccountInformation","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"#;

async fn org(app: &Router, operation: &str, body: Value) -> Value {
    let reply = send(app, org_post(operation, Some(MANAGEMENT), body)).await;
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "{operation}: {:?}",
        reply.body
    );
    reply.body
}

/// A member account under an SCP that denies ListRegions outside
/// 192.0.2.0/24 and GetAccountInformation over plain HTTP.
async fn member_under_scp(app: &Router) -> String {
    org(app, "CreateOrganization", json!({})).await;
    let created = org(
        app,
        "CreateAccount",
        json!({"AccountName": "Member", "Email": "member@example.com"}),
    )
    .await;
    let request = created["CreateAccountStatus"]["Id"].as_str().unwrap();
    let status = org(
        app,
        "DescribeCreateAccountStatus",
        json!({"CreateAccountRequestId": request}),
    )
    .await;
    let member = status["CreateAccountStatus"]["AccountId"]
        .as_str()
        .unwrap()
        .to_owned();
    let roots = org(app, "ListRoots", json!({})).await;
    let root = roots["Roots"][0]["Id"].as_str().unwrap().to_owned();
    org(
        app,
        "EnablePolicyType",
        json!({"RootId": root, "PolicyType": "SERVICE_CONTROL_POLICY"}),
    )
    .await;
    let policy = org(
        app,
        "CreatePolicy",
        json!({"Name": "Office", "Description": "", "Type": "SERVICE_CONTROL_POLICY", "Content": OFFICE_ONLY}),
    )
    .await;
    let id = policy["Policy"]["PolicySummary"]["Id"].as_str().unwrap();
    org(
        app,
        "AttachPolicy",
        json!({"PolicyId": id, "TargetId": root}),
    )
    .await;
    member
}

async fn status_from(app: &Router, member: &str, path: &str, peer: Option<[u8; 4]>) -> StatusCode {
    let mut request = post(path, Some(member), "{}");
    if let Some(ip) = peer {
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::from((ip, 50_000))));
    }
    send(app, request).await.status
}

#[tokio::test]
async fn the_peer_address_is_the_source_ip() {
    let app = memory_app();
    let member = member_under_scp(&app).await;
    let list = "/listRegions";
    assert_eq!(
        status_from(&app, &member, list, Some([192, 0, 2, 7])).await,
        StatusCode::OK
    );
    assert_eq!(
        status_from(&app, &member, list, Some([198, 51, 100, 1])).await,
        StatusCode::FORBIDDEN
    );
    // Without a peer (a request made in-process) the source is 127.0.0.1.
    assert_eq!(
        status_from(&app, &member, list, None).await,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn secure_transport_is_the_servers_flag() {
    let info = "/getAccountInformation";
    let plain = memory_app();
    let member = member_under_scp(&plain).await;
    assert_eq!(
        status_from(&plain, &member, info, Some([192, 0, 2, 7])).await,
        StatusCode::FORBIDDEN
    );
    let secure = app(Arc::new(Sandbox::in_memory(
        Settings {
            secure_transport: true,
            ..settings()
        },
        ManualClock::at(START),
    )));
    let member = member_under_scp(&secure).await;
    assert_eq!(
        status_from(&secure, &member, info, Some([192, 0, 2, 7])).await,
        StatusCode::OK
    );
}
