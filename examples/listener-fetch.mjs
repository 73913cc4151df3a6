// A fetch handler (Deno, Bun, Cloudflare Workers, any Request/Response runtime). The source
// range is checked when the runtime passes { remoteAddress } as the second argument.
import { createWebhooks, createWebHandler } from "certcentral-webhooks";

const hooks = createWebhooks({ secret: globalThis.process?.env.WEBHOOK_SECRET });
hooks.on("certificate_issued", (event, ctx) => console.log(`order ${event.data.order_id}: ${ctx.chain?.length ?? 0} certificates`));
hooks.on("certificate_revoked", () => { throw new Error("revocations are not handled yet"); });
hooks.onError((error) => console.error(`handler failed: ${error.message}`));

export default { fetch: createWebHandler(hooks) };
