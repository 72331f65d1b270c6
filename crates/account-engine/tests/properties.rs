//! Properties over many generated inputs: paging, robustness of the
//! dispatcher, and lossless snapshots.

mod common;

use account_engine::inbox::MessageKind;
use account_engine::{Engine, ManualClock, Operation, OrgOperation};
use common::*;
use proptest::prelude::*;
use serde_json::{json, Value};

const STATUSES: [&str; 5] = [
    "ENABLED",
    "ENABLING",
    "DISABLING",
    "DISABLED",
    "ENABLED_BY_DEFAULT",
];

const CALLERS: [&str; 4] = [
    "AKIAIOSFODNN7EXAMPLE",
    "111111111111",
    "222222222222",
    "333333333333",
];

const REGIONS: [&str; 8] = [
    "af-south-1",
    "ap-east-1",
    "eu-south-2",
    "me-central-1",
    "mx-central-1",
    "us-east-1",
    "AP-EAST-1",
    "nowhere-1",
];

/// Member names of every operation, so generated objects reach the engine.
const MEMBERS: [&str; 31] = [
    "AccountId",
    "ContactInformation",
    "AlternateContactType",
    "Name",
    "Title",
    "EmailAddress",
    "PhoneNumber",
    "MaxResults",
    "NextToken",
    "RegionOptStatusContains",
    "RegionName",
    "AccountName",
    "FullName",
    "AddressLine1",
    "AddressLine2",
    "AddressLine3",
    "City",
    "StateOrRegion",
    "DistrictOrCounty",
    "PostalCode",
    "CountryCode",
    "CompanyName",
    "WebsiteUrl",
    "Email",
    "FeatureSet",
    "RoleName",
    "IamUserAccessToBilling",
    "CreateAccountRequestId",
    "ServicePrincipal",
    "Tags",
    "Extra",
];

/// Strings that mean something to some operation.
const WORDS: [&str; 18] = [
    "",
    " ",
    "BILLING",
    "security",
    "ENABLED",
    "DISABLED",
    "af-south-1",
    "US",
    "+1 206 555 0100",
    "a@b.co",
    "111111111111",
    "000000000000",
    "0100140000000000000000",
    "Name <x>",
    "account.amazonaws.com",
    "sso.amazonaws.com",
    "CONSOLIDATED_BILLING",
    "car-0123456789abcdef",
];

/// Pages through ListRegions and returns the regions in order, checking
/// page sizes and where NextToken appears.
fn pages(engine: &mut Engine, size: usize, filter: &[&str]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut body = json!({ "MaxResults": size });
        if !filter.is_empty() {
            body["RegionOptStatusContains"] = json!(filter);
        }
        if let Some(t) = &token {
            body["NextToken"] = json!(t);
        }
        let response = engine.handle("x", "/listRegions", body.to_string().as_bytes());
        assert_eq!(response.status, 200, "{}", response.body);
        let page: Value = serde_json::from_str(&response.body).unwrap();
        let regions = page["Regions"].as_array().unwrap();
        assert!(regions.len() <= size);
        for r in regions {
            out.push((
                r["RegionName"].as_str().unwrap().to_owned(),
                r["RegionOptStatus"].as_str().unwrap().to_owned(),
            ));
        }
        match page.get("NextToken") {
            Some(t) => {
                assert_eq!(regions.len(), size, "only the last page may be short");
                token = Some(t.as_str().unwrap().to_owned());
            }
            None => return out,
        }
    }
}

fn assert_pages_match(engine: &mut Engine, size: usize, mask: usize) {
    let filter: Vec<&str> = STATUSES
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, s)| *s)
        .collect();
    let everything = pages(engine, 50, &[]);
    assert_eq!(everything.len(), 34);
    let expected: Vec<(String, String)> = everything
        .into_iter()
        .filter(|(_, s)| filter.is_empty() || filter.contains(&s.as_str()))
        .collect();
    let got = pages(engine, size, &filter);
    assert_eq!(got, expected, "size {size}, filter {filter:?}");
    let mut names: Vec<&String> = got.iter().map(|(n, _)| n).collect();
    names.dedup();
    assert_eq!(names.len(), got.len(), "duplicates");
}

