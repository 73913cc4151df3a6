#!/usr/bin/env node
// certcentral-webhooks: check webhook settings and events in build pipelines.
// Exit status: 0 no errors, 1 errors found, 2 usage or I/O failure (reason on stderr).
import { readFileSync, readdirSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import {
  validateRequest, explainDelivery, parseEvent, parseEvents, version, FAMILIES, ISSUANCES,
  DEFAULT_MAX_INPUT_BYTES,
} from './node.mjs';

/** Files read as logs, one event per line: named so on the command line or in a directory. */
const LOG_EXTENSIONS = ['.ndjson', '.jsonl'];

const USAGE = `Usage:
  certcentral-webhooks validate [FILE|DIR...|-] [-r] [--mode create|update] [--strict] [--format text|json|github]
  certcentral-webhooks explain  [FILE|-]        [--mode create|update] [--format text|json]
  certcentral-webhooks parse    [FILE|DIR...|-] [-r] [--ndjson] [--settings FILE] [--mode create|update] [--now ISO8601] [--format text|json|github]

  validate  check webhook create/update request bodies (or GET /webhook responses)
  explain   show which certificate_issued events carry certificate_chain, and why
  parse     read webhook events, decode their certificate chains

With no FILE, or with -, the input is read from standard input. A directory stands for its
*.json files (parse --ndjson: ${LOG_EXTENSIONS.map((x) => `*${x}`).join(' and ')}), and with -r for those of its subdirectories
too. Every readable file is checked; an unreadable one is reported and makes the status 2.
Exit status: 0 no errors, 1 errors found, 2 usage or I/O failure (the worst one found).
Options:
  --format text|json|github  output format (github: workflow annotations; validate and parse)
  --mode create|update       the request (for parse: --settings) is a create (default) or an update body
  --strict                   flags written other than "1"/"0" are errors
  --ndjson                   parse: one event per line (always so for ${LOG_EXTENSIONS.map((x) => `FILE${x}`).join(', ')})
  --settings FILE            parse: the webhook request body, to explain the chain's presence
                             (checked as validate would: its errors are shown and exit 1)
  -r, --recursive            a directory includes its subdirectories
  --max-input-bytes N        the largest input (in a log: line) read, in bytes (default ${DEFAULT_MAX_INPUT_BYTES})
  --now ISO8601              parse: the time to check validity against (default: now)
  -h, --help                 this help
  -V, --version              the version`;

/** A usage or I/O failure, printed without a stack trace (exit status 2). `help`: whether
 * --help would show the fix. */
class UsageError extends Error {
  constructor(message, { help = true } = {}) {
    super(message);
    this.help = help;
  }
}

const COMMANDS = {
  validate: { formats: ['text', 'json', 'github'], flags: ['--mode', '--strict', '--format', '--recursive', '--max-input-bytes'] },
  explain: { formats: ['text', 'json'], flags: ['--mode', '--format', '--max-input-bytes'], single: true },
  parse: { formats: ['text', 'json', 'github'], flags: ['--ndjson', '--settings', '--now', '--format', '--mode', '--recursive', '--max-input-bytes'] },
};
const TAKES_VALUE = new Set(['--mode', '--format', '--settings', '--now', '--max-input-bytes']);
const SHORT = { '-r': '--recursive' };

function parseArgs(argv) {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help') return { help: true };
  if (command === '-V' || command === '--version') return { version: true };
  if (!command) throw new UsageError('no command given');
  const spec = COMMANDS[command];
  if (!spec) throw new UsageError(`unknown command '${command}' (validate, explain or parse)`);
  const options = { command, files: [], format: 'text', mode: 'create' };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '-h' || arg === '--help') return { help: true };
    if (arg === '-' || !arg.startsWith('-')) { options.files.push(arg); continue; }
    const [given, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const flag = SHORT[given] ?? given;
    if (!spec.flags.includes(flag)) throw new UsageError(`unknown option '${flag}' for ${command}`);
    let value = true;
    if (TAKES_VALUE.has(flag)) {
      value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
    } else if (inline !== undefined) {
      throw new UsageError(`${flag} takes no value`);
    }
    options[flag.slice(2)] = value;
  }
  if (options['max-input-bytes'] !== undefined) {
    const n = Number(options['max-input-bytes']);
    if (!/^\d+$/.test(options['max-input-bytes']) || !Number.isSafeInteger(n) || n < 1) throw new UsageError('--max-input-bytes must be a positive whole number of bytes');
    options.maxInputBytes = n;
  }
  if (!spec.formats.includes(options.format)) throw new UsageError(`--format must be one of ${spec.formats.join(', ')} for ${command}`);
  if (!['create', 'update'].includes(options.mode)) throw new UsageError('--mode must be create or update');
  if (spec.single && options.files.length > 1) throw new UsageError(`${command} takes one file`);
  if (options.files.length === 0) options.files.push('-');
  return options;
}

