// A node:http listener: checks X-WEBHOOK-KEY and DigiCert's source range, writes the chain.
import http from "node:http";
import { writeFile } from "node:fs/promises";
import { createWebhooks, createNodeMiddleware, fullchainPem } from "certcentral-webhooks";

const hooks = createWebhooks({ secret: process.env.WEBHOOK_SECRET, trustProxy: Number(process.env.TRUST_PROXY ?? 0) });
hooks.on("certificate_issued", async (event, ctx) => {
  // Throws (so DigiCert sees a 500) when the event carries no chain; onError says why.
  await writeFile(`${event.data.certificate_id}.fullchain.pem`, fullchainPem(ctx.report));
});
hooks.onError((error) => console.error(`handler failed: ${error.message}`));
const server = http.createServer(createNodeMiddleware(hooks, { path: "/digicert" }));
server.listen(Number(process.env.PORT ?? 8787), "127.0.0.1", () => console.log(`listening on http://127.0.0.1:${server.address().port}/digicert`));
