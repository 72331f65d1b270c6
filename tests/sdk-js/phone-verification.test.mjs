// SendPhoneNumberVerification and VerifyPhoneNumber through
// @aws-sdk/client-account, with the code read from the sandbox's inbox,
// and GetContactInformation's VerificationStatus.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import {
  ConflictException,
  GetContactInformationCommand,
  PutContactInformationCommand,
  ResourceNotFoundException,
  SendPhoneNumberVerificationCommand,
  ValidationException,
  VerifyPhoneNumberCommand,
} from "@aws-sdk/client-account";

import { Server, newAccount, refusal } from "./sandbox.mjs";

const CONTACT = {
  FullName: "Jane Doe",
  PhoneNumber: "+1 206-555-0100",
  AddressLine1: "123 Main St",
  City: "Seattle",
  PostalCode: "98101",
  CountryCode: "US",
  StateOrRegion: "WA",
};
const WRONG_CODE = "The verification code is incorrect or has expired.";

let server;
before(async () => {
  server = await Server.start();
});
after(async () => {
  await server?.stop();
});

function withContact() {
  const id = newAccount();
  const client = server.account(id);
  return { id, client, put: (contact = CONTACT) => client.send(new PutContactInformationCommand({ ContactInformation: contact })) };
}

function assertRefused(error, type, message, status) {
  assert.ok(error instanceof type, `${error.name} is not a ${type.name}`);
  assert.equal(error.name, type.name);
  assert.equal(error.message, message);
  assert.equal(error.$metadata.httpStatusCode, status);
}

test("a sent code verifies the number on file", async () => {
  const { id, client, put } = withContact();
  await put();
  const sent = await client.send(new SendPhoneNumberVerificationCommand({}));
  assert.equal(sent.Status, "PENDING");
  const message = await server.lastCode(id, "PhoneVerificationCode");
  assert.equal(message.To, CONTACT.PhoneNumber);
  assert.match(message.Code, /^\d{6}$/);
  const before = await client.send(new GetContactInformationCommand({}));
  assert.equal(before.VerificationStatus, "UNVERIFIED");

  const verified = await client.send(new VerifyPhoneNumberCommand({ Otp: message.Code }));
  assert.equal(verified.Status, "VERIFIED");
  const after = await client.send(new GetContactInformationCommand({}));
  assert.deepEqual([after.ContactInformation, after.VerificationStatus], [CONTACT, "VERIFIED"]);
});

test("SendPhoneNumberVerification without contact information is a ResourceNotFoundException", async () => {
  const { client } = withContact();
  const error = await refusal(client.send(new SendPhoneNumberVerificationCommand({})));
  assertRefused(error, ResourceNotFoundException, "No contact information found for this account.", 404);
});

test("VerifyPhoneNumber with a wrong code is a ValidationException", async () => {
  const { id, client, put } = withContact();
  await put();
  await client.send(new SendPhoneNumberVerificationCommand({}));
  const { Code } = await server.lastCode(id, "PhoneVerificationCode");
  const wrong = Code === "000000" ? "111111" : "000000";
  const error = await refusal(client.send(new VerifyPhoneNumberCommand({ Otp: wrong })));
  assertRefused(error, ValidationException, WRONG_CODE, 400);
});

test("VerifyPhoneNumber after the number changed is a ConflictException", async () => {
  const { id, client, put } = withContact();
  await put();
  await client.send(new SendPhoneNumberVerificationCommand({}));
  const { Code } = await server.lastCode(id, "PhoneVerificationCode");
  await put({ ...CONTACT, PhoneNumber: "+1 206-555-0142" });
  const error = await refusal(client.send(new VerifyPhoneNumberCommand({ Otp: Code })));
  assertRefused(
    error,
    ConflictException,
    "The phone number changed after the verification code was sent. Send a new code and try again.",
    409,
  );
});