/** An I/O failure in words: what a person reads in a CI log. */
const IO_REASONS = {
  ENOENT: 'no such file or directory', EACCES: 'permission denied', EPERM: 'operation not permitted',
  EISDIR: 'is a directory', ENOTDIR: 'a part of the path is not a directory', EMFILE: 'too many open files',
  ELOOP: 'too many symbolic links', ENAMETOOLONG: 'the name is too long', EIO: 'input/output error',
  EAGAIN: 'not ready to be read', ENXIO: 'no such device',
};
const ioReason = (error) => IO_REASONS[error?.code] ?? error?.message ?? String(error);
const shownFile = (file) => (file === '-' ? 'standard input' : file);


/** At most `limit` + 4 bytes of a file: past the input limit, the check only needs to see that
 * it is longer (the report then says "at least N bytes"), and a huge file is not read whole. */
function readLimited(file, limit) {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(limit + 4);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0;) length += n;
    return new TextDecoder().decode(buffer.subarray(0, length));
  } finally {
    closeSync(fd);
  }
}

let stdin;
/** The text of a file (or standard input, read once however often named); throws in words.
 * With a `limit`, a file is read no further than just past it. */
function read(file, limit) {
  try {
    if (file === '-') return (stdin ??= readFileSync(0, 'utf8'));
    return limit === undefined ? readFileSync(file, 'utf8') : readLimited(file, limit);
  } catch (error) {
    throw new UsageError(`cannot read ${shownFile(file)}: ${ioReason(error)}`, { help: false });
  }
}

/** Whether a file's name ends with one of `extensions`, in any case (LOG.NDJSON is a log). */
const hasExtension = (name, extensions) => extensions.some((x) => name.toLowerCase().endsWith(x));

/** The files the arguments name: a directory stands for its files with these extensions. */
function expand(files, extensions, recursive, problems) {
  const out = [];
  const walk = (dir, top) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      problems.push(`cannot read ${dir}: ${ioReason(error)}`);
      return;
    }
    const before = out.length;
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) { if (recursive) walk(path, false); } else if (hasExtension(entry.name, extensions)) out.push(path);
    }
    if (top && out.length === before) problems.push(`${dir} has no ${extensions.join(' or ')} files${recursive ? '' : ' (use -r for its subdirectories)'}`);
  };
  for (const file of files) {
    let isDir = false;
    try { isDir = file !== '-' && statSync(file).isDirectory(); } catch { /* reported when read */ }
    if (isDir) walk(file, true); else out.push(file);
  }
  return out;
}

/** Each input read: `{ file, text, perLine }`, or its failure added to `problems` (exit
 * status 2). `perLine(file)` says whether the file is NDJSON, whose limit is per line, so it
 * is read whole. */
function readInputs(options, extensions, problems, perLine = () => false) {
  const inputs = [];
  const limit = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  for (const file of expand(options.files, extensions, options.recursive === true, problems)) {
    try {
      const lines = perLine(file);
      inputs.push({ file, text: read(file, lines ? undefined : limit), perLine: lines });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      problems.push(error.message);
    }
  }
  return inputs;
}

const displayName = (file) => (file === '-' ? '<stdin>' : file);

// Control characters from the input never reach the terminal or the log as such.
const oneLine = (s) => s.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** `FILE:LINE:COL severity code message (hint)` */
function textLine(file, d) {
  const at = d.range ? `${d.range.start.line}:${d.range.start.column}` : '1:1';
  return oneLine(`${displayName(file)}:${at} ${d.severity} ${d.code} ${d.message}${d.hint ? ` (${d.hint})` : ''}`);
}

// GitHub workflow commands: data escapes %, CR, LF; properties also ':' and ','.
const escapeData = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const GITHUB_LIMIT = 10;

