// Compiled with `tsc --noEmit --strict`: the public types must make right code compile and
// wrong code fail (each @ts-expect-error must be an error, or tsc fails).
import init, {
  validateRequest, explainDelivery, explainCase, classifyProduct, parseEvent, parseEvents,
  verifyWebhookKey, isDigiCertSource, requestSchema, EVENT_NAMES,
  type WebhookEvent, type Diagnostic, type WebhookRequestBody, type Family,
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
const e = parsed.event;
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
console.log(wrong, family, chain, patch, kind, outcome, handle, fingerprint, all, ok, names, schema);
