// The fenced code blocks of a Markdown file, for the tests that run the docs as written.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The fenced blocks of a Markdown file: language, code, line, and the marker above it. */
export function codeBlocks(file) {
  const lines = readFileSync(`${root}${file}`, 'utf8').split('\n');
  const blocks = [];
  let marker = null;
  for (let i = 0; i < lines.length; i++) {
    const comment = /^<!-- ((?:not run|run by)[^>]*) -->$/.exec(lines[i]);
    if (comment) { marker = comment[1]; continue; }
    const fence = /^```(\w*)$/.exec(lines[i]);
    if (!fence) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end] !== '```') end++;
    blocks.push({ file, lang: fence[1], code: `${lines.slice(start, end).join('\n')}\n`, line: start, marker });
    marker = null;
    i = end;
  }
  return blocks;
}
