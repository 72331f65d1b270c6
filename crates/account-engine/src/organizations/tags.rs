//! Tags on the root, OUs, accounts and policies: TagResource, UntagResource
//! and ListTagsForResource, and the tag rules of CreateOrganizationalUnit
//! and CreatePolicy. Account tags feed `account:AccountResourceOrgTags`.

use super::api::{check_string, invalid, required, Callers, Result};
use super::error::{Constraint, InvalidInput, OrgApiError};
use super::ids::is_taggable_id;
use super::model::{input, output};
use super::structure::Tags;
use super::tree::FULL_AWS_ACCESS;
use crate::engine::Engine;
use crate::store::Organization;

/// Tags allowed on one resource (the service's quota).
const MAX_TAGS: usize = 50;

/// `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`: letters, separators and numbers of
/// any script, and `_.:/=+-@`.
fn is_tag_text(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace() || "_.:/=+-@".contains(c))
}

/// A request's tags as stored: every key and value well formed, no key
/// twice, no more than a resource may have (the whole request fails, as
/// the API reference says of CreateOrganizationalUnit and CreatePolicy).
pub(super) fn checked_tags(tags: &[input::Tag]) -> Result<Tags> {
    let mut checked = Tags::new();
    for tag in tags {
        let key = required(tag.key.as_deref()).map_err(|e| e.about("Key"))?;
        let value = required(tag.value.as_deref()).map_err(|e| e.about("Value"))?;
        check_string(key, (1, 128), is_tag_text).map_err(|e| e.about("Key"))?;
        check_string(value, (0, 256), is_tag_text).map_err(|e| e.about("Value"))?;
        if checked.insert(key.to_owned(), value.to_owned()).is_some() {
            return Err(invalid(InvalidInput::DuplicateTagKey));
        }
    }
    if checked.len() > MAX_TAGS {
        return Err(OrgApiError::ConstraintViolation(
            Constraint::MaxTagLimitExceeded,
        ));
    }
    Ok(checked)
}

fn check_resource_id(value: &str) -> Result<()> {
    check_string(value, (0, 130), is_taggable_id)
}

/// Whether a taggable resource of that id exists. The AWS managed policy
/// takes no tags.
fn exists(org: &Organization, id: &str) -> bool {
    org.node(id).is_some() || (id != FULL_AWS_ACCESS && org.policies.contains_key(id))
}

impl Engine {
    fn tagged_resource(&self, caller: &str, id: &str, callers: Callers) -> Result<usize> {
        let index = self.authorize(caller, callers)?;
        if exists(&self.state.organizations[index], id) {
            Ok(index)
        } else {
            Err(OrgApiError::TargetNotFound)
        }
    }

    pub(crate) fn org_tag_resource(
        &mut self,
        caller: &str,
        input: input::TagResource,
    ) -> Result<()> {
        let id = required(input.resource_id.as_deref())?;
        check_resource_id(id)?;
        let tags = checked_tags(
            input
                .tags
                .as_deref()
                .ok_or(invalid(InvalidInput::InputRequired))?,
        )?;
        let index = self.tagged_resource(caller, id, Callers::Management)?;
        let org = &mut self.state.organizations[index];
        let mut merged = org.tags.get(id).cloned().unwrap_or_default();
        merged.extend(tags);
        if merged.len() > MAX_TAGS {
            return Err(OrgApiError::ConstraintViolation(
                Constraint::MaxTagLimitExceeded,
            ));
        }
        org.tags.insert(id.to_owned(), merged);
        Ok(())
    }

    pub(crate) fn org_untag_resource(
        &mut self,
        caller: &str,
        input: input::UntagResource,
    ) -> Result<()> {
        let id = required(input.resource_id.as_deref())?;
        check_resource_id(id)?;
        let keys = input
            .tag_keys
            .as_deref()
            .ok_or(invalid(InvalidInput::InputRequired))?;
        for key in keys {
            check_string(key, (1, 128), is_tag_text)?;
        }
        let index = self.tagged_resource(caller, id, Callers::Management)?;
        let org = &mut self.state.organizations[index];
        if let Some(tags) = org.tags.get_mut(id) {
            for key in keys {
                tags.remove(key);
            }
            if tags.is_empty() {
                org.tags.remove(id);
            }
        }
        Ok(())
    }

    /// At most 50 tags per resource, so one page always holds them all and
    /// no NextToken is ever issued: any token given is refused.
    pub(crate) fn org_list_tags_for_resource(
        &mut self,
        caller: &str,
        input: input::ListTagsForResource,
    ) -> Result<output::ListTagsForResource> {
        let id = required(input.resource_id.as_deref())?;
        check_resource_id(id)?;
        let index = self.tagged_resource(caller, id, Callers::Administrators)?;
        let org = &self.state.organizations[index];
        let scope = format!("ListTagsForResource/{}/{id}", org.id);
        self.cursor(&scope, input.next_token.as_deref())?;
        let tags = org
            .tags
            .get(id)
            .into_iter()
            .flatten()
            .map(|(key, value)| output::Tag {
                key: key.clone(),
                value: value.clone(),
            })
            .collect();
        Ok(output::ListTagsForResource {
            tags,
            next_token: None,
        })
    }
}
