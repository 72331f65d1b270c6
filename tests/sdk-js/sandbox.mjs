// The built account-server as a child process, and the SDK clients, inbox
// and organization the tests need. It builds nothing: ACCOUNT_SERVER_BIN
// names the binary (default target/server/account-server).

import { spawn } from "node:child_process";
import { access, constants } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { AccountClient } from "@aws-sdk/client-account";
import {
  CreateAccountCommand,
  CreateGovCloudAccountCommand,
  CreateOrganizationCommand,
  DescribeCreateAccountStatusCommand,
  EnableAWSServiceAccessCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SERVER_BIN = process.env.ACCOUNT_SERVER_BIN ?? path.join(ROOT, "target/server/account-server");

/** Polls `probe` until it returns something truthy; fails at the deadline. */
export async function waitUntil(probe, { timeout = 10_000, interval = 20, what = "the condition" } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const result = await probe();
    if (result) return result;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

let nextAccount = 200_000_000_000 + (process.pid % 1000) * 1_000_000;

/** A 12-digit account id no other test of this process uses. */
export function newAccount() {
  nextAccount += 1;
  return String(nextAccount).padStart(12, "0");
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** One account-server with its state in memory, started with `flags`. */
export class Server {
  static async start(flags = []) {
    try {
      await access(SERVER_BIN, constants.X_OK);
    } catch {
      throw new Error(
        `no server binary at ${SERVER_BIN}: run \`cargo build --profile server -p account-server\` or set ACCOUNT_SERVER_BIN`,
      );
    }
    const port = await freePort();
    const child = spawn(SERVER_BIN, ["--port", String(port), ...flags], { stdio: ["ignore", "pipe", "pipe"] });
    const server = new Server(child, port);
    await waitUntil(
      async () => {
        if (server.exited) throw new Error(`account-server exited at start: ${server.log}`);
        return portOpen(port);
      },
      { what: `account-server on port ${port}` },
    );
    return server;
  }

  constructor(child, port) {
    this.child = child;
    this.port = port;
    this.endpoint = `http://127.0.0.1:${port}`;
    this.log = "";
    this.exited = false;
    const keep = (chunk) => (this.log += chunk);
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    this.exit = new Promise((resolve) =>
      child.once("exit", (code, signal) => {
        this.exited = true;
        resolve({ code, signal });
      }),
    );
  }

  /** SIGTERM, then waits (at most 10 s) for the process to end. */
  async stop() {
    if (this.exited) return;
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 10_000);
    await this.exit;
    clearTimeout(timer);
  }

  /** The messages the sandbox "sent" (GET /_sandbox/inbox), oldest first. */
  async inbox() {
    const response = await fetch(`${this.endpoint}/_sandbox/inbox`);
    if (response.status !== 200) throw new Error(`inbox answered ${response.status}: ${await response.text()}`);
    return (await response.json()).Messages;
  }

  /** The newest code of `kind` sent about `accountId`. */
  async lastCode(accountId, kind) {
    const messages = (await this.inbox()).filter((m) => m.AccountId === accountId && m.Kind === kind);
    if (messages.length === 0) throw new Error(`no ${kind} message for ${accountId} in the inbox`);
    return messages.at(-1);
  }

  #config(caller) {
    // One attempt, so each call is one request and errors show as sent.
    const credentials = typeof caller === "string" ? { accessKeyId: caller, secretAccessKey: "test" } : caller;
    return { endpoint: this.endpoint, region: "us-east-1", credentials, maxAttempts: 1 };
  }

  /**
   * A Query (IAM, STS) request as the root user of `account`, which signs
   * nothing: `params` are the form's, with Action and Version. Returns the
   * status and the XML.
   */
  async query(account, params) {
    const response = await fetch(this.endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `AWS4-HMAC-SHA256 Credential=${account}/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=00`,
      },
      body: new URLSearchParams(params).toString(),
    });
    return { status: response.status, xml: await response.text() };
  }

  /**
   * An Account API client calling as `account`: a 12-digit id, or the
   * credentials ({ accessKeyId, secretAccessKey, sessionToken }) of a key
   * the sandbox issued, which the SDK signs with.
   */
  account(account) {
    return new AccountClient(this.#config(account));
  }

  /** An AWS Organizations client calling as `account`, like `account()`. */
  organizations(account) {
    return new OrganizationsClient(this.#config(account));
  }
}

/** The error a call is refused with; fails if it succeeds. */
export async function refusal(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("the call was expected to fail and succeeded");
}

/** `User: <root ARN> is not authorized to perform: account:<op>[ (<reason>)]` */
export function accessDenied(caller, operation, reason) {
  const message = `User: arn:aws:iam::${caller}:root is not authorized to perform: account:${operation}`;
  return reason ? `${message} (${reason})` : message;
}

export const NO_TRUSTED_ACCESS = "Your organization must first enable trusted access with AWS Account Management.";

/** A new organization founded by a fresh management account. */
export class Organization {
  static async found(server) {
    const management = newAccount();
    const org = server.organizations(management);
    const { Organization: created } = await org.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
    return new Organization(server, management, org, created.Id);
  }

  constructor(server, management, org, id) {
    Object.assign(this, { server, management, org, id });
    this.emails = new Map();
  }

  /** Polls DescribeCreateAccountStatus until the request is no longer IN_PROGRESS. */
  async finished(started) {
    if (started.CreateAccountStatus.State !== "IN_PROGRESS") throw new Error(`not started: ${JSON.stringify(started)}`);
    const command = new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: started.CreateAccountStatus.Id });
    return waitUntil(
      async () => {
        const { CreateAccountStatus: status } = await this.org.send(command);
        return status.State === "IN_PROGRESS" ? null : status;
      },
      { what: `create account request ${started.CreateAccountStatus.Id}` },
    );
  }

  /** A new member (CreateAccount, or CreateGovCloudAccount with `govCloud`); its final status. */
  async createAccount(name, { govCloud = false, email = `${name.toLowerCase().replace(/\s+/g, "-")}-${newAccount()}@example.com` } = {}) {
    const Command = govCloud ? CreateGovCloudAccountCommand : CreateAccountCommand;
    const status = await this.finished(await this.org.send(new Command({ AccountName: name, Email: email })));
    if (status.State !== "SUCCEEDED") throw new Error(`${name} not created: ${JSON.stringify(status)}`);
    this.emails.set(status.AccountId, email);
    return status;
  }

  async enableTrustedAccess() {
    await this.org.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: "account.amazonaws.com" }));
  }
}
