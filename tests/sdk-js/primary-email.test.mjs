// GetPrimaryEmail, StartPrimaryEmailUpdate, AcceptPrimaryEmailUpdate and
// GetPrimaryEmailUpdateStatus through @aws-sdk/client-account: the flow
// from PENDING to COMPLETED with the one-time password from the inbox,
// UpdatedAt parsed as a Date, and one refusal of each operation.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import {
  AcceptPrimaryEmailUpdateCommand,
  AccessDeniedException,
  ConflictException,
  GetPrimaryEmailCommand,
  GetPrimaryEmailUpdateStatusCommand,
  StartPrimaryEmailUpdateCommand,
  ValidationException,
} from "@aws-sdk/client-account";
import { ListAccountsCommand } from "@aws-sdk/client-organizations";

import { Organization, Server, accessDenied, newAccount, refusal, waitUntil } from "./sandbox.mjs";

const COMPLETES_AFTER = 0.3;
const WRONG_OTP = "The one-time password is incorrect or has expired.";

let server;
before(async () => {
  server = await Server.start(["--primary-email-seconds", String(COMPLETES_AFTER)]);
});
after(async () => {
  await server?.stop();
});

async function organizationWithMember() {
  const organization = await Organization.found(server);
  const { AccountId: member } = await organization.createAccount("Member");
  await organization.enableTrustedAccess();
  return { organization, member, account: server.account(organization.management) };
}

function assertRefused(error, { type, name, message, status }) {
  assert.ok(error instanceof type, `${error.name} is not a ${type.name}`);
  assert.equal(error.name, name);
  assert.equal(error.message, message);
  assert.equal(error.$metadata.httpStatusCode, status);
  assert.equal(error.$fault, "client");
}

test("an update goes PENDING, ACCEPTED, COMPLETED and the new email shows in Organizations", async () => {
  const { organization, member, account } = await organizationWithMember();
  const got = await account.send(new GetPrimaryEmailCommand({ AccountId: member }));
  assert.equal(got.PrimaryEmail, organization.emails.get(member));
  assert.equal(got.$metadata.httpStatusCode, 200);

  const email = `new-owner-${newAccount()}@example.com`;
  const started = await account.send(new StartPrimaryEmailUpdateCommand({ AccountId: member, PrimaryEmail: email }));
  assert.equal(started.Status, "PENDING");
  const message = await server.lastCode(member, "PrimaryEmailOtp");
  assert.equal(message.To, email);
  assert.match(message.Code, /^[A-Z0-9]{6}$/);

  const pending = await account.send(new GetPrimaryEmailUpdateStatusCommand({ AccountId: member }));
  assert.equal(pending.Status, "PENDING");
  assert.ok(pending.UpdatedAt instanceof Date, `UpdatedAt is ${typeof pending.UpdatedAt}`);
  assert.ok(Math.abs(pending.UpdatedAt.getTime() - Date.now()) < 60_000);

  const accepted = await account.send(
    new AcceptPrimaryEmailUpdateCommand({ AccountId: member, PrimaryEmail: email, Otp: message.Code }),
  );
  assert.equal(accepted.Status, "ACCEPTED");
  const completed = await waitUntil(
    async () => {
      const status = await account.send(new GetPrimaryEmailUpdateStatusCommand({ AccountId: member }));
      return status.Status === "COMPLETED" ? status : null;
    },
    { what: "the update to complete" },
  );
  assert.ok(completed.UpdatedAt instanceof Date);
  assert.ok(completed.UpdatedAt.getTime() - pending.UpdatedAt.getTime() >= COMPLETES_AFTER * 1000);

  const now = await account.send(new GetPrimaryEmailCommand({ AccountId: member }));
  assert.equal(now.PrimaryEmail, email);
  const { Accounts } = await organization.org.send(new ListAccountsCommand({}));
  assert.equal(Accounts.find((a) => a.Id === member).Email, email);
});

test("GetPrimaryEmail: the management account naming itself is AccessDenied (Access Denied)", async () => {
  const { organization, account } = await organizationWithMember();
  const error = await refusal(account.send(new GetPrimaryEmailCommand({ AccountId: organization.management })));
  assertRefused(error, {
    type: AccessDeniedException,
    name: "AccessDeniedException",
    message: accessDenied(organization.management, "GetPrimaryEmail", "Access Denied"),
    status: 403,
  });
});

test("StartPrimaryEmailUpdate: an address another account has is a ConflictException", async () => {
  const { organization, member, account } = await organizationWithMember();
  const { AccountId: other } = await organization.createAccount("Other");
  const error = await refusal(
    account.send(new StartPrimaryEmailUpdateCommand({ AccountId: member, PrimaryEmail: organization.emails.get(other) })),
  );
  assertRefused(error, {
    type: ConflictException,
    name: "ConflictException",
    message: "The email address is already in use by another account.",
    status: 409,
  });
});

test("AcceptPrimaryEmailUpdate: a wrong one-time password is a ValidationException with its message alone", async () => {
  const { member, account } = await organizationWithMember();
  const email = `wrong-otp-${newAccount()}@example.com`;
  await account.send(new StartPrimaryEmailUpdateCommand({ AccountId: member, PrimaryEmail: email }));
  const { Code } = await server.lastCode(member, "PrimaryEmailOtp");
  const wrong = Code === "000000" ? "111111" : "000000";
  const error = await refusal(
    account.send(new AcceptPrimaryEmailUpdateCommand({ AccountId: member, PrimaryEmail: email, Otp: wrong })),
  );
  assertRefused(error, { type: ValidationException, name: "ValidationException", message: WRONG_OTP, status: 400 });
  assert.equal(error.reason, undefined);
  assert.equal(error.fieldList, undefined);
});

test("GetPrimaryEmailUpdateStatus: no update found, with and without AccountId", async () => {
  const { member, account } = await organizationWithMember();
  const refused = [
    await refusal(account.send(new GetPrimaryEmailUpdateStatusCommand({ AccountId: member }))),
    await refusal(server.account(newAccount()).send(new GetPrimaryEmailUpdateStatusCommand({}))),
  ];
  for (const error of refused) {
    assertRefused(error, {
      type: ValidationException,
      name: "ValidationException",
      message: "No email update found for account",
      status: 400,
    });
  }
});

test("a member naming its own id gets the bare AccessDenied", async () => {
  const { member } = await organizationWithMember();
  const error = await refusal(server.account(member).send(new GetPrimaryEmailCommand({ AccountId: member })));
  assertRefused(error, {
    type: AccessDeniedException,
    name: "AccessDeniedException",
    message: accessDenied(member, "GetPrimaryEmail"),
    status: 403,
  });
});
