// SigV4 with the AWS SDK for JavaScript v3's own signer: a key IAM issued
// signs Account (restJson1) and Organizations (JSON 1.1) calls; a wrong
// secret is an InvalidSignatureException, a key the sandbox never issued and
// a token on a user's key an UnrecognizedClientException, as the SDK parses
// them; session credentials from STS AssumeRole work with their token only.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { GetAccountInformationCommand, PutAccountNameCommand } from "@aws-sdk/client-account";
import { CreateOrganizationCommand, ListAccountsCommand } from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";

import { Server, newAccount, refusal } from "./sandbox.mjs";

const MISMATCH =
  "The request signature we calculated does not match the signature you provided. " +
  "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
const INVALID_TOKEN = "The security token included in the request is invalid.";

let server;
before(async () => {
  server = await Server.start();
});
after(async () => {
  await server?.stop();
});

function xmlValue(xml, element) {
  const match = xml.match(new RegExp(`<${element}>([^<]*)</${element}>`));
  assert.ok(match, `${element} in ${xml}`);
  return match[1];
}

/** A new account's user with AdministratorAccess and its access key. */
async function adminKey() {
  const account = newAccount();
  const iam = async (params) => {
    const { status, xml } = await server.query(account, { ...params, Version: "2010-05-08" });
    assert.equal(status, 200, xml);
    return xml;
  };
  await iam({ Action: "CreateUser", UserName: "admin" });
  await iam({
    Action: "AttachUserPolicy",
    UserName: "admin",
    PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess",
  });
  const created = await iam({ Action: "CreateAccessKey", UserName: "admin" });
  const credentials = {
    accessKeyId: xmlValue(created, "AccessKeyId"),
    secretAccessKey: xmlValue(created, "SecretAccessKey"),
  };
  return { account, credentials };
}

test("a key IAM issued signs Account and Organizations calls", async () => {
  const { account, credentials } = await adminKey();
  const client = server.account(credentials);
  await client.send(new PutAccountNameCommand({ AccountName: "Signed in JS" }));
  const info = await client.send(new GetAccountInformationCommand({}));
  assert.equal(info.AccountId, account);
  assert.equal(info.AccountName, "Signed in JS");
  const org = server.organizations(credentials);
  const { Organization } = await org.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
  assert.equal(Organization.MasterAccountId, account);
});

test("a wrong secret is an InvalidSignatureException with a 403", async () => {
  const { credentials } = await adminKey();
  const wrong = { ...credentials, secretAccessKey: "w".repeat(40) };
  for (const send of [
    () => server.account(wrong).send(new GetAccountInformationCommand({})),
    () => server.organizations(wrong).send(new ListAccountsCommand({})),
  ]) {
    const error = await refusal(send());
    assert.equal(error.name, "InvalidSignatureException");
    assert.equal(error.$metadata.httpStatusCode, 403);
    assert.ok(error.message.startsWith(`${MISMATCH}\n\nThe Canonical String for this request should have been\n'POST\n/`), error.message);
  }
});

test("an unknown key and a token on a user's key are UnrecognizedClientExceptions", async () => {
  const { credentials } = await adminKey();
  for (const caller of [
    { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: credentials.secretAccessKey },
    { ...credentials, sessionToken: "FwoGZXIvYXdzEXAMPLE" },
  ]) {
    const error = await refusal(server.account(caller).send(new GetAccountInformationCommand({})));
    assert.equal(error.name, "UnrecognizedClientException");
    assert.equal(error.message, INVALID_TOKEN);
    assert.equal(error.$metadata.httpStatusCode, 403);
  }
});

test("a session from AssumeRole signs with its token and is refused without it", async () => {
  const { account, credentials } = await adminKey();
  const trust = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "sts:AssumeRole" }],
  });
  for (const params of [
    { Action: "CreateRole", RoleName: "admin", AssumeRolePolicyDocument: trust },
    { Action: "AttachRolePolicy", RoleName: "admin", PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
  ]) {
    const { status, xml } = await server.query(account, { ...params, Version: "2010-05-08" });
    assert.equal(status, 200, xml);
  }
  const sts = (caller) => new STSClient({ endpoint: server.endpoint, region: "us-east-1", credentials: caller, maxAttempts: 1 });
  const { Credentials } = await sts(credentials).send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/admin`, RoleSessionName: "ops" }),
  );
  assert.match(Credentials.AccessKeyId, /^ASIA/);
  const session = {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    sessionToken: Credentials.SessionToken,
  };
  const me = await sts(session).send(new GetCallerIdentityCommand({}));
  assert.equal(me.Arn, `arn:aws:sts::${account}:assumed-role/admin/ops`);
  const info = await server.account(session).send(new GetAccountInformationCommand({}));
  assert.equal(info.AccountId, account);

  const { sessionToken, ...withoutToken } = session;
  for (const caller of [withoutToken, { ...session, sessionToken: [...sessionToken].reverse().join("") }]) {
    const onAccount = await refusal(server.account(caller).send(new GetAccountInformationCommand({})));
    assert.equal(onAccount.name, "UnrecognizedClientException");
    assert.equal(onAccount.message, INVALID_TOKEN);
    assert.equal(onAccount.$metadata.httpStatusCode, 403);
    const onSts = await refusal(sts(caller).send(new GetCallerIdentityCommand({})));
    assert.equal(onSts.name, "InvalidClientTokenId");
    assert.equal(onSts.message, INVALID_TOKEN);
    assert.equal(onSts.$metadata.httpStatusCode, 403);
  }
});
