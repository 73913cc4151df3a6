// A dependency-free code editor: a textarea over a highlight layer and a line-number gutter.
// The highlight layer marks diagnostic ranges (UTF-16 offsets, the units JS strings use); it
// is built from text nodes and <mark> elements, never from HTML strings.

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

export function createEditor(root, { label, onInput }) {
  root.classList.add('editor');
  const gutter = document.createElement('div');
  gutter.className = 'gutter';
  gutter.setAttribute('aria-hidden', 'true');
  const layers = document.createElement('div');
  layers.className = 'layers';
  const highlight = document.createElement('pre');
  highlight.className = 'highlight';
  highlight.setAttribute('aria-hidden', 'true');
  const textarea = document.createElement('textarea');
  textarea.spellcheck = false;
  textarea.wrap = 'off';
  textarea.setAttribute('autocapitalize', 'off');
  textarea.setAttribute('autocomplete', 'off');
  textarea.setAttribute('aria-label', label);
  layers.append(highlight, textarea);
  root.append(gutter, layers);

  let marks = [];
  let lineCount = 0;

  function renderGutter(text) {
    const lines = text.split(/\r\n|\r|\n/).length;
    if (lines === lineCount) return;
    lineCount = lines;
    const numbers = [];
    for (let i = 1; i <= lines; i++) numbers.push(String(i));
    gutter.textContent = numbers.join('\n');
  }

  function renderHighlight(text) {
    const nodes = [];
    let at = 0;
    const ordered = marks
      .filter((m) => m.end >= m.start && m.start <= text.length)
      .sort((a, b) => a.start - b.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    for (const m of ordered) {
      if (m.start < at) continue; // overlapping: the first one wins
      nodes.push(document.createTextNode(text.slice(at, m.start)));
      const mark = document.createElement('mark');
      mark.className = `mark-${m.severity}`;
      // An empty range (a syntax error at one point) is drawn one character wide.
      const end = m.end > m.start ? m.end : Math.min(m.start + 1, text.length);
      mark.textContent = text.slice(m.start, end) || ' ';
      mark.dataset.code = m.code;
      nodes.push(mark);
      at = end;
    }
    nodes.push(document.createTextNode(`${text.slice(at)}\n `));
    highlight.replaceChildren(...nodes);
  }

  function render() {
    renderGutter(textarea.value);
    renderHighlight(textarea.value);
    syncScroll();
  }

  function syncScroll() {
    highlight.style.setProperty('transform', `translate(${-textarea.scrollLeft}px, ${-textarea.scrollTop}px)`);
    gutter.style.setProperty('transform', `translateY(${-textarea.scrollTop}px)`);
  }

  textarea.addEventListener('input', () => { render(); onInput?.(); });
  textarea.addEventListener('scroll', syncScroll);

  return {
    textarea,
    get value() { return textarea.value; },
    set value(text) { textarea.value = text; render(); },
    /** Diagnostics with ranges become marks under the text. */
    setDiagnostics(diagnostics) {
      marks = diagnostics.filter((d) => d.range).map((d) => ({
        start: d.range.start.offset, end: d.range.end.offset, severity: d.severity, code: d.code,
      }));
      renderHighlight(textarea.value);
    },
    /** Puts the cursor on a range and scrolls it into view. */
    select(start, end, line) {
      textarea.focus();
      textarea.setSelectionRange(start, end);
      const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
      const top = (line - 1) * lineHeight;
      if (top < textarea.scrollTop || top > textarea.scrollTop + textarea.clientHeight - lineHeight) {
        textarea.scrollTop = Math.max(0, top - textarea.clientHeight / 3);
      }
      syncScroll();
    },
    /** Replaces a UTF-16 range, as typing would (the change can be undone in most browsers). */
    replace(start, end, text) {
      textarea.focus();
      textarea.setSelectionRange(start, end);
      if (!document.execCommand?.('insertText', false, text)) {
        textarea.setRangeText(text, start, end, 'end');
      }
      render();
      onInput?.();
    },
  };
}
