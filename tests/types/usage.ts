// Compiled with `tsc --noEmit --strict`: the public types must make right code compile and
// wrong code fail (each @ts-expect-error must be an error, or tsc fails).
import init, {
  validateRequest, explainDelivery, explainCase, classifyProduct, parseEvent, parseEvents,
  verifyWebhookKey, isDigiCertSource, requestSchema, EVENT_NAMES,
  createWebhooks, createWebHandler, createNodeMiddleware, fullchainPem,
  type WebhookEvent, type Diagnostic, type WebhookRequestBody, type Family, type NormalizedRequestBody,
} from "certcentral-webhooks";

await init();

const body: WebhookRequestBody = { endpoint: "https://a.example.com", events: ["certificate_issued"] };
// @ts-expect-error: not an event name that can be subscribed
const wrong: WebhookRequestBody = { endpoint: "https://a.example.com", events: ["certificate_isued"] };

const report = validateRequest(JSON.stringify(body), { mode: "update", strict: true });
const first: Diagnostic | undefined = report.diagnostics[0];
const line: number | undefined = first?.range?.start.line;
if (first?.code === "no-effect") console.log(first.path);
// @ts-expect-error: not a diagnostic code
if (first?.code === "no-efect") console.log(line);
// @ts-expect-error: unknown option
validateRequest("{}", { strictness: true });

const delivery = explainDelivery(body);
const family: Family = delivery.outcomes[0].family;
const chain: boolean = delivery.outcomes[0].includesChain;
const patch = delivery.recommendations[0]?.patch.webhook_settings?.webhook_send_certificate_chain;
const kind: Family | "unknown" = classifyProduct({ name_id: "ssl_plus", type: "ssl_certificate" });
const outcome = explainCase(body, { product: "ssl_plus", instant: true });

const parsed = parseEvent("{}", { now: "2030-01-01T00:00:00Z", settings: body });
// @ts-expect-error: until `ok` is checked, the event is only what arrived, not a typed event
if (parsed.event?.event === "certificate_issued") console.log(parsed.event.data.order_id);
const e = parsed.ok ? parsed.event : null;
if (e && e.event === "certificate_issued") {
  const entries = e.data.certificate_chain;
  const orderId: number = e.data.order_id;
  console.log(entries?.[0]?.pem, orderId);
}
if (e && e.event === "order_approval_email_sent") {
  const emails: string[] | undefined = e.data.orderApprovalEmails;
  console.log(emails);
}
if (e && e.event === "test_webhook_endpoint") {
  const nothing: undefined = e.data;
  console.log(nothing);
}
// @ts-expect-error: misspelled event name
if (e && e.event === "certificate_isued") console.log(e);

function handle(event: WebhookEvent): number {
  switch (event.event) {
    case "certificate_issued":
    case "certificate_revoked":
    case "order_rejected":
      return event.data.certificate_id;
    case "challenge_webhook_endpoint":
      return event.data.webhook_id;
    default:
      return 0;
  }
}

const fingerprint: string | undefined = parsed.chain?.[0]?.sha256Fingerprint;
const all = parseEvents("{}\n{}");
const ok: boolean = verifyWebhookKey(null, "s") && isDigiCertSource("216.168.240.1");
const names: readonly string[] = EVENT_NAMES;
// @ts-expect-error: EVENT_NAMES is read-only
EVENT_NAMES.push("x");
const schema: Record<string, unknown> = requestSchema();
// Validation reports are discriminated by `valid`.
const checked = validateRequest("{}");
if (checked.valid) {
  const toSend: NormalizedRequestBody = checked.normalized;
  console.log(toSend);
}
// @ts-expect-error: an invalid body's normalized form may be null
const unsafe: NormalizedRequestBody = checked.normalized;

// The listener kit: handlers are typed by the event name.
const hooks = createWebhooks({ secret: "s".repeat(32), trustProxy: 1, settings: body });
hooks.on("certificate_issued", (event, ctx) => {
  const orderId: number = event.data.order_id;
  const bundle: string = fullchainPem(ctx.report, { includeRoot: false });
  console.log(orderId, bundle, ctx.chain?.[0]?.issuerIndex);
});
hooks.on(["certificate_revoked", "order_rejected"], (event) => event.data.certificate_id);
hooks.on("challenge_webhook_endpoint", ({ data }) => data.token.length);
// @ts-expect-error: misspelled event name
hooks.on("certificate_isued", () => undefined);
hooks.on("certificate_revoked", (event) => {
  // @ts-expect-error: the handler's event is typed: order_id is a number
  const id: string = event.data.order_id;
  return id;
});
hooks.onAny((event) => event.event);
hooks.onError((error) => console.error(error));
const received = await hooks.receive({ headers: { "X-WEBHOOK-KEY": ["k"] }, body: new Uint8Array(2), remoteAddress: "216.168.240.1" });
const statusCode: 200 | 400 | 401 | 403 | 405 | 413 | 415 | 500 = received.status;
const fetchHandler: (request: Request) => Promise<Response> = createWebHandler(hooks);
const middleware = createNodeMiddleware(hooks, { path: "/digicert" });

console.log(wrong, family, chain, patch, kind, outcome, handle, fingerprint, all, ok, names, schema, unsafe, statusCode, fetchHandler, middleware);
