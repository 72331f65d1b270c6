//! What the AWS CLI and boto3 know about each operation, taken from the
//! botocore model (`service-2.json`): the input members with their CLI
//! option names and types, and the output shapes with their member order
//! (botocore builds responses in model order, and the CLI prints them so).

use account_engine::Operation;

/// How a top-level input member is given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberType {
    /// A string option: `--name 'Bill Ing'`.
    String,
    /// An integer option: `--max-results 5`.
    Integer,
    /// A list of strings: `--region-opt-status-contains ENABLED DISABLED`.
    StringList,
    /// A structure, given as JSON: `--contact-information '{...}'`.
    Structure,
    /// A boolean: `--only-attached` or `--no-only-attached`.
    Boolean,
    /// A list of structures, as JSON or shorthand words:
    /// `--tags Key=team,Value=a Key=env,Value=b`.
    StructureList,
}

/// A top-level input member of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputMember {
    /// The member name on the wire and in boto3, e.g. `AlternateContactType`.
    pub name: &'static str,
    /// The AWS CLI option, e.g. `--alternate-contact-type`.
    pub option: &'static str,
    pub kind: MemberType,
    /// Whether the model marks it required (the CLI then insists on it).
    pub required: bool,
}

pub(crate) const fn member(
    name: &'static str,
    option: &'static str,
    kind: MemberType,
    required: bool,
) -> InputMember {
    InputMember {
        name,
        option,
        kind,
        required,
    }
}

const ACCOUNT_ID: InputMember = member("AccountId", "--account-id", MemberType::String, false);
const ALTERNATE_CONTACT_TYPE: InputMember = member(
    "AlternateContactType",
    "--alternate-contact-type",
    MemberType::String,
    true,
);
const REGION_NAME: InputMember = member("RegionName", "--region-name", MemberType::String, true);

const PUT_CONTACT_INFORMATION: &[InputMember] = &[
    member(
        "ContactInformation",
        "--contact-information",
        MemberType::Structure,
        true,
    ),
    ACCOUNT_ID,
];
const ACCOUNT_ONLY: &[InputMember] = &[ACCOUNT_ID];
const PUT_ALTERNATE_CONTACT: &[InputMember] = &[
    member("Name", "--name", MemberType::String, true),
    member("Title", "--title", MemberType::String, true),
    member("EmailAddress", "--email-address", MemberType::String, true),
    member("PhoneNumber", "--phone-number", MemberType::String, true),
    ALTERNATE_CONTACT_TYPE,
    ACCOUNT_ID,
];
const ALTERNATE_CONTACT_KEY: &[InputMember] = &[ALTERNATE_CONTACT_TYPE, ACCOUNT_ID];
const LIST_REGIONS: &[InputMember] = &[
    ACCOUNT_ID,
    member("MaxResults", "--max-results", MemberType::Integer, false),
    member("NextToken", "--next-token", MemberType::String, false),
    member(
        "RegionOptStatusContains",
        "--region-opt-status-contains",
        MemberType::StringList,
        false,
    ),
];
const REGION_TARGET: &[InputMember] = &[ACCOUNT_ID, REGION_NAME];
const PUT_ACCOUNT_NAME: &[InputMember] = &[
    member("AccountName", "--account-name", MemberType::String, true),
    ACCOUNT_ID,
];

const REQUIRED_ACCOUNT_ID: InputMember =
    member("AccountId", "--account-id", MemberType::String, true);
const PRIMARY_EMAIL: InputMember =
    member("PrimaryEmail", "--primary-email", MemberType::String, true);
const OTP: InputMember = member("Otp", "--otp", MemberType::String, true);
const GET_PRIMARY_EMAIL: &[InputMember] = &[REQUIRED_ACCOUNT_ID];
const START_PRIMARY_EMAIL_UPDATE: &[InputMember] = &[REQUIRED_ACCOUNT_ID, PRIMARY_EMAIL];
const ACCEPT_PRIMARY_EMAIL_UPDATE: &[InputMember] = &[REQUIRED_ACCOUNT_ID, PRIMARY_EMAIL, OTP];
const VERIFY_PHONE_NUMBER: &[InputMember] = &[ACCOUNT_ID, OTP];
const GOV_CLOUD_ACCOUNT: &[InputMember] = &[member(
    "StandardAccountId",
    "--standard-account-id",
    MemberType::String,
    false,
)];

/// The members of `ContactInformation`, in model order.
pub const CONTACT_INFORMATION_MEMBERS: [&str; 12] = [
    "FullName",
    "AddressLine1",
    "AddressLine2",
    "AddressLine3",
    "City",
    "StateOrRegion",
    "DistrictOrCounty",
    "PostalCode",
    "CountryCode",
    "PhoneNumber",
    "CompanyName",
    "WebsiteUrl",
];

