// The page state in the URL hash, deflated and base64url-encoded: shared links carry the state
// without any server seeing it (the hash is never sent in a request).

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function encodeState(state) {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** Inflates at most `limit` bytes: a crafted link must not exhaust the tab's memory. */
async function inflate(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('shared state too large');
    }
    chunks.push(value);
  }
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}

/** The state in a `#s=...` hash, or null when there is none or it cannot be read. */
export async function decodeState(hash) {
  const match = /^#s=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!match) return null;
  try {
    const json = await inflate(fromBase64Url(match[1]), 4 << 20);
    const state = JSON.parse(new TextDecoder().decode(json));
    return state && typeof state === 'object' ? state : null;
  } catch {
    return null;
  }
}

/** JSON.parse of editor text, which may start with a byte order mark (the package accepts one). */
export function parseText(text) {
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}

/**
 * The request text without anything that may be a secret: every key that looks like one
 * (`secret`, `Secret`, `webhook_secret`), wherever it is. Returns null when the text is not
 * JSON: then nothing can be removed safely, so it is not shared at all.
 */
export function withoutSecret(text) {
  let document;
  try {
    document = parseText(text);
  } catch {
    return text.trim() === '' ? text : null;
  }
  let removed = false;
  const strip = (value) => {
    if (!value || typeof value !== 'object') return;
    if (!Array.isArray(value)) {
      for (const key of Object.keys(value)) {
        if (/secret/i.test(key)) {
          delete value[key];
          removed = true;
        }
      }
    }
    Object.values(value).forEach(strip);
  };
  strip(document);
  return removed ? JSON.stringify(document, null, 2) : text;
}
