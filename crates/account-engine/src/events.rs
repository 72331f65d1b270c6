//! Region Opt-In Status Change events, in the shape EventBridge delivers.

use serde::{Deserialize, Serialize};

use crate::account::model::RegionOptStatus;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub version: String,
    pub id: String,
    #[serde(rename = "detail-type")]
    pub detail_type: String,
    pub source: String,
    /// The caller that asked for the change.
    pub account: String,
    pub time: String,
    pub region: String,
    pub resources: Vec<String>,
    pub detail: EventDetail,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventDetail {
    /// The account whose region changed.
    pub account_id: String,
    pub region_name: String,
    pub status: RegionOptStatus,
}

impl Event {
    pub fn region_change(
        id: String,
        caller: &str,
        time: String,
        target: &str,
        region: &str,
        status: RegionOptStatus,
    ) -> Self {
        Self {
            version: "0".into(),
            id,
            detail_type: "Region Opt-In Status Change".into(),
            source: "aws.account".into(),
            account: caller.into(),
            time,
            region: "us-east-1".into(),
            resources: vec![format!("arn:aws:account::{target}:account")],
            detail: EventDetail {
                account_id: target.into(),
                region_name: region.into(),
                status,
            },
        }
    }
}