/// The input members of an operation, in model order.
pub fn input_members(operation: Operation) -> &'static [InputMember] {
    match operation {
        Operation::PutContactInformation => PUT_CONTACT_INFORMATION,
        Operation::GetContactInformation
        | Operation::GetAccountInformation
        | Operation::GetPrimaryEmailUpdateStatus
        | Operation::SendPhoneNumberVerification => ACCOUNT_ONLY,
        Operation::PutAlternateContact => PUT_ALTERNATE_CONTACT,
        Operation::GetAlternateContact | Operation::DeleteAlternateContact => ALTERNATE_CONTACT_KEY,
        Operation::ListRegions => LIST_REGIONS,
        Operation::GetRegionOptStatus | Operation::EnableRegion | Operation::DisableRegion => {
            REGION_TARGET
        }
        Operation::PutAccountName => PUT_ACCOUNT_NAME,
        Operation::GetPrimaryEmail => GET_PRIMARY_EMAIL,
        Operation::StartPrimaryEmailUpdate => START_PRIMARY_EMAIL_UPDATE,
        Operation::AcceptPrimaryEmailUpdate => ACCEPT_PRIMARY_EMAIL_UPDATE,
        Operation::VerifyPhoneNumber => VERIFY_PHONE_NUMBER,
        Operation::GetGovCloudAccountInformation => GOV_CLOUD_ACCOUNT,
    }
}

/// The input member an option names, e.g. `--region-name`.
pub fn member_for_option(operation: Operation, option: &str) -> Option<&'static InputMember> {
    input_members(operation).iter().find(|m| m.option == option)
}

/// The input member of that name.
pub fn input_member(operation: Operation, name: &str) -> Option<&'static InputMember> {
    input_members(operation).iter().find(|m| m.name == name)
}

/// botocore's `xform_name` for the names in this model: `PutAlternateContact`
/// becomes `put-alternate-contact` (with `-`) or `put_alternate_contact`.
pub fn xform_name(name: &str, separator: char) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let after_lower = i > 0 && (chars[i - 1].is_ascii_lowercase());
            let ends_acronym = i > 0
                && chars[i - 1].is_ascii_uppercase()
                && chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if after_lower || ends_acronym {
                out.push(separator);
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The CLI command, e.g. `put-alternate-contact`.
pub fn command_name(operation: Operation) -> String {
    xform_name(operation.name(), '-')
}

/// The boto3 client method, e.g. `put_alternate_contact`.
pub fn method_name(operation: Operation) -> String {
    xform_name(operation.name(), '_')
}

/// The operation a CLI command names.
pub fn operation_for_command(command: &str) -> Option<Operation> {
    Operation::ALL
        .into_iter()
        .find(|op| command_name(*op) == command)
}

/// The first sentence of the model's documentation of the operation.
pub fn description(operation: Operation) -> &'static str {
    match operation {
        Operation::PutContactInformation => {
            "Updates the primary contact information of an Amazon Web Services account."
        }
        Operation::GetContactInformation => {
            "Retrieves the primary contact information of an Amazon Web Services account."
        }
        Operation::PutAlternateContact => {
            "Modifies the specified alternate contact attached to an Amazon Web Services account."
        }
        Operation::GetAlternateContact => {
            "Retrieves the specified alternate contact attached to an Amazon Web Services account."
        }
        Operation::DeleteAlternateContact => {
            "Deletes the specified alternate contact from an Amazon Web Services account."
        }
        Operation::ListRegions => {
            "Lists all the Regions for a given account and their respective opt-in statuses."
        }
        Operation::GetRegionOptStatus => "Retrieves the opt-in status of a particular Region.",
        Operation::EnableRegion => "Enables (opts-in) a particular Region for an account.",
        Operation::DisableRegion => "Disables (opts-out) a particular Region for an account.",
        Operation::PutAccountName => "Updates the account name of the specified account.",
        Operation::GetAccountInformation => {
            "Retrieves information about the specified account including its account name, \
             account ID, account creation date and time, and account state."
        }
        Operation::GetPrimaryEmail => {
            "Retrieves the primary email address for the specified account."
        }
        Operation::StartPrimaryEmailUpdate => {
            "Starts the process to update the primary email address for the specified account."
        }
        Operation::AcceptPrimaryEmailUpdate => {
            "Accepts the request that originated from StartPrimaryEmailUpdate to update the \
             primary email address (also known as the root user email address) for the \
             specified account."
        }
        Operation::GetPrimaryEmailUpdateStatus => {
            "Retrieves the status of the most recent primary email update for the specified account."
        }
        Operation::SendPhoneNumberVerification => {
            "Sends a one-time passcode to the phone number in the primary contact information \
             of an Amazon Web Services account."
        }
        Operation::VerifyPhoneNumber => {
            "Verifies the phone number in the primary contact information of an Amazon Web \
             Services account by submitting the one-time passcode that \
             SendPhoneNumberVerification sent to that phone number."
        }
        Operation::GetGovCloudAccountInformation => {
            "Retrieves information about the GovCloud account linked to the specified standard \
             account (if it exists) including the GovCloud account ID and state."
        }
    }
}

