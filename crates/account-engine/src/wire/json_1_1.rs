//! The AWS Organizations wire, JSON 1.1: an `X-Amz-Target` and a JSON body
//! in; status, headers and JSON body out. The page, its scripts and the HTTP
//! server all enter the Organizations operations here, and this is the one
//! place their errors become wire responses.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::authentication::AuthenticationError;
use crate::engine::Engine;
use crate::organizations::authorization::OrgCall;
use crate::organizations::error::OrgApiError;
use crate::organizations::operation::OrgOperation;
use crate::wire::rest_json::{json_object, WireResponse, NOT_AN_OBJECT};
use crate::FieldError;

pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";

// The error paths are functions, not closures, so each is compiled once
// rather than once per input or output type.
fn parse<T: DeserializeOwned>(body: &Map<String, Value>) -> Result<T, OrgApiError> {
    serde_json::from_value(Value::Object(body.clone())).map_err(shape_error)
}

fn shape_error(error: serde_json::Error) -> OrgApiError {
    // Integer members are `i128` in the model types; people read "integer".
    let reason = error.to_string().replace("i128", "an integer");
    OrgApiError::Serialization(format!(
        "The request does not match the operation's input shape: {reason}."
    ))
}

fn to_json(output: impl Serialize) -> Result<Value, OrgApiError> {
    serde_json::to_value(output).map_err(service_error)
}

fn service_error(error: serde_json::Error) -> OrgApiError {
    OrgApiError::Service(error.to_string())
}

fn empty(result: Result<(), OrgApiError>) -> Result<Value, OrgApiError> {
    result.map(|()| Value::Object(Map::new()))
}

impl Engine {
    /// Serves one AWS Organizations request. `target` is the `X-Amz-Target`
    /// header, e.g. `AWSOrganizationsV20161128.ListAccounts`; `caller` is
    /// the calling account, as for [`Engine::handle`].
    pub fn handle_organizations(
        &mut self,
        caller: &str,
        target: &str,
        body: &[u8],
    ) -> WireResponse {
        let result = match OrgOperation::from_target(target) {
            Some(operation) => json_object(body)
                .map_err(OrgApiError::Serialization)
                .and_then(|b| self.run_organizations(caller, operation, &b)),
            None => Err(OrgApiError::UnknownOperation(format!(
                "The operation {} is not served by this sandbox.",
                target.chars().take(200).collect::<String>()
            ))),
        };
        self.respond_organizations(result)
    }

    /// Answers an Organizations request the endpoint could not
    /// authenticate, in this protocol's envelope; nothing runs.
    pub fn refuse_organizations(&mut self, error: AuthenticationError) -> WireResponse {
        self.respond_organizations(Err(OrgApiError::Unauthenticated(error)))
    }

    /// Runs one Organizations operation on an already-parsed JSON input.
    pub fn call_organizations(
        &mut self,
        caller: &str,
        operation: OrgOperation,
        input: &Value,
    ) -> Result<Value, OrgApiError> {
        match input {
            Value::Object(body) => self.run_organizations(caller, operation, body),
            Value::Null => self.run_organizations(caller, operation, &Map::new()),
            _ => Err(OrgApiError::Serialization(NOT_AN_OBJECT.into())),
        }
    }

    fn run_organizations(
        &mut self,
        caller: &str,
        operation: OrgOperation,
        body: &Map<String, Value>,
    ) -> Result<Value, OrgApiError> {
        self.settle();
        let caller = self.begin_request(caller).account_id().to_owned();
        self.org_call = Some(OrgCall::of(operation, body));
        let result = self.dispatch_organizations(&caller, operation, body);
        self.org_call = None;
        result
    }

