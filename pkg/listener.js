// The listener kit: receive a CertCentral webhook POST, check it, parse it and hand it to
// typed handlers. Glue only: the key comparison, the source range, the event rules and the
// chain links are the wasm core's (parseEvent, verifyWebhookKey, isDigiCertSource).
// No imports, so the build can also write it out as CommonJS (listener.cjs).

/** The statuses a listener answers with, and the stable `code` of each failure. */
const FAILURES = {
  'invalid-event': 400,
  'missing-key': 401,
  'wrong-key': 401,
  'forbidden-source': 403,
  'method-not-allowed': 405,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'handler-failed': 500,
};

const OPTIONS = ['secret', 'checkSource', 'trustProxy', 'maxBodyBytes', 'settings', 'now', 'mode'];

function misuse(message) {
  const error = new Error(message);
  error.code = 'invalid-argument';
  return error;
}

class Failure extends Error {
  constructor(code, message) {
    super(message);
    this.failure = code;
  }
}

/** A header by case-insensitive name from a `Headers` or a plain object; lists are joined. */
function headerOf(headers, name) {
  if (!headers) return undefined;
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== name) continue;
    const value = headers[key];
    if (Array.isArray(value)) return value.length === 1 ? String(value[0]) : value.map(String);
    return value === undefined || value === null ? undefined : String(value);
  }
  return undefined;
}

/**
 * The client's address: the socket's peer, or with `trustProxy` = n the nth address from the
 * right of `X-Forwarded-For` + peer (the one the nearest trusted proxy saw), as Express does.
 */
function clientAddress(headers, remoteAddress, trustProxy) {
  if (!trustProxy) return remoteAddress;
  let forwarded = headerOf(headers, 'x-forwarded-for') ?? '';
  if (Array.isArray(forwarded)) forwarded = forwarded.join(',');
  const hops = forwarded.split(',').map((s) => s.trim()).filter(Boolean);
  // Without the peer (a fetch runtime that passed none), the nearest proxy's own entry is the
  // last one; never reach further left than the trusted proxies wrote.
  const trusted = remoteAddress === undefined ? trustProxy - 1 : trustProxy;
  if (remoteAddress !== undefined) hops.push(remoteAddress);
  const at = hops.length - 1 - trusted;
  return at >= 0 ? hops[at] : undefined;
}

const isBytes = (value) => value instanceof Uint8Array || value instanceof ArrayBuffer || ArrayBuffer.isView(value);
const asBytes = (value) => (value instanceof ArrayBuffer ? new Uint8Array(value)
  : new Uint8Array(value.buffer, value.byteOffset, value.byteLength));

function tooLarge(max) {
  return new Failure('payload-too-large', `the body is over ${max} bytes`);
}

/** Reads a Node stream or a web ReadableStream, stopping (and keeping nothing more) past `max`. */
async function readLimited(stream, max) {
  const chunks = [];
  let total = 0;
  const take = (chunk) => {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : asBytes(chunk);
    total += bytes.byteLength;
    if (total > max) throw tooLarge(max);
    chunks.push(bytes);
  };
  if (typeof stream.getReader === 'function') {
    const reader = stream.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        take(value);
      }
    } catch (error) {
      reader.cancel().catch(() => {});
      throw error;
    }
  } else {
    await new Promise((resolve, reject) => {
      let tooMuch;
      const onData = (chunk) => {
        try {
          take(chunk);
        } catch (error) {
          // Nothing more is kept: the rest of the upload is read and dropped, and the answer
          // waits for its end (as body-parser does). Answered at once, with the connection
          // closed while the sender was still sending, the sender could see the connection
          // reset instead of the 413.
          tooMuch = error;
          stream.off('data', onData);
          stream.on('data', () => {});
        }
      };
      stream.on('data', onData);
      stream.once('end', () => (tooMuch ? reject(tooMuch) : resolve()));
      // A sender that gives up after the limit ends the wait too.
      stream.once('close', () => tooMuch && reject(tooMuch));
      stream.once('error', (error) => reject(tooMuch ?? error));
    });
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) { body.set(chunk, at); at += chunk.byteLength; }
  return body;
}