/// A sandbox whose regions show every status.
fn every_status() -> Sandbox {
    let mut sandbox = sandbox();
    for r in ["af-south-1", "ap-east-1", "ap-east-2", "ca-west-1"] {
        sandbox
            .call("/enableRegion", json!({ "RegionName": r }))
            .ok();
    }
    sandbox.clock.advance(ENABLE_MS);
    for r in ["ap-east-2", "ca-west-1"] {
        sandbox
            .call("/disableRegion", json!({ "RegionName": r }))
            .ok();
    }
    for r in ["il-central-1", "me-south-1"] {
        sandbox
            .call("/enableRegion", json!({ "RegionName": r }))
            .ok();
    }
    let statuses: Vec<String> = sandbox
        .all_regions(None)
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    for s in STATUSES {
        assert!(statuses.iter().any(|x| x == s), "{s}");
    }
    sandbox
}

#[test]
fn list_regions_pages_concatenate_to_the_filtered_list_for_every_size_and_filter() {
    let mut sandbox = every_status();
    for size in 1..=50 {
        for mask in 0..32 {
            assert_pages_match(&mut sandbox.engine, size, mask);
        }
    }
}

/// One step of a generated session.
#[derive(Debug, Clone)]
enum Step {
    Call {
        caller: &'static str,
        path: String,
        body: Value,
    },
    Advance(i64),
    Organize(u8),
    OrgCall {
        caller: &'static str,
        operation: OrgOperation,
        body: Value,
    },
    /// Submits the newest code of the inbox, as a person reading it would:
    /// accepting a primary email update or verifying a phone number.
    UseCode {
        caller: &'static str,
    },
}

fn account_id() -> impl Strategy<Value = Option<&'static str>> {
    prop_oneof![
        6 => Just(None),
        1 => prop::sample::select(&CALLERS[1..]).prop_map(Some),
    ]
}

fn padded(words: &'static [&'static str]) -> impl Strategy<Value = String> {
    (prop::sample::select(words), 0..3usize, 0..3usize)
        .prop_map(|(w, l, r)| format!("{}{w}{}", " ".repeat(l), " ".repeat(r)))
}

fn contact_body() -> impl Strategy<Value = Value> {
    (
        padded(&["Jane Doe", "", "J"]),
        padded(&["1 Main St"]),
        prop::option::of(padded(&["Floor 2", ""])),
        padded(&["Seattle"]),
        prop::option::of(padded(&["WA", ""])),
        padded(&["98109"]),
        prop::sample::select(&["US", "us", "FR", "U", "GBR"][..]),
        prop::sample::select(&["+1 206 555 0100", "555", "+44 20 7946 0958"][..]),
        prop::option::of(padded(&["Example Corp"])),
    )
        .prop_map(
            |(name, line1, line2, city, state, postal, country, phone, company)| {
                let mut info = json!({
                    "FullName": name,
                    "AddressLine1": line1,
                    "City": city,
                    "PostalCode": postal,
                    "CountryCode": country,
                    "PhoneNumber": phone,
                });
                for (key, value) in [
                    ("AddressLine2", line2),
                    ("StateOrRegion", state),
                    ("CompanyName", company),
                ] {
                    if let Some(v) = value {
                        info[key] = json!(v);
                    }
                }
                json!({ "ContactInformation": info })
            },
        )
}

fn with_account(mut body: Value, id: Option<&str>) -> Value {
    if let Some(id) = id {
        body["AccountId"] = json!(id);
    }
    body
}

fn call(op: Operation, body: impl Strategy<Value = Value>) -> impl Strategy<Value = Step> {
    (prop::sample::select(&CALLERS[..]), body, account_id()).prop_map(move |(caller, body, id)| {
        Step::Call {
            caller,
            path: op.path(),
            body: with_account(body, id),
        }
    })
}