    fn dispatch_organizations(
        &mut self,
        caller: &str,
        operation: OrgOperation,
        body: &Map<String, Value>,
    ) -> Result<Value, OrgApiError> {
        match operation {
            OrgOperation::CreateOrganization => {
                to_json(self.org_create_organization(caller, parse(body)?)?)
            }
            OrgOperation::DescribeOrganization => to_json(self.org_describe_organization(caller)?),
            OrgOperation::CreateAccount => to_json(self.org_create_account(caller, parse(body)?)?),
            OrgOperation::CreateGovCloudAccount => {
                to_json(self.org_create_gov_cloud_account(caller, parse(body)?)?)
            }
            OrgOperation::DescribeCreateAccountStatus => {
                to_json(self.org_describe_create_account_status(caller, parse(body)?)?)
            }
            OrgOperation::ListAccounts => to_json(self.org_list_accounts(caller, parse(body)?)?),
            OrgOperation::EnableAwsServiceAccess => {
                empty(self.org_enable_service_access(caller, parse(body)?))
            }
            OrgOperation::DisableAwsServiceAccess => {
                empty(self.org_disable_service_access(caller, parse(body)?))
            }
            OrgOperation::ListAwsServiceAccessForOrganization => {
                to_json(self.org_list_service_access(caller, parse(body)?)?)
            }
            OrgOperation::RegisterDelegatedAdministrator => {
                empty(self.org_register_delegated_administrator(caller, parse(body)?))
            }
            OrgOperation::DeregisterDelegatedAdministrator => {
                empty(self.org_deregister_delegated_administrator(caller, parse(body)?))
            }
            OrgOperation::ListDelegatedAdministrators => {
                to_json(self.org_list_delegated_administrators(caller, parse(body)?)?)
            }
            OrgOperation::ListRoots => to_json(self.org_list_roots(caller, parse(body)?)?),
            OrgOperation::CreateOrganizationalUnit => {
                to_json(self.org_create_organizational_unit(caller, parse(body)?)?)
            }
            OrgOperation::DescribeOrganizationalUnit => {
                to_json(self.org_describe_organizational_unit(caller, parse(body)?)?)
            }
            OrgOperation::UpdateOrganizationalUnit => {
                to_json(self.org_update_organizational_unit(caller, parse(body)?)?)
            }
            OrgOperation::DeleteOrganizationalUnit => {
                empty(self.org_delete_organizational_unit(caller, parse(body)?))
            }
            OrgOperation::ListOrganizationalUnitsForParent => {
                to_json(self.org_list_organizational_units_for_parent(caller, parse(body)?)?)
            }
            OrgOperation::ListChildren => to_json(self.org_list_children(caller, parse(body)?)?),
            OrgOperation::ListParents => to_json(self.org_list_parents(caller, parse(body)?)?),
            OrgOperation::ListAccountsForParent => {
                to_json(self.org_list_accounts_for_parent(caller, parse(body)?)?)
            }
            OrgOperation::MoveAccount => empty(self.org_move_account(caller, parse(body)?)),
            OrgOperation::DescribeAccount => {
                to_json(self.org_describe_account(caller, parse(body)?)?)
            }
            OrgOperation::TagResource => empty(self.org_tag_resource(caller, parse(body)?)),
            OrgOperation::UntagResource => empty(self.org_untag_resource(caller, parse(body)?)),
            OrgOperation::ListTagsForResource => {
                to_json(self.org_list_tags_for_resource(caller, parse(body)?)?)
            }
            OrgOperation::EnablePolicyType => {
                to_json(self.org_enable_policy_type(caller, parse(body)?)?)
            }
            OrgOperation::DisablePolicyType => {
                to_json(self.org_disable_policy_type(caller, parse(body)?)?)
            }
            OrgOperation::CreatePolicy => to_json(self.org_create_policy(caller, parse(body)?)?),
            OrgOperation::DescribePolicy => {
                to_json(self.org_describe_policy(caller, parse(body)?)?)
            }
            OrgOperation::UpdatePolicy => to_json(self.org_update_policy(caller, parse(body)?)?),
            OrgOperation::DeletePolicy => empty(self.org_delete_policy(caller, parse(body)?)),
            OrgOperation::ListPolicies => {
                to_json(self.org_list_policies(caller, parse(body)?, false)?)
            }
            OrgOperation::ListPoliciesForTarget => {
                to_json(self.org_list_policies(caller, parse(body)?, true)?)
            }
            OrgOperation::ListTargetsForPolicy => {
                to_json(self.org_list_targets_for_policy(caller, parse(body)?)?)
            }
            OrgOperation::AttachPolicy => empty(self.org_attach_policy(caller, parse(body)?)),
            OrgOperation::DetachPolicy => empty(self.org_detach_policy(caller, parse(body)?)),
            OrgOperation::ListCreateAccountStatus => {
                to_json(self.org_list_create_account_status(caller, parse(body)?)?)
            }
            OrgOperation::ListDelegatedServicesForAccount => {
                to_json(self.org_list_delegated_services_for_account(caller, parse(body)?)?)
            }
        }
    }

    fn respond_organizations(&mut self, result: Result<Value, OrgApiError>) -> WireResponse {
        let headers = vec![
            ("content-type", CONTENT_TYPE.to_owned()),
            ("x-amzn-RequestId", self.next_request_id()),
        ];
        match result {
            Ok(body) => WireResponse {
                status: 200,
                headers,
                body: body.to_string(),
                fields: Vec::new(),
                explanation: None,
            },
            Err(error) => WireResponse {
                status: error.status(),
                headers,
                body: error.body().to_string(),
                fields: error
                    .member()
                    .map(|member| vec![FieldError::new(member, error.to_string())])
                    .unwrap_or_default(),
                explanation: self.take_explanation(),
            },
        }
    }
}
