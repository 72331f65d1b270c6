//! Why a call was decided as it was: the `authz` decision together with the
//! request context it was made on. The dispatchers hand the explanation of
//! a refusal to their shells beside the wire response (never in its
//! bytes), so the page can show the decision path of a denied call, and the
//! policy simulator gives the same explanation without making the call.

use iam_policy::Request;

use crate::authz::{self, Decision};
use crate::engine::Engine;
use crate::principal::Principal;

/// A decision and what it was made on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The calling principal's ARN.
    pub principal: String,
    pub action: String,
    pub resource: String,
    /// Every condition key of the request, as spelled, with its values.
    pub context: Vec<(String, Vec<String>)>,
    pub decision: Decision,
    /// The AccessDenied text, when denied.
    pub message: Option<String>,
}

impl Explanation {
    pub(crate) fn new(principal: &Principal, request: &Request, decision: Decision) -> Self {
        Self {
            principal: principal.arn(),
            action: request.action().to_owned(),
            resource: request.resource().to_owned(),
            context: request
                .keys()
                .map(|(key, values)| {
                    (
                        key.to_owned(),
                        values.into_iter().map(str::to_owned).collect(),
                    )
                })
                .collect(),
            message: decision.message(principal, request),
            decision,
        }
    }
}

impl Engine {
    /// Asks `authz` about `request`; a refusal's explanation is kept for the
    /// dispatcher's response, and its AccessDenied text returned.
    pub(crate) fn decide(&self, principal: &Principal, request: &Request) -> Option<String> {
        let decision = authz::authorize(&self.state, principal, request);
        if decision.allowed {
            return None;
        }
        let mut explanation = Explanation::new(principal, request, decision);
        if request.action().starts_with("iam:") {
            explanation.message = explanation
                .message
                .map(|m| format!("{m}{}", self.authorization_details()));
        }
        let message = explanation.message.clone();
        self.explanation.replace(Some(Box::new(explanation)));
        message
    }

    /// The explanation of the current request's refusal, for its response.
    pub(crate) fn take_explanation(&self) -> Option<Box<Explanation>> {
        self.explanation.take()
    }

    /// The tail IAM adds to its own denials (§6, observed for iam:GetRole):
    /// where the request's authorization details are, under an id of 25
    /// lowercase letters and digits. The sandbox serves no
    /// GetRequestAuthorizationDetails; the id is the request's own.
    fn authorization_details(&self) -> String {
        let id = crate::ids::token(
            self.state.seed.rotate_left(17),
            self.requests,
            b"abcdefghijklmnopqrstuvwxyz0123456789",
            25,
        );
        format!(". Go to https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/authorization-details/{id} for complete details, or call the GetRequestAuthorizationDetails API with the following authorization id: {id}")
    }
}
