import type { Client } from "@libsql/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openMemoryTenantDb } from "../../db/memory-db";
import type { TenantDb } from "../../db/open";
import { CLAIM_LEASE_MS, deliverPending } from "./deliver-pending";
import { enqueueMessage, outboxInsert, type OutboundMessage } from "./enqueue-message";
import { listOutbox } from "./list-outbox";
import { httpEmailSender, type MessageSender, type OutgoingMessage } from "./senders";

const reset: OutboundMessage = {
  channel: "email",
  recipient: "a@example.cn",
  subject: "重置密码",
  body: "打开 https://zibo.localhost/reset?t=abc",
  kind: "password_reset_link",
};
const notice: OutboundMessage = {
  channel: "sms",
  recipient: "13800000000",
  subject: "密码已修改",
  body: "您的密码已修改",
  kind: "password_changed",
};
const T0 = new Date("2026-11-01T08:00:00.000Z");

function recordingSender(channel: MessageSender["channel"] = "email") {
  const sent: OutgoingMessage[] = [];
  return { sent, sender: { channel, send: async (m: OutgoingMessage) => void sent.push(m) } satisfies MessageSender };
}

describe("outbox", () => {
  let client: Client;
  let db: TenantDb;
  beforeEach(async () => {
    ({ client, db } = await openMemoryTenantDb());
  });
  afterEach(() => client.close());

  it("lists queued messages newest first, pending with no attempts", async () => {
    const first = await enqueueMessage(db, reset, T0);
    await db.batch([outboxInsert(db, notice, new Date(T0.getTime() + 1))]);
    const list = await listOutbox({ db });
    expect(list.map((m) => m.kind)).toEqual(["password_changed", "password_reset_link"]);
    expect(list[1]).toEqual({
      ...reset,
      id: first,
      status: "pending",
      attempts: 0,
      createdAt: T0.getTime(),
      sentAt: null,
      claimedAt: null,
      lastError: null,
    });
    expect(await listOutbox({ db }, { limit: 1 })).toHaveLength(1);
  });

  it("sends pending messages oldest first through their channel's sender and marks them sent", async () => {
    await enqueueMessage(db, reset, T0);
    await enqueueMessage(db, { ...reset, recipient: "b@example.cn" }, T0);
    const { sent, sender } = recordingSender();
    const later = new Date(T0.getTime() + 5000);
    expect(await deliverPending({ db, senders: [sender], now: later })).toEqual({
      sent: 2,
      failed: 0,
      retried: 0,
      skipped: 0,
    });
    expect(sent.map((m) => m.recipient)).toEqual(["a@example.cn", "b@example.cn"]);
    expect(sent[0]).toEqual({ recipient: reset.recipient, subject: reset.subject, body: reset.body, kind: reset.kind });
    const list = await listOutbox({ db });
    expect(list.map((m) => [m.status, m.attempts, m.sentAt, m.lastError])).toEqual([
      ["sent", 1, later.getTime(), null],
      ["sent", 1, later.getTime(), null],
    ]);
    expect(await deliverPending({ db, senders: [sender], now: later })).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
      skipped: 0,
    });
    expect(sent).toHaveLength(2);
  });

  it("retries a failing message, keeping the error, and marks it failed after maxAttempts", async () => {
    await enqueueMessage(db, reset, T0);
    const failing: MessageSender = {
      channel: "email",
      send: async () => {
        throw new Error("mailbox unavailable");
      },
    };
    for (let i = 1; i <= 2; i++) {
      expect(await deliverPending({ db, senders: [failing], now: T0, maxAttempts: 3 })).toEqual({
        sent: 0,
        failed: 0,
        retried: 1,
        skipped: 0,
      });
      expect((await listOutbox({ db }))[0]).toMatchObject({
        status: "pending",
        attempts: i,
        claimedAt: null,
        lastError: "Error: mailbox unavailable",
      });
    }
    expect(await deliverPending({ db, senders: [failing], now: T0, maxAttempts: 3 })).toEqual({
      sent: 0,
      failed: 1,
      retried: 0,
      skipped: 0,
    });
    expect((await listOutbox({ db }))[0]).toMatchObject({
      status: "failed",
      attempts: 3,
      sentAt: null,
      lastError: "Error: mailbox unavailable",
    });
    expect(await deliverPending({ db, senders: [failing], now: T0, maxAttempts: 3 })).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
      skipped: 0,
    });
  });

  it("leaves messages for a channel without a sender pending, without starving other channels", async () => {
    for (let i = 0; i < 3; i++) await enqueueMessage(db, notice, T0);
    await enqueueMessage(db, reset, T0);
    const { sent, sender } = recordingSender("email");
    expect(await deliverPending({ db, senders: [sender], now: T0, limit: 2 })).toEqual({
      sent: 1,
      failed: 0,
      retried: 0,
      skipped: 3,
    });
    expect(sent.map((m) => m.kind)).toEqual(["password_reset_link"]);
    expect(await deliverPending({ db, senders: [], now: T0 })).toEqual({ sent: 0, failed: 0, retried: 0, skipped: 3 });
    expect((await listOutbox({ db })).filter((m) => m.channel === "sms").map((m) => [m.status, m.attempts])).toEqual(
      Array(3).fill(["pending", 0]),
    );
  });

  it("sends a message once when two runs overlap, and retries it after a dead run's lease expires", async () => {
    await enqueueMessage(db, reset, T0);
    let release!: () => void;
    const calls: string[] = [];
    const slow: MessageSender = {
      channel: "email",
      send: (m) => {
        calls.push(m.recipient);
        return new Promise<void>((r) => (release = r));
      },
    };
    const first = deliverPending({ db, senders: [slow], now: T0 });
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    // The second run starts while the first is still sending: the row is claimed, so it is not selected.
    expect(await deliverPending({ db, senders: [slow], now: new Date(T0.getTime() + 1000) })).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
      skipped: 0,
    });
    expect((await listOutbox({ db }))[0]).toMatchObject({ status: "pending", claimedAt: T0.getTime(), sentAt: null });
    release();
    expect(await first).toEqual({ sent: 1, failed: 0, retried: 0, skipped: 0 });
    expect(calls).toHaveLength(1);

    // A run that died after claiming: the lease lapses and a later run sends it.
    await client.execute({
      sql: "UPDATE outbox SET status = 'pending', attempts = 1, sent_at = ?",
      args: [T0.getTime()],
    });
    const { sent, sender } = recordingSender();
    expect(
      await deliverPending({ db, senders: [sender], now: new Date(T0.getTime() + CLAIM_LEASE_MS - 1) }),
    ).toMatchObject({ sent: 0 });
    expect(await deliverPending({ db, senders: [sender], now: new Date(T0.getTime() + CLAIM_LEASE_MS) })).toMatchObject(
      { sent: 1 },
    );
    expect(sent).toHaveLength(1);
    expect((await listOutbox({ db }))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("skips a message another run claimed after this run read it", async () => {
    await enqueueMessage(db, reset, T0);
    await enqueueMessage(db, { ...reset, recipient: "b@example.cn" }, T0);
    const sent: string[] = [];
    // While this run sends the first message, another run claims the second (bumps attempts).
    const sender: MessageSender = {
      channel: "email",
      send: async (m) => {
        sent.push(m.recipient);
        if (m.recipient === "a@example.cn")
          await client.execute(
            "UPDATE outbox SET attempts = attempts + 1, sent_at = 0 WHERE recipient = 'b@example.cn'",
          );
      },
    };
    expect(await deliverPending({ db, senders: [sender], now: T0 })).toEqual({
      sent: 1,
      failed: 0,
      retried: 0,
      skipped: 1,
    });
    expect(sent).toEqual(["a@example.cn"]);
  });
});

