//! The simulator's load: 20 policies of 50 statements for one request.
//! These tests check outcomes and that evaluation allocates nothing;
//! `cargo test --profile server -p iam-policy --test scale -- --nocapture`
//! prints the time taken (no test asserts a timing).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::net::{IpAddr, Ipv4Addr};
use std::time::Instant;

use iam_policy::{Decision, Policy, PolicyKind, Request, Timestamp, Value};

/// Counts each thread's allocations, to show that evaluation makes none.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // `try_with`: the count may already be gone while a thread exits.
        let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const POLICIES: usize = 20;
const STATEMENTS: usize = 50;

/// Ten kinds of statement, in the shapes account policies take.
fn statement(policy: usize, index: usize) -> String {
    let sid = format!("P{policy}S{index}");
    let body = match index % 10 {
        0 => r#""Effect":"Allow","Action":["account:Get*","account:List*"],"Resource":"*""#,
        1 => {
            r#""Effect":"Allow","Action":["account:PutAlternateContact","account:DeleteAlternateContact"],
                "Resource":"arn:aws:account::*:account/o-aa111bb222/*",
                "Condition":{"ForAnyValue:StringEquals":{"account:AlternateContactTypes":["BILLING","OPERATIONS"]}}"#
        }
        2 => {
            r#""Effect":"Deny","Action":"account:*","NotResource":"arn:aws:account::111111111111:account/*",
                "Condition":{"StringNotEquals":{"aws:PrincipalTag/team":"${aws:username}"}}"#
        }
        3 => {
            r#""Effect":"Allow","Action":["account:EnableRegion","account:DisableRegion","account:GetRegionOptStatus"],
                "Resource":"*","Condition":{"StringEquals":{"account:TargetRegion":["ap-east-1","me-south-1","af-south-1","eu-south-1","ap-south-2"]},
                "Bool":{"aws:SecureTransport":"true"}}"#
        }
        4 => {
            r#""Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::123456789012:user/${aws:username}""#
        }
        5 => {
            r#""Effect":"Deny","NotAction":["account:Get*","account:List*"],"Resource":"*",
                "Condition":{"DateGreaterThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}"#
        }
        6 => {
            r#""Effect":"Allow","Action":["s3:GetObject","ec2:Describe*","sts:AssumeRole"],"Resource":"*",
                "Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","198.51.100.0/24"]}}"#
        }
        7 => {
            r#""Effect":"Allow","Action":"account:Put*","Resource":"arn:aws:account::*:account",
                "Condition":{"ForAnyValue:StringLike":{"account:AccountResourceOrgPaths":["o-aa111bb222/r-a1b2/ou-a1b2-f6g7h111/*"]}}"#
        }
        8 => {
            r#""Effect":"Deny","Action":"account:*","Resource":"*",
                "Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/Quarantined*"}}"#
        }
        _ => {
            r#""Effect":"Allow","Action":"account:??tAlternateContact","Resource":"arn:aws:account::123456789012:account/o-aa111bb222/222222222222""#
        }
    };
    format!(r#"{{"Sid":"{sid}",{body}}}"#)
}

fn policies() -> Vec<Policy> {
    (0..POLICIES)
        .map(|policy| {
            let statements: Vec<String> = (0..STATEMENTS).map(|i| statement(policy, i)).collect();
            let json = format!(
                r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
                statements.join(",")
            );
            Policy::parse(&json, PolicyKind::Identity).unwrap()
        })
        .collect()
}

fn request(action: &str) -> Request {
    Request::new(
        action,
        "arn:aws:account::123456789012:account/o-aa111bb222/111111111111",
    )
    .with("account:AlternateContactTypes", Value::set(["OPERATIONS"]))
    .with("account:TargetRegion", "eu-west-1")
    .with(
        "account:AccountResourceOrgPaths",
        Value::set(["o-aa111bb222/r-a1b2/"]),
    )
    .with("aws:username", "alice")
    .with("aws:PrincipalTag/team", "alice")
    .with("aws:PrincipalArn", "arn:aws:iam::123456789012:user/alice")
    .with("aws:PrincipalAccount", "123456789012")
    .with("aws:PrincipalType", "User")
    .with("aws:RequestedRegion", "us-east-1")
    .with(
        "aws:CurrentTime",
        Timestamp::from_epoch_seconds(1_767_225_600),
    )
    .with("aws:EpochTime", Value::Number(1_767_225_600.0))
    .with("aws:SecureTransport", true)
    .with("aws:SourceIp", IpAddr::V4(Ipv4Addr::new(192, 0, 2, 10)))
}

/// Evaluates every policy `rounds` times and returns the decisions of the
/// last round and the mean time of one round (all policies).
fn time(policies: &[Policy], request: &Request, rounds: u32) -> (Vec<Decision>, f64) {
    let start = Instant::now();
    let mut decisions = Vec::new();
    for _ in 0..rounds {
        decisions = policies
            .iter()
            .map(|p| p.evaluate(request).decision())
            .collect();
    }
    (
        decisions,
        start.elapsed().as_secs_f64() * 1e6 / f64::from(rounds),
    )
}

#[test]
fn twenty_policies_of_fifty_statements() {
    let start = Instant::now();
    let policies = policies();
    let parsing = start.elapsed().as_secs_f64() * 1e3;

    // Each policy allows at its second statement and denies nowhere, so
    // every statement of every policy is read.
    let put = request("account:PutAlternateContact");
    for policy in &policies {
        let found = policy.evaluate(&put);
        assert_eq!(found.allow.map(|s| s.index), Some(1));
        assert_eq!(found.deny, None);
    }
    let (decisions, allowed) = time(&policies, &put, 500);
    assert!(decisions.iter().all(|&d| d == Decision::Allow));

    let enable = request("account:EnableRegion");
    let (decisions, refused) = time(&policies, &enable, 500);
    assert!(decisions.iter().all(|&d| d == Decision::ImplicitDeny));

    let ten = &policies[..10];
    let (_, ten_policies) = time(ten, &put, 500);

    println!(
        "parse {POLICIES}x{STATEMENTS}: {parsing:.2} ms; evaluate {POLICIES} policies: \
         {allowed:.1} µs (allowed), {refused:.1} µs (implicit deny); 10 policies: {ten_policies:.1} µs"
    );
}

#[test]
fn evaluation_allocates_nothing() {
    let policies = policies();
    let requests = [
        request("account:PutAlternateContact"),
        request("account:EnableRegion"),
        request("iam:GetUser"),
    ];
    let before = ALLOCATIONS.with(Cell::get);
    for request in &requests {
        for policy in &policies {
            std::hint::black_box(policy.evaluate(request));
        }
    }
    assert_eq!(ALLOCATIONS.with(Cell::get), before);
}
