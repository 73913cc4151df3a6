// The page state in the URL hash, deflated and base64url-encoded: shared links carry the state
// without any server seeing it (the hash is never sent in a request).
import { removeMembers } from './json.js';

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

/**
 * The state in a `#s=...` hash: { state }, or { error } saying why a link could not be read
 * (the page says so instead of failing silently), or null when the hash is no shared link.
 */
export async function decodeState(hash) {
  if (!hash.startsWith('#s=')) return null;
  const match = /^#s=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!match) return { error: 'it has characters that a link made here never has (was it cut or changed?)' };
  let json;
  try {
    json = await inflate(fromBase64Url(match[1]), 4 << 20);
  } catch (error) {
    return { error: error?.message === 'shared state too large' ? 'it holds more than 4 MiB' : 'it is damaged or was cut short' };
  }
  try {
    const state = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
    if (!state || typeof state !== 'object' || Array.isArray(state)) throw new Error();
    return { state };
  } catch {
    return { error: 'it does not hold a playground state' };
  }
}

/**
 * The request text without anything that may be a secret: every member whose key looks like
 * one (`secret`, `Secret`, `webhook_secret`), wherever it is; everything else stays as written.
 * Returns null when the text is not JSON: then nothing can be removed safely, so it is not
 * shared at all.
 */
export function withoutSecret(text) {
  if (text.trim() === '') return text;
  return removeMembers(text, (key) => /secret/i.test(key));
}