/** Annotation lines, at most 10 per severity (GitHub shows no more), then a summary of the rest. */
function githubLines(items) {
  const lines = [];
  const hidden = { error: 0, warning: 0, notice: 0 };
  const shown = { error: 0, warning: 0, notice: 0 };
  for (const { file, d } of items) {
    const level = d.severity === 'info' ? 'notice' : d.severity;
    if (shown[level] >= GITHUB_LIMIT) { hidden[level]++; continue; }
    shown[level]++;
    const props = [`file=${escapeProperty(displayName(file))}`];
    if (d.range) {
      props.push(`line=${d.range.start.line}`, `col=${d.range.start.column}`, `endLine=${d.range.end.line}`, `endColumn=${d.range.end.column}`);
    }
    props.push(`title=${escapeProperty(d.code)}`);
    lines.push(`::${level} ${props.join(',')}::${escapeData(`${d.message}${d.hint ? ` (${d.hint})` : ''}`)}`);
  }
  // The summary is a notice, so it is shown even when the 10 errors or warnings are.
  for (const [level, count] of Object.entries(hidden)) {
    if (count) lines.push(`::notice::${count} more ${level}${count === 1 ? '' : 's'} not shown as annotations; run with --format text to see all`);
  }
  return lines;
}

/** `3 files checked: 1 error, 2 warnings`; `what` is what was counted (files, events). */
function summary(items, count, what, truncated = false) {
  const bySeverity = (s) => items.filter(({ d }) => d.severity === s).length;
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const cut = truncated ? ' (the list was cut at the diagnostic limit; there are more)' : '';
  return `${plural(count, what)} checked: ${plural(bySeverity('error'), 'error')}, ${plural(bySeverity('warning'), 'warning')}${cut}`;
}

/** Secrets never reach the output: CI logs are read by many. Any key that looks like one
 * (`secret`, a misspelled `Secret`, `webhook_secret`) is redacted, at any depth. */
function redact(value) {
  if (Array.isArray(value)) return value.map(redact);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => (
    /secret/i.test(key) && v !== '' && v !== null ? [key, '[redacted]'] : [key, redact(v)])));
}

function runValidate(options, out, problems) {
  const items = [];
  const reports = [];
  let failed = false;
  let truncated = false;
  const inputs = readInputs(options, ['.json'], problems);
  if (inputs.length === 0) return 0; // nothing was read: the problems say why (status 2)
  for (const { file, text } of inputs) {
    const validateOptions = { mode: options.mode, strict: options.strict === true };
    if (options.maxInputBytes) validateOptions.maxInputBytes = options.maxInputBytes;
    const report = validateRequest(text, validateOptions);
    reports.push({ file: displayName(file), ...report, normalized: redact(report.normalized) });
    for (const d of report.diagnostics) items.push({ file, d });
    failed ||= !report.valid; // counts errors beyond the diagnostics cap too
    truncated ||= report.truncated;
  }
  if (options.format === 'json') out(JSON.stringify(reports, null, 2));
  else if (options.format === 'github') githubLines(items).forEach((l) => out(l));
  else {
    items.forEach(({ file, d }) => out(textLine(file, d)));
    out(summary(items, inputs.length, 'file', truncated));
  }
  return failed ? 1 : 0;
}

/** "issued instantly", as the explainer words it. */
const issuanceLabel = (id) => ISSUANCES.find((i) => i.id === id).label.toLowerCase();

function runExplain(options, out) {
  const [file] = options.files;
  const explainOptions = { mode: options.mode };
  if (options.maxInputBytes) explainOptions.maxInputBytes = options.maxInputBytes;
  const report = explainDelivery(read(file, options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES), explainOptions);
  if (options.format === 'json') {
    out(JSON.stringify(report, null, 2));
  } else {
    const rows = [['Product family', ...ISSUANCES.map((i) => i.label)]];
    for (const family of FAMILIES) {
      const of = (issuance) => report.outcomes.find((o) => o.family === family.id && o.issuance === issuance.id);
      rows.push([family.label, ...ISSUANCES.map((i) => of(i).summary)]);
    }
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    const line = (r) => r.map((text, c) => text.padEnd(widths[c])).join('  ').trimEnd();
    out(line(rows[0]));
    out(widths.map((w) => '-'.repeat(w)).join('  '));
    rows.slice(1).forEach((r) => out(line(r)));
    out('');
    out('Why:');
    for (const family of FAMILIES) {
      for (const o of report.outcomes.filter((x) => x.family === family.id)) {
        out(`  ${family.label}, ${issuanceLabel(o.issuance)}: ${o.reason}`);
      }
    }
    if (report.assumptions.length) {
      out('Assumed (not stated):');
      report.assumptions.forEach((a) => out(`  - ${a.path}: ${a.note}`));
    }
    out(`Approval events: ${report.approval.note}`);
    if (report.recommendations.length) {
      out('To reach a goal, merge into the body:');
      report.recommendations.forEach((r) => out(`  - ${r.description}: ${JSON.stringify(r.patch)}`));
    }
    report.diagnostics.forEach((d) => out(textLine(file, d)));
  }
  return report.valid ? 0 : 1;
}