fn step() -> impl Strategy<Value = Step> {
    let kind = prop::sample::select(&["BILLING", "OPERATIONS", "SECURITY", "billing"][..]);
    let region = prop::sample::select(&REGIONS[..]);
    prop_oneof![
        3 => call(
            Operation::EnableRegion,
            region.clone().prop_map(|r| json!({ "RegionName": r })),
        ),
        2 => call(
            Operation::DisableRegion,
            region.prop_map(|r| json!({ "RegionName": r })),
        ),
        2 => call(Operation::PutContactInformation, contact_body()),
        2 => call(
            Operation::PutAlternateContact,
            (kind.clone(), padded(&["a@b.co", "bad"]), padded(&["Ann"])).prop_map(
                |(kind, email, name)| {
                    json!({
                        "AlternateContactType": kind,
                        "Name": name,
                        "Title": "Lead",
                        "EmailAddress": email,
                        "PhoneNumber": "+1 555 0100",
                    })
                }
            ),
        ),
        1 => call(
            Operation::DeleteAlternateContact,
            kind.prop_map(|k| json!({ "AlternateContactType": k })),
        ),
        1 => call(
            Operation::PutAccountName,
            padded(&["Prod", "", "a<b"]).prop_map(|n| json!({ "AccountName": n })),
        ),
        1 => call(Operation::ListRegions, Just(json!({ "MaxResults": 7 }))),
        2 => (
            prop::sample::select(&CALLERS[..]),
            prop::sample::select(&CALLERS[1..]),
            prop::sample::select(&["next@example.com", "other@example.com", "x@y"][..]),
        )
            .prop_map(|(caller, target, email)| Step::Call {
                caller,
                path: Operation::StartPrimaryEmailUpdate.path(),
                body: json!({ "AccountId": target, "PrimaryEmail": email }),
            }),
        2 => call(Operation::SendPhoneNumberVerification, Just(json!({}))),
        3 => prop::sample::select(&CALLERS[..]).prop_map(|caller| Step::UseCode { caller }),
        2 => (0i64..2 * ENABLE_MS).prop_map(Step::Advance),
        2 => (0u8..4).prop_map(Step::Organize),
        3 => org_call(),
    ]
}

/// An Organizations call with a body that is often valid.
fn org_call() -> impl Strategy<Value = Step> {
    let body = prop_oneof![
        Just(json!({})),
        Just(json!({"ServicePrincipal": "account.amazonaws.com"})),
        Just(json!({"AccountName": "New", "Email": "new@example.com"})),
        Just(json!({"AccountName": "Dup", "Email": "admin@example.com"})),
        Just(json!({"MaxResults": 1})),
        prop::sample::select(&CALLERS[1..])
            .prop_map(|id| json!({"AccountId": id, "ServicePrincipal": "account.amazonaws.com"})),
    ];
    (
        prop::sample::select(&CALLERS[..]),
        prop::sample::select(OrgOperation::ALL.to_vec()),
        body,
    )
        .prop_map(|(caller, operation, body)| Step::OrgCall {
            caller,
            operation,
            body,
        })
}

/// Builds, step by step, an organization of 111111111111 (management),
/// 222222222222 (delegated administrator) and 333333333333.
fn organize(engine: &mut Engine, stage: u8) {
    let org = engine
        .state()
        .organizations
        .first()
        .map(|o| o.id.clone())
        .or_else(|| engine.create_organization(CALLERS[1]).ok());
    let Some(org) = org else { return };
    // Steps come in any order; those that do not apply yet are refused.
    let _ = match stage {
        0 => engine.add_member_account(&org, CALLERS[2], "Admin", "admin@example.com"),
        1 => engine.add_member_account(&org, CALLERS[3], "Member", "member@example.com"),
        2 => engine.set_trusted_access(&org, true),
        _ => engine.register_delegated_administrator(&org, CALLERS[2]),
    };
}

/// Everything a client can see of one answer (request ids are not state).
type Seen = (u16, Option<String>, String);

fn run(engine: &mut Engine, clock: &ManualClock, step: &Step) -> Option<Seen> {
    match step {
        Step::Call { caller, path, body } => {
            let r = engine.handle(caller, path, body.to_string().as_bytes());
            Some((
                r.status,
                r.header("x-amzn-ErrorType").map(str::to_owned),
                r.body,
            ))
        }
        Step::Advance(ms) => {
            clock.advance(*ms);
            None
        }
        Step::Organize(stage) => {
            organize(engine, *stage);
            None
        }
        Step::OrgCall {
            caller,
            operation,
            body,
        } => {
            let r = engine.handle_organizations(
                caller,
                &operation.target(),
                body.to_string().as_bytes(),
            );
            Some((r.status, None, r.body))
        }
        Step::UseCode { caller } => {
            let message = engine.inbox().last()?.clone();
            let (path, body) = match message.kind {
                MessageKind::PrimaryEmailOtp => (
                    "/acceptPrimaryEmailUpdate",
                    json!({
                        "AccountId": message.account_id,
                        "PrimaryEmail": message.to,
                        "Otp": message.code,
                    }),
                ),
                MessageKind::PhoneVerificationCode => (
                    "/verifyPhoneNumber",
                    json!({ "AccountId": message.account_id, "Otp": message.code }),
                ),
            };
            let r = engine.handle(caller, path, body.to_string().as_bytes());
            Some((
                r.status,
                r.header("x-amzn-ErrorType").map(str::to_owned),
                r.body,
            ))
        }
    }
}