function utf8(bytes) {
  try {
    // Fatal: a listener should refuse bytes that are not UTF-8 rather than guess. A BOM is dropped.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Failure('invalid-event', 'the body is not UTF-8 text');
  }
}

/** UTF-8 byte length of a string, without encoding it when the answer is obvious. */
function utf8Length(text, max) {
  if (text.length > max) return text.length; // every UTF-16 unit is at least one byte
  if (text.length * 3 <= max) return text.length;
  return new TextEncoder().encode(text).byteLength;
}

/** The body as text, or as the already-parsed value when a framework parsed it first. */
async function readBody(body, max, notes) {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') {
    if (utf8Length(body, max) > max) throw tooLarge(max);
    return body;
  }
  if (isBytes(body)) {
    if (body.byteLength > max) throw tooLarge(max);
    return utf8(asBytes(body));
  }
  if (typeof body.getReader === 'function' || typeof body.on === 'function') {
    return utf8(await readLimited(body, max));
  }
  if (typeof body === 'object') {
    notes.push('The body arrived already parsed (for example by express.json()), so its text is gone: positions are unknown, and duplicate keys or number spellings were resolved by the parser. The key and source were still checked.');
    let text;
    try { text = JSON.stringify(body); } catch { throw new Failure('invalid-event', 'the parsed body cannot be read as JSON'); }
    if (utf8Length(text, max) > max) throw tooLarge(max);
    return body;
  }
  throw new Failure('invalid-event', 'the body is neither text, bytes nor a stream');
}

function isJsonType(type) {
  const main = type.split(';')[0].trim().toLowerCase();
  return main === 'application/json' || /^application\/[\w.-]+\+json$/.test(main);
}