function runParse(options, out, problems) {
  const parseOptions = { mode: options.mode };
  if (options.maxInputBytes) parseOptions.maxInputBytes = options.maxInputBytes;
  const results = [];
  const items = [];
  let failed = false;
  // The settings are checked as `validate` would: an explanation resting on a body with
  // errors says so, and the errors are shown and set the exit status.
  let settingsReport = null;
  if (options.settings) {
    parseOptions.settings = read(options.settings);
    const { valid, diagnostics, truncated } = validateRequest(parseOptions.settings, { mode: options.mode });
    settingsReport = { file: displayName(options.settings), valid, diagnostics, truncated };
    for (const d of diagnostics) items.push({ file: options.settings, d });
    failed ||= !valid;
  }
  if (options.now) parseOptions.now = options.now;
  // One event per line with --ndjson, or in a file named as a log (as a directory's are found).
  const perLine = (file) => options.ndjson === true || hasExtension(file, LOG_EXTENSIONS);
  const inputs = readInputs(options, options.ndjson ? LOG_EXTENSIONS : ['.json'], problems, perLine);
  if (inputs.length === 0) return 0; // nothing was read: the problems say why (status 2)
  for (const { file, text, perLine: lines } of inputs) {
    let reports;
    try {
      reports = lines ? parseEvents(text, parseOptions) : [parseEvent(text, parseOptions)];
    } catch (error) {
      // Only a bad option is the caller's mistake (the package throws those with this code).
      if (error?.code !== 'invalid-argument') throw error;
      throw new UsageError(error.message.replace(/^now /, '--now '));
    }
    for (const report of reports) {
      results.push({ file: displayName(file), ...report });
      for (const d of report.diagnostics) items.push({ file, d });
      failed ||= !report.ok;
    }
  }
  if (options.format === 'json') {
    // With --settings: { settings, events }, so the settings' diagnostics have a place.
    out(JSON.stringify(settingsReport ? { settings: settingsReport, events: results } : results, null, 2));
  } else if (options.format === 'github') githubLines(items).forEach((l) => out(l));
  else {
    // Diagnostics first, as FILE:LINE:COL lines; then what was read, indented under `#`.
    if (settingsReport) {
      settingsReport.diagnostics.forEach((d) => out(textLine(options.settings, d)));
      out(oneLine(`# ${settingsReport.file}: settings${settingsReport.valid ? '' : ' (errors: the explanations below rest on assumptions)'}`));
    }
    for (const r of results) {
      const file = r.file === '<stdin>' ? '-' : r.file;
      r.diagnostics.forEach((d) => out(textLine(file, d)));
      const name = r.event?.event ?? r.unknownEvent?.event;
      const where = r.line === undefined ? r.file : `${r.file}:${r.line}`;
      out(oneLine(`# ${where}: ${name === undefined ? '(not an event)' : name}${r.ok ? '' : ' (errors)'}`));
      for (const c of r.chain ?? []) {
        out(oneLine(`#   [${c.index}] ${c.role.padEnd(12)} ${c.subject}`));
        out(`#       valid ${c.notBefore} .. ${c.notAfter}, serial ${c.serialNumber}, sha256 ${c.sha256Fingerprint}`);
      }
      if (r.explanation) out(oneLine(`#   ${r.explanation}`));
    }
    // Events are what was checked (an NDJSON file holds many); the settings are counted apart.
    const settingsNote = settingsReport ? ` (and the settings in ${settingsReport.file})` : '';
    out(`${summary(items, results.length, 'event')}${settingsNote}`);
  }
  return failed ? 1 : 0;
}

function main(argv) {
  const lines = [];
  const out = (line) => lines.push(line);
  let status;
  try {
    const options = parseArgs(argv);
    if (options.help) { process.stdout.write(`${USAGE}\n`); return 0; }
    if (options.version) { process.stdout.write(`${version()}\n`); return 0; }
    const problems = [];
    status = { validate: runValidate, explain: runExplain, parse: runParse }[options.command](options, out, problems);
    // Every readable input was checked; each unreadable one is named, and the status is the worst.
    for (const problem of problems) process.stderr.write(`certcentral-webhooks: ${problem}\n`);
    if (problems.length) status = 2;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`certcentral-webhooks: ${error.message}\n`);
      if (error.help) process.stderr.write('Try --help.\n');
      return 2;
    }
    process.stderr.write(`certcentral-webhooks: internal error: ${error?.message ?? error}\n`);
    return 2;
  }
  if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
  return status;
}

// `... | head` closes the pipe early: that is not a failure worth a stack trace.
process.stdout.on('error', (error) => process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 2));
process.exitCode = main(process.argv.slice(2));