/// Reads every account's whole visible state.
fn observe(engine: &mut Engine) -> Vec<Seen> {
    let ids: Vec<String> = engine.state().accounts.keys().cloned().collect();
    let mut seen = Vec::new();
    for id in ids {
        let mut reads = vec![
            ("/getAccountInformation", json!({})),
            ("/getContactInformation", json!({})),
            ("/listRegions", json!({ "MaxResults": 50 })),
            ("/getPrimaryEmailUpdateStatus", json!({})),
        ];
        for kind in ["BILLING", "OPERATIONS", "SECURITY"] {
            reads.push((
                "/getAlternateContact",
                json!({ "AlternateContactType": kind }),
            ));
        }
        for (path, body) in reads {
            let r = engine.handle(&id, path, body.to_string().as_bytes());
            seen.push((r.status, None, r.body));
        }
    }
    seen
}

fn engine_at(now: i64) -> (Engine, ManualClock) {
    let clock = ManualClock::at(now);
    (Engine::new(clock.clone(), config()), clock)
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-100i64..100).prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        ".{0,40}".prop_map(Value::from),
        prop::sample::select(&WORDS[..]).prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        let key = prop_oneof![
            3 => prop::sample::select(&MEMBERS[..]).prop_map(str::to_owned),
            1 => "[A-Za-z]{0,10}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(key, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// An object of the operations' members, with arbitrary values.
fn json_object() -> impl Strategy<Value = Value> {
    prop::collection::btree_map(prop::sample::select(&MEMBERS[..]), json_value(), 0..5)
        .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
}

fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(Operation::ALL.to_vec()).prop_map(Operation::path),
        1 => ".{0,20}",
    ]
}

#[track_caller]
fn assert_well_formed(engine: &mut Engine, caller: &str, path: &str, body: &[u8]) {
    let response = engine.handle(caller, path, body);
    assert!(
        (200..300).contains(&response.status) || (400..500).contains(&response.status),
        "{path}: {response:?}"
    );
    let parsed: Value = serde_json::from_str(&response.body).expect("a JSON body");
    assert!(parsed.is_object(), "{path}: {parsed}");
    if response.status != 200 {
        assert!(parsed["message"].is_string(), "{parsed}");
        // Only a blank AccountName answers without an error type (observed).
        let Some(code) = response.header("x-amzn-ErrorType") else {
            assert_eq!((path, response.status), ("/putAccountName", 400));
            return;
        };
        // A reason and a fieldList come together or not at all.
        if code == "ValidationException" {
            assert_eq!(
                parsed["reason"].is_string(),
                parsed["fieldList"].is_array(),
                "{parsed}"
            );
        } else {
            assert!(parsed.get("reason").is_none(), "{parsed}");
        }
    }
}

#[track_caller]
fn assert_org_well_formed(engine: &mut Engine, caller: &str, target: &str, body: &[u8]) {
    let response = engine.handle_organizations(caller, target, body);
    assert!(
        response.status == 200 || response.status == 400,
        "{target}: {response:?}"
    );
    let parsed: Value = serde_json::from_str(&response.body).expect("a JSON body");
    assert!(parsed.is_object(), "{target}: {parsed}");
    if response.status != 200 {
        assert!(parsed["__type"].is_string(), "{parsed}");
        assert!(parsed["Message"].is_string(), "{parsed}");
    }
}

fn org_target() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(OrgOperation::ALL.to_vec()).prop_map(OrgOperation::target),
        1 => ".{0,30}",
    ]
}

