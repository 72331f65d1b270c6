// Every tab of the page, in order: its deep-link slug and its accessible
// name (shared/spec/ui-contract.md). Specs and scripts iterate over these.
export const TABS = [
  ['contact-information', 'Contact information'],
  ['alternate-contacts', 'Alternate contacts'],
  ['regions', 'Regions'],
  ['organization', 'Organization'],
  ['activity', 'Activity'],
  ['events', 'Events'],
  ['console', 'Console'],
  ['training', 'Training'],
  ['inbox', 'Inbox'],
  ['permissions', 'Permissions'],
];
