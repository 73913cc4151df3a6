//! The objects the package's functions take, declared once as tables: the options objects
//! (the binding reads exactly these keys and names them in its errors) and the shapes of
//! request bodies and events. The TypeScript declarations are written from the same tables.
//! The options' Rust counterparts are [`crate::ValidateOptions`] and [`crate::ParseOptions`];
//! these tables say how JavaScript spells them.

use crate::catalog;

/// One member of an options object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionMember {
    /// The key in JavaScript.
    pub key: &'static str,
    /// Its TypeScript type; aliases such as `Mode` are declared from the Rust enums.
    pub ts_type: &'static str,
    pub required: bool,
    pub doc: &'static str,
}

/// An options object, as one TypeScript interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionsObject {
    pub name: &'static str,
    pub doc: &'static str,
    pub members: &'static [OptionMember],
    /// Other keys are allowed and ignored (an Order-info `product` object has many more).
    pub open: bool,
}

impl OptionsObject {
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.members.iter().map(|m| m.key)
    }

    pub fn knows(&self, key: &str) -> bool {
        self.keys().any(|k| k == key)
    }
}

const fn optional(key: &'static str, ts_type: &'static str, doc: &'static str) -> OptionMember {
    OptionMember {
        key,
        ts_type,
        required: false,
        doc,
    }
}

pub const MODE: OptionMember = optional(
    "mode",
    "Mode",
    "Default \"create\". On update, an omitted setting keeps its current value, and `secret: \"\"` removes the secret.",
);
pub const STRICT: OptionMember = optional(
    "strict",
    "boolean",
    "Flags spelled other than \"1\"/\"0\" become errors. Default false.",
);
pub const MAX_DIAGNOSTICS: OptionMember = optional(
    "maxDiagnostics",
    "number",
    "Default 100; `truncated` says when the list was cut.",
);
pub const MAX_INPUT_BYTES: OptionMember =
    optional("maxInputBytes", "number", "Default 1 MiB of UTF-8.");
pub const NOW: OptionMember = optional(
    "now",
    "string | number",
    "ISO 8601 or epoch milliseconds, for the validity checks. Default: the clock.",
);
pub const SETTINGS: OptionMember = optional(
    "settings",
    "string | WebhookRequestBody | Record<string, unknown>",
    "A webhook request body: the result then explains why the chain is or is not there.",
);
pub const PRODUCT: OptionMember = optional(
    "product",
    "string | ProductInfo",
    "The product ordered, as a `name_id` or `type`, or an Order-info `product` object.",
);
pub const INSTANT: OptionMember = optional(
    "instant",
    "boolean",
    "Whether the certificate was issued the instant the order was created.",
);

/// `validateRequest(input, options)`.
pub const VALIDATE: OptionsObject = OptionsObject {
    name: "ValidateOptions",
    doc: "",
    members: &[MODE, STRICT, MAX_DIAGNOSTICS, MAX_INPUT_BYTES],
    open: false,
};

/// `explainDelivery(input, options)`.
pub const EXPLAIN: OptionsObject = OptionsObject {
    name: "ExplainOptions",
    doc: "",
    members: &[MODE, MAX_INPUT_BYTES],
    open: false,
};

/// `explainCase(input, scenario)`.
pub const SCENARIO: OptionsObject = OptionsObject {
    name: "Scenario",
    doc: "One product and kind of issuance.",
    members: &[
        OptionMember {
            required: true,
            ..PRODUCT
        },
        OptionMember {
            required: true,
            ..INSTANT
        },
        MODE,
    ],
    open: false,
};

/// `parseEvent(input, options)` and `parseEvents(ndjson, options)`.
pub const PARSE: OptionsObject = OptionsObject {
    name: "ParseOptions",
    doc: "",
    members: &[
        NOW,
        SETTINGS,
        PRODUCT,
        INSTANT,
        OptionMember {
            doc: "The mode of `settings`.",
            ..MODE
        },
        OptionMember {
            doc: "Per event. Default 100.",
            ..MAX_DIAGNOSTICS
        },
        OptionMember {
            doc: "Per event (per line for parseEvents). Default 1 MiB of UTF-8.",
            ..MAX_INPUT_BYTES
        },
    ],
    open: false,
};

