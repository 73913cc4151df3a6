// JSON text as the playground edits it: a small reader that keeps every value's place in the
// text (UTF-16 offsets, as CodeMirror and the package count), so that a checkbox or a
// recommendation changes one value in place instead of rewriting the user's text. JSON.parse
// would lose what the user wrote: key order is kept, but ids above 2^53 would be rounded,
// duplicate keys dropped and the formatting replaced.
//
// Nothing here decides whether a body is valid: that is the package's job. These helpers only
// read syntax, and return null when the text is not JSON.

const WS = new Set([' ', '\t', '\n', '\r']);
const MAX_DEPTH = 64;
const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * Reads `text` into nodes: { type, start, end } plus `members` ({ key, keyStart, keyEnd, value })
 * for objects, `items` for arrays and `value` (the parsed scalar) for strings, numbers and
 * literals. A leading byte order mark is skipped, as the package does. Null when not JSON.
 */
export function read(text) {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = () => { throw new SyntaxError('not JSON'); };
  const space = () => { while (i < text.length && WS.has(text[i])) i++; };

  function string() {
    const start = i++;
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail();
      i += c === 0x5c ? 2 : 1;
    }
    i++;
    return { type: 'string', start, end: i, value: JSON.parse(text.slice(start, i)) };
  }

  function value(depth) {
    if (depth > MAX_DEPTH) fail();
    space();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const members = [];
      space();
      if (text[i] === '}') { i++; return { type: 'object', start, end: i, members }; }
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        const key = string();
        space();
        if (text[i++] !== ':') fail();
        const v = value(depth + 1);
        members.push({ key: key.value, keyStart: key.start, keyEnd: key.end, value: v });
        space();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return { type: 'object', start, end: i, members }; }
        fail();
      }
    }
    if (c === '[') {
      i++;
      const items = [];
      space();
      if (text[i] === ']') { i++; return { type: 'array', start, end: i, items }; }
      for (;;) {
        items.push(value(depth + 1));
        space();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return { type: 'array', start, end: i, items }; }
        fail();
      }
    }
    if (c === '"') return string();
    SCALAR.lastIndex = i;
    const m = SCALAR.exec(text);
    if (!m) fail();
    i += m[0].length;
    return { type: m[0] === 'null' ? 'null' : /^[tf]/.test(m[0]) ? 'boolean' : 'number', start, end: i, value: JSON.parse(m[0]) };
  }

  try {
    const root = value(0);
    space();
    return i === text.length ? root : null;
  } catch {
    return null;
  }
}

/** The member named `key` that JSON.parse would keep: the last one. */
export function member(node, key) {
  if (node?.type !== 'object') return undefined;
  for (let k = node.members.length - 1; k >= 0; k--) if (node.members[k].key === key) return node.members[k];
  return undefined;
}

/** The node at an RFC 6901 pointer ("" is the root), or undefined. */
export function at(root, pointer) {
  if (pointer === '') return root;
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node?.type === 'object') node = member(node, token)?.value;
    else if (node?.type === 'array' && /^(0|[1-9]\d*)$/.test(token)) node = node.items[Number(token)];
    else return undefined;
  }
  return node;
}

