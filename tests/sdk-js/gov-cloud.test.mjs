// Organizations CreateGovCloudAccount through @aws-sdk/client-organizations
// and the Account API's GetGovCloudAccountInformation through
// @aws-sdk/client-account.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import {
  AccessDeniedException,
  GetGovCloudAccountInformationCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-account";
import { CreateGovCloudAccountCommand } from "@aws-sdk/client-organizations";

import { NO_TRUSTED_ACCESS, Organization, Server, accessDenied, newAccount, refusal } from "./sandbox.mjs";

let server;
before(async () => {
  server = await Server.start();
});
after(async () => {
  await server?.stop();
});

test("CreateGovCloudAccount answers IN_PROGRESS; the linked account is then reported", async () => {
  const organization = await Organization.found(server);
  await organization.enableTrustedAccess();
  const started = await organization.org.send(
    new CreateGovCloudAccountCommand({ AccountName: "Gov workloads", Email: `gov-${newAccount()}@example.com` }),
  );
  assert.equal(started.CreateAccountStatus.State, "IN_PROGRESS");
  assert.ok(started.CreateAccountStatus.RequestedTimestamp instanceof Date);
  assert.equal(started.CreateAccountStatus.GovCloudAccountId, undefined);

  const status = await organization.finished(started);
  assert.equal(status.State, "SUCCEEDED");
  assert.match(status.GovCloudAccountId, /^\d{12}$/);
  assert.notEqual(status.GovCloudAccountId, status.AccountId);
  assert.ok(status.CompletedTimestamp instanceof Date);

  const info = await server
    .account(organization.management)
    .send(new GetGovCloudAccountInformationCommand({ StandardAccountId: status.AccountId }));
  assert.deepEqual([info.GovCloudAccountId, info.AccountState], [status.GovCloudAccountId, "ACTIVE"]);
  const own = await server.account(status.AccountId).send(new GetGovCloudAccountInformationCommand({}));
  assert.equal(own.GovCloudAccountId, status.GovCloudAccountId);
});

test("an account with no GovCloud account is a ResourceNotFoundException", async () => {
  const standalone = newAccount();
  const error = await refusal(server.account(standalone).send(new GetGovCloudAccountInformationCommand({})));
  assert.ok(error instanceof ResourceNotFoundException);
  assert.equal(error.name, "ResourceNotFoundException");
  assert.equal(error.message, `GovCloud Account ID not found for Standard Account - ${standalone}.`);
  assert.equal(error.$metadata.httpStatusCode, 404);
});

test("naming a StandardAccountId without trusted access is AccessDenied", async () => {
  const organization = await Organization.found(server);
  const { AccountId: member } = await organization.createAccount("Plain");
  const error = await refusal(
    server.account(organization.management).send(new GetGovCloudAccountInformationCommand({ StandardAccountId: member })),
  );
  assert.ok(error instanceof AccessDeniedException);
  assert.equal(error.name, "AccessDeniedException");
  assert.equal(error.message, accessDenied(organization.management, "GetGovCloudAccountInformation", NO_TRUSTED_ACCESS));
  assert.equal(error.$metadata.httpStatusCode, 403);
});
