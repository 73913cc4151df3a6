'use strict';
// Node entry for require(): the wasm is read from disk and instantiated synchronously when
// this module loads, so every function works at once. init()/initSync() exist for code
// shared with browsers and do nothing here.
const bindings = require('./node/certcentral_webhooks.js');
const generated = require('./generated.cjs');
const { listenerKit } = require('./listener.cjs');

module.exports = {
  ...bindings,
  ...generated,
  ...listenerKit({ ...bindings, EVENT_NAMES: generated.EVENT_NAMES, DEFAULT_MAX_INPUT_BYTES: generated.DEFAULT_MAX_INPUT_BYTES }),
  init: async () => {},
  initSync: () => {},
};
// `import init from "certcentral-webhooks"` compiled to CommonJS reads `.default`.
module.exports.default = module.exports.init;
Object.defineProperty(module.exports, '__esModule', { value: true });