function lineStart(text, pos) {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

function indentOf(text, pos) {
  const start = lineStart(text, pos);
  return /^[ \t]*/.exec(text.slice(start, pos))[0];
}

/** The indentation unit the text uses (two spaces when it cannot tell). */
function indentUnit(text) {
  const m = /\n([ \t]+)\S/.exec(text);
  return m ? m[1] : '  ';
}

const multiline = (text, node) => text.slice(node.start, node.end).includes('\n');

/** A value as JSON text, laid out like the text around it. */
function render(value, text, indent, expand) {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (!expand) return `[${value.map((v) => render(v, text, indent, false)).join(', ')}]`;
    const inner = indent + indentUnit(text);
    return `[\n${value.map((v) => inner + render(v, text, inner, true)).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    if (!expand) return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${render(v, text, indent, false)}`).join(', ')}}`;
    const inner = indent + indentUnit(text);
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${render(v, text, inner, true)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/**
 * The one change that sets `path` (keys, from `base`, an object node) to `value` in `text`:
 * { from, to, insert }. An existing value is replaced in place; a missing member is added after
 * the last one, laid out as its siblings are; missing objects on the way are created. Null when
 * something on the way is not an object.
 */
export function planSet(text, base, path, value) {
  let node = base;
  for (let k = 0; k < path.length; k++) {
    if (node?.type !== 'object') return null;
    const found = member(node, path[k]);
    if (!found) {
      let rest = value;
      for (let j = path.length - 1; j > k; j--) rest = { [path[j]]: rest };
      return insertMember(text, node, path[k], rest);
    }
    if (k === path.length - 1) {
      const old = found.value;
      const expand = multiline(text, old) || (old.type !== 'object' && old.type !== 'array' && multiline(text, node) && typeof value === 'object' && value !== null && !Array.isArray(value));
      return { from: old.start, to: old.end, insert: render(value, text, indentOf(text, found.keyStart), expand) };
    }
    node = found.value;
  }
  return null;
}

function insertMember(text, object, key, value) {
  const expand = multiline(text, object);
  if (object.members.length === 0) {
    if (!expand) return { from: object.start + 1, to: object.end - 1, insert: `${JSON.stringify(key)}: ${render(value, text, '', false)}` };
    const outer = indentOf(text, object.start);
    const inner = outer + indentUnit(text);
    return { from: object.start + 1, to: object.end - 1, insert: `\n${inner}${JSON.stringify(key)}: ${render(value, text, inner, true)}\n${outer}` };
  }
  const last = object.members[object.members.length - 1];
  const first = object.members[0];
  // The space before the first member is the layout of every member ("\n    " or " ").
  const gap = text.slice(object.start + 1, first.keyStart);
  const lead = gap.includes('\n') ? `\n${gap.slice(gap.lastIndexOf('\n') + 1)}` : ' ';
  const indent = gap.includes('\n') ? gap.slice(gap.lastIndexOf('\n') + 1) : '';
  const insert = `,${lead}${JSON.stringify(key)}: ${render(value, text, indent, expand)}`;
  return { from: last.value.end, to: last.value.end, insert };
}

/**
 * The text re-indented with two spaces, every token kept as written (numbers, escapes, key
 * order and duplicate keys included). Null when the text is not JSON.
 */
export function format(text) {
  if (!read(text)) return null;
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  let out = bom;
  let depth = 0;
  const pad = () => `\n${'  '.repeat(depth)}`;
  for (let i = bom.length; i < text.length; i++) {
    const c = text[i];
    if (WS.has(c)) continue;
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '{' || c === '[') {
      let j = i + 1;
      while (WS.has(text[j])) j++;
      if (text[j] === (c === '{' ? '}' : ']')) { out += c + text[j]; i = j; continue; }
      depth++;
      out += c + pad();
    } else if (c === '}' || c === ']') {
      depth--;
      out += pad() + c;
    } else if (c === ',') {
      out += `,${pad()}`;
    } else if (c === ':') {
      out += ': ';
    } else {
      let j = i;
      while (j < text.length && !WS.has(text[j]) && !',:]}'.includes(text[j])) j++;
      out += text.slice(i, j);
      i = j - 1;
    }
  }
  return `${out}\n`;
}

/**
 * Where `pos` is in a JSON text that may be incomplete (the user is typing): the keys from the
 * root to the innermost container (array items as "*"), whether a key or a value goes here, and
 * the string being typed, if any ({ from } just after its opening quote). Reads the text up to
 * `pos` only.
 */
export function contextAt(text, pos) {
  const stack = [];
  let string = null; // { from, isKey }
  let lastString = null;
  for (let i = 0; i < pos; i++) {
    const c = text[i];
    if (c === '"') {
      const top = stack[stack.length - 1];
      const isKey = top?.type === 'object' && top.expect === 'key';
      let j = i + 1;
      while (j < pos && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= pos) { string = { from: i + 1, isKey }; break; }
      lastString = text.slice(i + 1, j);
      if (isKey) {
        try { top.key = JSON.parse(`"${lastString}"`); } catch { top.key = lastString; }
      }
      i = j;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '{') stack.push({ type: 'object', expect: 'key', key: null });
    else if (c === '[') stack.push({ type: 'array' });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ':' && top?.type === 'object') top.expect = 'value';
    else if (c === ',' && top?.type === 'object') { top.expect = 'key'; top.key = null; }
  }
  const top = stack[stack.length - 1];
  const path = [];
  for (const frame of stack) {
    if (frame.type === 'array') path.push('*');
    else if (frame !== top || frame.expect === 'value') path.push(frame.key);
  }
  // In an object, a key goes here unless a colon was typed; a value goes in an array.
  const kind = top?.type === 'object' && top.expect === 'key' ? 'key' : top ? 'value' : 'root';
  return { path: path.filter((k) => k !== undefined), kind, string };
}

/** The change that removes one member of an object, with the comma that separates it. */
export function planDelete(text, object, target) {
  const k = object.members.indexOf(target);
  if (k < 0) return null;
  const next = object.members[k + 1];
  const previous = object.members[k - 1];
  if (next) return { from: target.keyStart, to: next.keyStart, insert: '' };
  if (previous) return { from: previous.value.end, to: target.value.end, insert: '' };
  // The only member: keep the braces, drop what was inside them.
  return { from: object.start + 1, to: object.end - 1, insert: '' };
}

/**
 * `text` without every member whose key matches `test`, at any depth, everything else as
 * written. Null when the text is not JSON.
 */
export function removeMembers(text, test) {
  const root = read(text);
  if (!root) return null;
  const changes = [];
  const walk = (node) => {
    if (node.type === 'array') node.items.forEach(walk);
    if (node.type !== 'object') return;
    const doomed = node.members.filter((m) => test(m.key));
    const kept = node.members.filter((m) => !test(m.key));
    if (doomed.length === node.members.length && doomed.length) {
      changes.push({ from: node.start + 1, to: node.end - 1, insert: '' });
      return;
    }
    // Each doomed member goes with the separator before the next member (or, for the last
    // kept-less tail, the one after the previous member), so the result stays JSON.
    node.members.forEach((m, k) => {
      if (!test(m.key)) return;
      const next = node.members.slice(k + 1).find((n) => !test(n.key));
      if (next) changes.push({ from: m.keyStart, to: node.members[k + 1].keyStart, insert: '' });
      else changes.push({ from: node.members[k - 1].value.end, to: m.value.end, insert: '' });
    });
    kept.forEach((m) => walk(m.value));
  };
  walk(root);
  changes.sort((a, b) => b.from - a.from);
  let out = text;
  for (const c of changes) out = out.slice(0, c.from) + c.insert + out.slice(c.to);
  return out;
}
