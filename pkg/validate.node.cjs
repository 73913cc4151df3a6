'use strict';
// `certcentral-webhooks/validate` under Node (require): the validator-only wasm, loaded at once.
const { validateRequest, version } = require('./validate/node/certcentral_webhooks.js');
const { EVENT_NAMES, SUBSCRIBABLE_EVENT_NAMES, FAMILIES, ISSUANCES, FLAGS, DEFAULT_MAX_INPUT_BYTES, requestSchema } = require('./generated.cjs');

module.exports = {
  validateRequest, version, EVENT_NAMES, SUBSCRIBABLE_EVENT_NAMES, FAMILIES, ISSUANCES, FLAGS, DEFAULT_MAX_INPUT_BYTES, requestSchema,
  init: async () => {},
  initSync: () => {},
};
module.exports.default = module.exports.init;
Object.defineProperty(module.exports, '__esModule', { value: true });