/// An Order-info `product` object: the fields the classifier reads (docs/domain.md §6).
pub const PRODUCT_INFO: OptionsObject = OptionsObject {
    name: "ProductInfo",
    doc: "An Order-info `product` object; other fields are ignored.",
    members: &[NAME_ID, TYPE, GROUP_NAME, VALIDATION_TYPE],
    open: true,
};
pub const NAME_ID: OptionMember = optional("name_id", "string", "");
pub const TYPE: OptionMember = optional("type", "string", "");
pub const GROUP_NAME: OptionMember = optional("group_name", "string", "");
pub const VALIDATION_TYPE: OptionMember = optional("validation_type", "string", "");

/// Every options object, in the order the declarations list them.
pub const ALL: [OptionsObject; 5] = [VALIDATE, EXPLAIN, SCENARIO, PARSE, PRODUCT_INFO];

const fn required(key: &'static str, ts_type: &'static str, doc: &'static str) -> OptionMember {
    OptionMember {
        key,
        ts_type,
        required: true,
        doc,
    }
}

/// A create (`POST /webhook`) or update (`PUT /webhook/{id}`) body, as a caller writes it
/// (docs/domain.md §2).
pub const REQUEST_BODY: OptionsObject = OptionsObject {
    name: "WebhookRequestBody",
    doc: "A create (POST /webhook) or update (PUT /webhook/{id}) body.",
    members: &[
        required(catalog::ENDPOINT, "string", "An https:// URL."),
        optional(
            catalog::SECRET,
            "string",
            "At least 32 characters; sent back in X-WEBHOOK-KEY.",
        ),
        optional(catalog::EVENTS_KEY, "SubscribableEventName[]", ""),
        optional(catalog::SETTINGS, "WebhookSettings", ""),
    ],
    open: false,
};

/// What `validateRequest` returns as `normalized`: unknown keys are kept.
pub const NORMALIZED_BODY: OptionsObject = OptionsObject {
    name: "NormalizedRequestBody",
    doc: "The body to send: flags as \"1\"/\"0\", duplicates removed, key order kept; unknown keys kept.",
    members: &[
        optional(catalog::ENDPOINT, "string", ""),
        optional(catalog::SECRET, "string", ""),
        optional(catalog::EVENTS_KEY, "string[]", ""),
        optional(catalog::SETTINGS, "NormalizedWebhookSettings", ""),
    ],
    open: true,
};

/// An event as received, before its fields were checked.
pub const RECEIVED_EVENT: OptionsObject = OptionsObject {
    name: "ReceivedEvent",
    doc: "A JSON object as received, before its fields were checked.",
    members: &[
        optional(catalog::EVENT_NAME_KEY, "unknown", ""),
        optional(catalog::DATA_KEY, "unknown", ""),
    ],
    open: true,
};

/// An event this version does not know.
pub const UNKNOWN_EVENT: OptionsObject = OptionsObject {
    name: "UnknownWebhookEvent",
    doc: "An event this version does not know, kept whole (diagnostic `unknown-event`).",
    members: &[
        required(catalog::EVENT_NAME_KEY, "string", ""),
        optional(catalog::DATA_KEY, "unknown", ""),
    ],
    open: true,
};

/// One entry of `certificate_chain` (docs/domain.md §4).
pub const CHAIN_ENTRY: OptionsObject = OptionsObject {
    name: "ChainEntry",
    doc: "A chain entry as sent: end-entity first, then intermediates, then the root.",
    members: &[
        optional(catalog::CHAIN_NAME_KEY, "string", ""),
        required(catalog::CHAIN_PEM_KEY, "string", ""),
    ],
    open: false,
};

/// The shapes the package reads, in the order the declarations list them.
pub const SHAPES: [OptionsObject; 5] = [
    REQUEST_BODY,
    NORMALIZED_BODY,
    RECEIVED_EVENT,
    UNKNOWN_EVENT,
    CHAIN_ENTRY,
];
