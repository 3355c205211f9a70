/**
 * Delivery adapters. `deliverPending` hands each outbox message to the sender
 * for its channel; a sender either resolves (delivered to the provider) or
 * throws (the outbox counts an attempt and keeps the error). Senders only use
 * `fetch`, so they run on Workers and Node alike.
 */
import type { AppConfig } from "../../env";
import type { Channel } from "./enqueue-message";

export interface OutgoingMessage {
  recipient: string;
  subject: string;
  body: string;
  /**
   * The outbox kind ("password_reset_link", …). Template-only providers (SMS in
   * mainland China) map it to a registered template; free-text senders ignore it.
   */
  kind: string;
}

export interface MessageSender {
  channel: Channel;
  /** Resolves once the provider accepted the message; throws otherwise (the message is retried). */
  send(msg: OutgoingMessage): Promise<void>;
}

export interface EmailSender extends MessageSender {
  channel: "email";
}

/**
 * An SMS provider adapter. To plug one in (e.g. Aliyun SMS, `SendSms`), implement
 * `send` so that it:
 *  - sends to `recipient` (an 11-digit mainland mobile) with the zone's approved
 *    signature (SignName) and the template registered for `kind` (TemplateCode),
 *    the message text going in as the template's variable(s) (TemplateParam JSON);
 *    an SMS has no subject;
 *  - signs the request with the provider's HMAC scheme using `crypto.subtle`
 *    (available on Workers and Node; no provider SDK, which is Node-only);
 *  - throws when the provider answers anything but success (Aliyun: HTTP 200 and
 *    `Code === "OK"`), with the provider's code in the message, so the outbox
 *    retries it and shows why; it never puts the access key in the error;
 *  - bounds its request with a timeout (see `httpEmailSender`).
 * No SMS provider is configured yet: SMS messages stay pending in the outbox.
 */
export interface SmsSender extends MessageSender {
  channel: "sms";
}

export interface HttpEmailOptions {
  /** The provider's send endpoint, e.g. "https://api.resend.com/emails". */
  url: string;
  apiKey: string;
  /** The sender address, e.g. "园区通 <noreply@yuanqu.example.cn>". */
  from: string;
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Milliseconds before giving up on one request (default 10 s), so a hung API cannot stall a delivery run. */
  timeoutMs?: number;
}

/**
 * A transactional-email HTTP API that takes `POST {from, to, subject, text}`
 * with a bearer key (Resend, and others with the same shape).
 */
export function httpEmailSender(options: HttpEmailOptions): EmailSender {
  // Wrapped rather than stored: calling Workers' global fetch as a method of
  // another object throws "Illegal invocation".
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  return {
    channel: "email",
    async send(msg) {
      const res = await doFetch(options.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${options.apiKey}` },
        body: JSON.stringify({ from: options.from, to: msg.recipient, subject: msg.subject, text: msg.body }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (!res.ok) {
        // The provider's own words help whoever reads last_error; capped so a large
        // error page cannot bloat the outbox row.
        const detail = (await res.text().catch(() => "")).trim().slice(0, 200);
        throw new Error(`email API answered HTTP ${res.status}${detail ? `: ${detail}` : ""}`);
      }
      // Release the connection; the body (a provider message id) is not needed.
      await res.body?.cancel();
    },
  };
}

/** The senders a deployment's configuration enables: email over HTTP when all three EMAIL_* are set. */
export function configuredSenders(
  config: Pick<AppConfig, "EMAIL_API_URL" | "EMAIL_API_KEY" | "EMAIL_FROM">,
): MessageSender[] {
  const senders: MessageSender[] = [];
  if (config.EMAIL_API_URL && config.EMAIL_API_KEY && config.EMAIL_FROM) {
    senders.push(httpEmailSender({ url: config.EMAIL_API_URL, apiKey: config.EMAIL_API_KEY, from: config.EMAIL_FROM }));
  }
  return senders;
}
