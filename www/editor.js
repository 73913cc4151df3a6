// The JSON editor: CodeMirror 6 (bundled into ./vendor/codemirror.js by scripts/site.sh), set
// up as users know it from other playgrounds, and used as it is: its undo history, viewport
// rendering, JSON highlighting, folding, bracket matching, line numbers, search, lint marks with
// quick fixes and autocompletion. This file only configures it and gives the page a few verbs;
// every change the page makes is one transaction, so Ctrl+Z undoes exactly that change.
import {
  basicSetup, EditorView, EditorState, keymap, indentWithTab, isolateHistory, temporarilySetTabFocusMode,
  json, jsonLanguage, syntaxHighlighting, syntaxTree, classHighlighter, lintGutter, setDiagnostics,
} from './vendor/codemirror.js';

export { syntaxTree };

/** The smallest single change that turns `before` into `after`. */
export function diff(before, after) {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

/**
 * Typing over a selection, done by CodeMirror rather than by the browser. Left to itself,
 * Chromium replaces a selection that spans highlighted tokens by inserting the typed text in a
 * <span style="..."> that keeps the deleted text's colour; the page's CSP (no inline styles)
 * blocks that attribute and logs a violation. CodeMirror would redraw the text either way;
 * making the change as a transaction (through the same input handlers, so closing brackets and
 * completion still work) keeps the browser from trying.
 */
const typeOverSelection = EditorView.domEventHandlers({
  beforeinput(event, view) {
    const { state } = view;
    if (event.inputType !== 'insertText' || !event.data || view.composing) return false;
    if (state.selection.ranges.every((range) => range.empty)) return false;
    event.preventDefault();
    const { from, to } = state.selection.main;
    const insert = () => state.update(state.replaceSelection(event.data), { userEvent: 'input.type', scrollIntoView: true });
    if (!state.facet(EditorView.inputHandler).some((handler) => handler(view, from, to, event.data, insert))) view.dispatch(insert());
    return true;
  },
});

export function createEditor(host, { label, doc, complete, onChange }) {
  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc,
      extensions: [
        basicSetup,
        // Tab indents, as in other editors; Escape then Tab (or Ctrl+M) moves the focus on.
        keymap.of([indentWithTab, { key: 'Escape', run: temporarilySetTabFocusMode }]),
        json(),
        jsonLanguage.data.of({ autocomplete: complete }),
        syntaxHighlighting(classHighlighter),
        lintGutter(),
        EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': `${host.id}-help` }),
        EditorView.updateListener.of((update) => { if (update.docChanged) onChange(update); }),
        typeOverSelection,
      ],
    }),
  });

  return {
    view,
    get length() { return view.state.doc.length; },
    text: () => view.state.doc.toString(),
    slice: (from, to) => view.state.sliceDoc(from, to),
    /**
     * One undoable step: `changes` refer to the text before it (CodeMirror's ChangeSpec), and
     * the step is never merged with typing before or after it.
     */
    change(changes, userEvent, { scroll = false } = {}) {
      const spec = { changes, userEvent, annotations: isolateHistory.of('full') };
      if (scroll) {
        const first = Array.isArray(changes) ? changes[0] : changes;
        if (first) spec.effects = EditorView.scrollIntoView(first.from, { y: 'center' });
      }
      view.dispatch(spec);
    },
    /** Replaces the text as one undoable step, by the smallest change that does it. */
    replaceText(text, userEvent, options) {
      const change = diff(view.state.doc.toString(), text);
      if (change.from === change.to && change.insert === '') return false;
      this.change(change, userEvent, options);
      return true;
    },
    select(from, to) {
      const length = view.state.doc.length;
      view.dispatch({
        selection: { anchor: Math.min(from, length), head: Math.min(to, length) },
        effects: EditorView.scrollIntoView(Math.min(from, length), { y: 'center' }),
      });
      view.focus();
    },
    focus: () => view.focus(),
    /** CodeMirror lint diagnostics ({ from, to, severity, message, renderMessage, actions }). */
    setDiagnostics(list) {
      view.dispatch(setDiagnostics(view.state, list));
    },
  };
}
