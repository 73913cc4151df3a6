// An Express app: the kit is one middleware. No body parser is needed; if express.json()
// ran first, the kit checks its result instead (the report's `notes` say so).
import express from "express";
import { createWebhooks, createNodeMiddleware } from "certcentral-webhooks";

const hooks = createWebhooks({ secret: process.env.WEBHOOK_SECRET, trustProxy: Number(process.env.TRUST_PROXY ?? 0) });
hooks.on("certificate_issued", (event, ctx) => console.log(`order ${event.data.order_id}: ${ctx.chain?.length ?? 0} certificates`));
hooks.on("certificate_revoked", () => { throw new Error("revocations are not handled yet"); });
hooks.onError((error) => console.error(`handler failed: ${error.message}`));
const app = express();
app.use(createNodeMiddleware(hooks, { path: "/digicert" }));
const server = app.listen(Number(process.env.PORT ?? 8787), "127.0.0.1", () => console.log(`listening on http://127.0.0.1:${server.address().port}/digicert`));