/** The kit over one set of core functions (the Node or the web build). */
export function listenerKit(core) {
  const { parseEvent, verifyWebhookKey, isDigiCertSource, explainDelivery, EVENT_NAMES } = core;

  function createWebhooks(options = {}) {
    if (options === null || typeof options !== 'object') throw misuse('createWebhooks takes an options object');
    for (const key of Object.keys(options)) {
      if (!OPTIONS.includes(key)) throw misuse(`unknown option \`${key}\`; known: ${OPTIONS.join(', ')}`);
    }
    const { secret, checkSource, trustProxy = 0, maxBodyBytes = core.DEFAULT_MAX_INPUT_BYTES } = options;
    // An unset environment variable must not silently turn the key check off.
    if ('secret' in options && (typeof secret !== 'string' || secret === '')) {
      throw misuse('secret must be a non-empty string: is its environment variable set? Leave the option out to check no key.');
    }
    if (checkSource !== undefined && typeof checkSource !== 'boolean') throw misuse('checkSource must be a boolean');
    if (!Number.isInteger(trustProxy) || trustProxy < 0) throw misuse('trustProxy must be a non-negative integer');
    if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) throw misuse('maxBodyBytes must be a positive integer');
    // The body limit is the event's limit too: a body the listener accepted is never refused
    // again by parseEvent's own default.
    const parseOptions = { maxInputBytes: maxBodyBytes };
    for (const key of ['settings', 'now', 'mode']) if (options[key] !== undefined) parseOptions[key] = options[key];
    // Misuse in settings/now/mode shows now, not at the first event.
    parseEvent('{"event":"test_webhook_endpoint"}', parseOptions);

    const handlers = new Map();
    const anyHandlers = [];
    const errorHandlers = [];
    const names = (name) => {
      const list = Array.isArray(name) ? name : [name];
      for (const n of list) if (!EVENT_NAMES.includes(n)) throw misuse(`unknown event name \`${n}\`; known: ${EVENT_NAMES.join(', ')}`);
      return list;
    };
    const checkHandler = (handler) => {
      if (typeof handler !== 'function') throw misuse('a handler must be a function');
    };

    async function receive(input = {}) {
      const notes = [];
      let report = null;
      const fail = (code, message) => ({ status: FAILURES[code], report, error: { code, message }, notes });
      try {
        const { headers, method } = input;
        if (method !== undefined && String(method).toUpperCase() !== 'POST') {
          return fail('method-not-allowed', 'CertCentral sends events as POST');
        }
        const client = clientAddress(headers, input.remoteAddress, trustProxy);
        if (checkSource ?? (input.remoteAddress !== undefined)) {
          if (client === undefined || !isDigiCertSource(client)) {
            return fail('forbidden-source', `the request comes from ${client === undefined ? 'an unknown address' : client}, outside DigiCert's 216.168.240.0/20`);
          }
        }
        if (secret !== undefined) {
          const key = headerOf(headers, 'x-webhook-key');
          if (key === undefined) return fail('missing-key', 'the X-WEBHOOK-KEY header is missing');
          if (Array.isArray(key) || !verifyWebhookKey(key, secret)) return fail('wrong-key', 'the X-WEBHOOK-KEY header does not match the secret');
        }
        const type = headerOf(headers, 'content-type');
        if (type !== undefined && !isJsonType(Array.isArray(type) ? type[0] : type)) {
          return fail('unsupported-media-type', 'the body is not JSON (Content-Type)');
        }
        let body;
        try {
          body = await readBody(input.body, maxBodyBytes, notes);
        } catch (error) {
          if (error instanceof Failure) throw error;
          // An upload the sender aborted, or a stream that failed: nothing usable arrived.
          throw new Failure('invalid-event', 'the body could not be read to its end');
        }
        report = parseEvent(body, parseOptions);
        if (!report.ok) {
          const first = report.diagnostics.find((d) => d.severity === 'error');
          return fail('invalid-event', first ? `${first.code} at ${first.path || '/'}: ${first.message}` : 'not a webhook event');
        }
      } catch (error) {
        if (error instanceof Failure) return fail(error.failure, error.message);
        throw error;
      }
      const event = report.event ?? report.unknownEvent;
      const ctx = { report, chain: report.chain, explanation: report.explanation, notes };
      const chosen = [...(report.event ? handlers.get(report.event.event) ?? [] : []), ...anyHandlers];
      try {
        for (const handler of chosen) await handler(event, ctx);
      } catch (error) {
        for (const onError of errorHandlers) {
          try { await onError(error, ctx); } catch { /* an error handler's own failure is not the sender's concern */ }
        }
        // The sender learns only that it failed: never the error's text or stack.
        return fail('handler-failed', 'a handler failed; see the listener\'s own logs');
      }
      return { status: 200, report, notes };
    }

    return {
      on(name, handler) {
        checkHandler(handler);
        for (const n of names(name)) handlers.set(n, [...(handlers.get(n) ?? []), handler]);
      },
      onAny(handler) { checkHandler(handler); anyHandlers.push(handler); },
      onError(handler) { checkHandler(handler); errorHandlers.push(handler); },
      removeListener(name, handler) {
        if (name === '*') {
          const at = anyHandlers.lastIndexOf(handler);
          if (at >= 0) anyHandlers.splice(at, 1);
          return;
        }
        for (const n of names(name)) {
          const list = [...(handlers.get(n) ?? [])];
          const at = list.lastIndexOf(handler);
          if (at >= 0) list.splice(at, 1);
          handlers.set(n, list);
        }
      },
      receive,
    };
  }

  /** The short JSON a listener answers with: `{ "code": "ok" }` or the failure's code. */
  function answer(result) {
    const body = result.error ? { code: result.error.code, message: result.error.message } : { code: 'ok' };
    const headers = { 'content-type': 'application/json' };
    if (result.status === 405) headers.allow = 'POST';
    if (result.status === 413) headers.connection = 'close';
    return { status: result.status, headers, text: JSON.stringify(body) };
  }

  function createNodeMiddleware(hooks, options = {}) {
    const { path } = options;
    return function certcentralWebhooks(req, res, next) {
      const url = String(req.originalUrl ?? req.url ?? '/');
      if (path !== undefined && url.split('?')[0] !== path) {
        if (typeof next === 'function') return next();
        res.statusCode = 404;
        res.setHeader('content-type', 'application/json');
        res.end('{"code":"not-found"}');
        return undefined;
      }
      // A body parser that ran first (express.json(), .raw(), .text()) has consumed the stream
      // and left req.body; otherwise the request itself is the stream to read.
      const consumed = req.readableEnded === true || req._body === true;
      const body = consumed ? req.body : req;
      hooks.receive({ headers: req.headers, body, remoteAddress: req.socket?.remoteAddress, method: req.method })
        .then((result) => {
          const { status, headers, text } = answer(result);
          res.writeHead(status, headers);
          res.end(text);
        }, (error) => {
          // receive() turns every failure into a status; this is a bug in the kit itself.
          if (typeof next === 'function') return next(error);
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end('{"code":"internal-error"}');
          return undefined;
        })
        // A response that cannot be written (the client is gone) must not crash the process
        // through an unhandled rejection.
        .catch(() => {});
      return undefined;
    };
  }

  function createWebHandler(hooks) {
    return async function handle(request, context = {}) {
      const result = await hooks.receive({
        headers: request.headers, body: request.body, remoteAddress: context?.remoteAddress, method: request.method,
      });
      const { status, headers, text } = answer(result);
      return new Response(text, { status, headers });
    };
  }

  function unusable(message, report) {
    const error = new Error(message);
    error.code = 'chain-unusable';
    error.diagnostics = report?.diagnostics ?? [];
    return error;
  }

  /**
   * The PEM bundle to deploy: the leaf, then each issuer by the links the core decoded
   * (issuerIndex), never by array position; the root only with includeRoot.
   */
  function fullchainPem(report, options = {}) {
    const { includeRoot = false } = options;
    if (!report || typeof report !== 'object') throw misuse('fullchainPem takes a parseEvent report');
    const entries = report.event?.event === 'certificate_issued' ? report.event.data?.certificate_chain : undefined;
    if (!Array.isArray(entries) || entries.length === 0 || !report.chain) {
      // Why, in the package's words: the explanation when the report had the settings, else
      // the explainer's own recommendation for getting the chain (its goal and its patch).
      const goal = explainDelivery({ endpoint: 'https://listener.example.com/' }).recommendations
        .find((r) => r.goal === 'chain-in-every-tls-event');
      const why = report.explanation ? ` ${report.explanation}` : goal ? ` To ${goal.description.replace(/^./, (c) => c.toLowerCase())}, merge into the webhook's body: ${JSON.stringify(goal.patch)}.` : '';
      throw unusable(`this report has no certificate_chain to bundle.${why}`, report);
    }
    const failed = report.diagnostics.filter((d) => d.code === 'pem-invalid' || (d.severity === 'error' && d.path.startsWith('/data/certificate_chain')));
    if (failed.length || report.chain.length !== entries.length) {
      throw unusable(`an entry of certificate_chain did not decode: ${failed.map((d) => `${d.path}: ${d.message}`).join('; ')}`, report);
    }
    const byIndex = new Map(report.chain.map((c) => [c.index, c]));
    const leaves = report.chain.filter((c) => c.role === 'leaf');
    if (leaves.length !== 1) throw unusable(`the chain has ${leaves.length} end-entity certificates, so there is no one leaf to start from`, report);
    const path = [];
    for (let c = leaves[0]; c && !path.includes(c); c = c.issuerIndex === null ? undefined : byIndex.get(c.issuerIndex)) path.push(c);
    const unlinked = report.chain.filter((c) => !path.includes(c));
    if (unlinked.length) {
      throw unusable(`the chain's links are broken: ${unlinked.map((c) => `entry ${c.index} (${c.subject})`).join(', ')} is not an issuer on the leaf's path`, report);
    }
    return path
      .filter((c) => includeRoot || c.role !== 'root')
      .map((c) => `${String(entries[c.index].pem).replace(/\r\n?/g, '\n').trim()}\n`)
      .join('');
  }

  return { createWebhooks, createNodeMiddleware, createWebHandler, fullchainPem };
}