/// Every member of an organization over all ListAccounts pages of `size`.
fn account_pages(engine: &mut Engine, caller: &str, size: usize) -> Option<Vec<String>> {
    let mut ids = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut body = json!({ "MaxResults": size });
        if let Some(t) = &token {
            body["NextToken"] = json!(t);
        }
        let r = engine.handle_organizations(
            caller,
            &OrgOperation::ListAccounts.target(),
            body.to_string().as_bytes(),
        );
        if r.status != 200 {
            return None;
        }
        let page: Value = serde_json::from_str(&r.body).unwrap();
        let accounts = page["Accounts"].as_array().unwrap();
        assert!(accounts.len() <= size);
        ids.extend(
            accounts
                .iter()
                .map(|a| a["Id"].as_str().unwrap().to_owned()),
        );
        match page.get("NextToken") {
            Some(t) => {
                assert_eq!(accounts.len(), size, "only the last page may be short");
                token = Some(t.as_str().unwrap().to_owned());
            }
            None => return Some(ids),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn list_accounts_pages_concatenate_to_the_members_in_id_order(
        steps in prop::collection::vec(step(), 0..30),
        caller in prop::sample::select(&CALLERS[..]),
        size in 1usize..=20,
    ) {
        let (mut engine, clock) = engine_at(START);
        for s in &steps {
            run(&mut engine, &clock, s);
        }
        if let Some(ids) = account_pages(&mut engine, caller, size) {
            let caller = if caller.len() == 12 { caller } else { DEFAULT };
            let org = engine.state().organization_of(caller).unwrap();
            let members: Vec<String> = org.members.iter().cloned().collect();
            prop_assert_eq!(ids, members);
        }
    }

    #[test]
    fn arbitrary_requests_never_panic_the_organizations_dispatcher(
        steps in prop::collection::vec(step(), 0..8),
        caller in prop::sample::select(&CALLERS[..]),
        target in org_target(),
        body in prop_oneof![
            json_object().prop_map(|b| b.to_string().into_bytes()),
            json_value().prop_map(|b| b.to_string().into_bytes()),
            prop::collection::vec(any::<u8>(), 0..80),
        ],
    ) {
        let (mut engine, clock) = engine_at(START);
        for s in &steps {
            run(&mut engine, &clock, s);
        }
        assert_org_well_formed(&mut engine, caller, &target, &body);
    }

    #[test]
    fn list_regions_pages_concatenate_to_the_filtered_list_in_any_state(
        steps in prop::collection::vec(step(), 0..25),
        size in 1usize..=50,
        mask in 0usize..32,
    ) {
        let (mut engine, clock) = engine_at(START);
        for s in &steps {
            run(&mut engine, &clock, s);
        }
        assert_pages_match(&mut engine, size, mask);
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_dispatcher(
        caller in prop_oneof![Just("x".to_owned()), "[0-9]{12}", ".{0,14}"],
        path in path(),
        body in prop::collection::vec(any::<u8>(), 0..120),
    ) {
        let (mut engine, _) = engine_at(START);
        assert_well_formed(&mut engine, &caller, &path, &body);
    }

    #[test]
    fn arbitrary_json_values_never_panic_the_dispatcher(
        path in path(),
        body in json_value(),
    ) {
        let (mut engine, _) = engine_at(START);
        assert_well_formed(&mut engine, "x", &path, body.to_string().as_bytes());
    }

    #[test]
    fn arbitrary_member_values_never_panic_the_dispatcher(
        steps in prop::collection::vec(step(), 0..6),
        caller in prop::sample::select(&CALLERS[..]),
        path in path(),
        body in json_object(),
    ) {
        let (mut engine, clock) = engine_at(START);
        for s in &steps {
            run(&mut engine, &clock, s);
        }
        assert_well_formed(&mut engine, caller, &path, body.to_string().as_bytes());
    }

    #[test]
    fn snapshot_round_trips_are_lossless(
        before in prop::collection::vec(step(), 0..30),
        after in prop::collection::vec(step(), 0..15),
    ) {
        let (mut original, clock) = engine_at(START);
        for s in &before {
            run(&mut original, &clock, s);
        }
        original.settle();
        let snapshot = original.snapshot();

        let (mut restored, restored_clock) = engine_at(original.now());
        restored.restore(&snapshot).unwrap();
        prop_assert_eq!(restored.snapshot(), snapshot.clone());
        prop_assert_eq!(restored.state(), original.state());

        prop_assert_eq!(observe(&mut restored), observe(&mut original));
        for s in &after {
            let a = run(&mut original, &clock, s);
            let b = run(&mut restored, &restored_clock, s);
            prop_assert_eq!(a, b, "{:?}", s);
        }
        prop_assert_eq!(restored.snapshot(), original.snapshot());
    }
}
