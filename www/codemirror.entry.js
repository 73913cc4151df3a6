// The editor component, as bundled by scripts/site.sh into www/vendor/codemirror.js (built, not
// committed). Only this file imports npm packages: the rest of the site is plain ES modules
// served as they are. Export what the playground uses and nothing else, so the bundle stays small.
export { basicSetup } from 'codemirror';
export { EditorView, keymap } from '@codemirror/view';
export { EditorState } from '@codemirror/state';
export { indentWithTab, isolateHistory, temporarilySetTabFocusMode, undo, redo, undoDepth, redoDepth } from '@codemirror/commands';
export { json, jsonLanguage } from '@codemirror/lang-json';
export { syntaxHighlighting, syntaxTree } from '@codemirror/language';
export { classHighlighter } from '@lezer/highlight';
export { lintGutter, setDiagnostics, forEachDiagnostic } from '@codemirror/lint';
export { startCompletion, completionStatus } from '@codemirror/autocomplete';