describe("httpEmailSender", () => {
  it("POSTs {from, to, subject, text} as JSON with a bearer key", async () => {
    const fetchMock = vi.fn(
      async (_url: RequestInfo | URL, _init?: RequestInit) => new Response('{"id":"m1"}', { status: 200 }),
    );
    const sender = httpEmailSender({
      url: "https://mail.example/emails",
      apiKey: "k-123",
      from: "园区通 <noreply@yuanqu.example.cn>",
      fetch: fetchMock as typeof fetch,
    });
    await sender.send({
      recipient: "a@example.cn",
      subject: "重置密码",
      body: "打开链接",
      kind: "password_reset_link",
    });
    expect(sender.channel).toBe("email");
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("https://mail.example/emails");
    expect(init?.method).toBe("POST");
    expect(new Headers(init?.headers).get("authorization")).toBe("Bearer k-123");
    expect(new Headers(init?.headers).get("content-type")).toBe("application/json");
    expect(JSON.parse(String(init?.body))).toEqual({
      from: "园区通 <noreply@yuanqu.example.cn>",
      to: "a@example.cn",
      subject: "重置密码",
      text: "打开链接",
    });
  });

  it("throws with the status when the API answers non-2xx, without the key", async () => {
    const sender = httpEmailSender({
      url: "https://mail.example/emails",
      apiKey: "k-123",
      from: "x@example.cn",
      fetch: (async () => new Response("upstream down", { status: 500 })) as typeof fetch,
    });
    const err = await sender
      .send({ recipient: "a@example.cn", subject: "s", body: "b", kind: "k" })
      .catch((e: unknown) => e);
    expect(String(err)).toMatch(/HTTP 500: upstream down/);
    expect(String(err)).not.toContain("k-123");
  });
});