/// An output shape, as far as formatting needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Strings, enums, integers and timestamps (the CLI prints timestamps
    /// as they arrived on the wire).
    Scalar,
    /// An integer or a boolean: botocore reads these from the Query
    /// wire's XML text into Python's int and bool.
    Integer,
    Boolean,
    Structure(&'static [(&'static str, Shape)]),
    List(&'static Shape),
}

const CONTACT_INFORMATION: Shape = Shape::Structure(&[
    ("FullName", Shape::Scalar),
    ("AddressLine1", Shape::Scalar),
    ("AddressLine2", Shape::Scalar),
    ("AddressLine3", Shape::Scalar),
    ("City", Shape::Scalar),
    ("StateOrRegion", Shape::Scalar),
    ("DistrictOrCounty", Shape::Scalar),
    ("PostalCode", Shape::Scalar),
    ("CountryCode", Shape::Scalar),
    ("PhoneNumber", Shape::Scalar),
    ("CompanyName", Shape::Scalar),
    ("WebsiteUrl", Shape::Scalar),
]);
const ALTERNATE_CONTACT: Shape = Shape::Structure(&[
    ("Name", Shape::Scalar),
    ("Title", Shape::Scalar),
    ("EmailAddress", Shape::Scalar),
    ("PhoneNumber", Shape::Scalar),
    ("AlternateContactType", Shape::Scalar),
]);
const REGION: Shape = Shape::Structure(&[
    ("RegionName", Shape::Scalar),
    ("RegionOptStatus", Shape::Scalar),
]);
const EMPTY: Shape = Shape::Structure(&[]);

/// The output shape of an operation (an empty structure when it has none).
pub fn output_shape(operation: Operation) -> Shape {
    match operation {
        Operation::GetContactInformation => Shape::Structure(&[
            ("ContactInformation", CONTACT_INFORMATION),
            ("VerificationStatus", Shape::Scalar),
        ]),
        Operation::GetAlternateContact => {
            Shape::Structure(&[("AlternateContact", ALTERNATE_CONTACT)])
        }
        Operation::ListRegions => Shape::Structure(&[
            ("NextToken", Shape::Scalar),
            ("Regions", Shape::List(&REGION)),
        ]),
        Operation::GetRegionOptStatus => Shape::Structure(&[
            ("RegionName", Shape::Scalar),
            ("RegionOptStatus", Shape::Scalar),
        ]),
        Operation::GetAccountInformation => Shape::Structure(&[
            ("AccountId", Shape::Scalar),
            ("AccountName", Shape::Scalar),
            ("AccountCreatedDate", Shape::Scalar),
            ("AccountState", Shape::Scalar),
        ]),
        Operation::GetPrimaryEmail => Shape::Structure(&[("PrimaryEmail", Shape::Scalar)]),
        Operation::StartPrimaryEmailUpdate
        | Operation::AcceptPrimaryEmailUpdate
        | Operation::SendPhoneNumberVerification
        | Operation::VerifyPhoneNumber => Shape::Structure(&[("Status", Shape::Scalar)]),
        Operation::GetPrimaryEmailUpdateStatus => {
            Shape::Structure(&[("Status", Shape::Scalar), ("UpdatedAt", Shape::Scalar)])
        }
        Operation::GetGovCloudAccountInformation => Shape::Structure(&[
            ("GovCloudAccountId", Shape::Scalar),
            ("AccountState", Shape::Scalar),
        ]),
        Operation::PutContactInformation
        | Operation::PutAlternateContact
        | Operation::DeleteAlternateContact
        | Operation::EnableRegion
        | Operation::DisableRegion
        | Operation::PutAccountName => EMPTY,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_names_are_botocore_xform_names_of_the_members() {
        for op in Operation::ALL {
            for m in input_members(op) {
                assert_eq!(m.option, format!("--{}", xform_name(m.name, '-')));
            }
        }
        assert_eq!(
            xform_name("RegionOptStatusContains", '-'),
            "region-opt-status-contains"
        );
        assert_eq!(xform_name("AddressLine1", '-'), "address-line1");
    }

    #[test]
    fn command_and_method_names_round_trip() {
        assert_eq!(
            command_name(Operation::PutAlternateContact),
            "put-alternate-contact"
        );
        assert_eq!(method_name(Operation::ListRegions), "list_regions");
        for op in Operation::ALL {
            assert_eq!(operation_for_command(&command_name(op)), Some(op));
        }
        assert_eq!(operation_for_command("list-accounts"), None);
    }

    #[test]
    fn required_members_match_the_model() {
        let required = |op| {
            input_members(op)
                .iter()
                .filter(|m| m.required)
                .map(|m| m.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            required(Operation::PutAlternateContact),
            [
                "Name",
                "Title",
                "EmailAddress",
                "PhoneNumber",
                "AlternateContactType"
            ]
        );
        assert!(required(Operation::ListRegions).is_empty());
        assert_eq!(required(Operation::EnableRegion), ["RegionName"]);
    }
}
