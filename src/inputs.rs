//! The objects the package's functions take, declared once as tables: the options objects
//! (the binding reads exactly these keys and names them in its errors) and the shapes of
//! request bodies and events. The TypeScript declarations are written from the same tables.
//! The options' Rust counterparts are [`crate::ValidateOptions`] and [`crate::ParseOptions`];
//! these tables say how JavaScript spells them.

use crate::catalog;

/// One member of a shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShapeMember {
    /// The key in JavaScript.
    pub key: &'static str,
    /// Its TypeScript type; aliases such as `Mode` are declared from the Rust enums.
    pub ts_type: &'static str,
    pub required: bool,
    pub doc: &'static str,
}

/// An object the package reads (an options object, a request body, an event), as one
/// TypeScript interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub name: &'static str,
    pub doc: &'static str,
    pub members: &'static [ShapeMember],
    /// Other keys are allowed: ignored in options (an Order-info `product` object has many
    /// more), kept in bodies and events. A closed options object refuses unknown keys.
    pub open: bool,
}

impl Shape {
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // used by the wasm binding
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.members.iter().map(|m| m.key)
    }
}

const fn optional(key: &'static str, ts_type: &'static str, doc: &'static str) -> ShapeMember {
    ShapeMember {
        key,
        ts_type,
        required: false,
        doc,
    }
}

pub const MODE: ShapeMember = optional(
    "mode",
    "Mode",
    "Default \"create\". On update, an omitted setting keeps its current value.",
);
pub const STRICT: ShapeMember = optional(
    "strict",
    "boolean",
    "Flags spelled other than \"1\"/\"0\" become errors. Default false.",
);
pub const MAX_DIAGNOSTICS: ShapeMember = optional(
    "maxDiagnostics",
    "number",
    "Default 100; `truncated` says when the list was cut.",
);
pub const MAX_INPUT_BYTES: ShapeMember =
    optional("maxInputBytes", "number", "Default 1 MiB of UTF-8.");
pub const NOW: ShapeMember = optional(
    "now",
    "string | number",
    "ISO 8601 or epoch milliseconds, for the validity checks. Default: the clock.",
);
pub const SETTINGS: ShapeMember = optional(
    "settings",
    "string | WebhookRequestBody | Record<string, unknown>",
    "A webhook request body: the result then explains why the chain is or is not there.",
);
pub const PRODUCT: ShapeMember = optional(
    "product",
    "string | ProductInfo",
    "The product ordered, as a `name_id` or `type`, or an Order-info `product` object.",
);
pub const INSTANT: ShapeMember = optional(
    "instant",
    "boolean",
    "Whether the certificate was issued the instant the order was created.",
);

/// `validateRequest(input, options)`.
pub const VALIDATE: Shape = Shape {
    name: "ValidateOptions",
    doc: "",
    members: &[
        ShapeMember {
            doc: "Default \"create\". On update, an omitted setting keeps its current value, and `secret: \"\"` removes the secret.",
            ..MODE
        },
        STRICT,
        MAX_DIAGNOSTICS,
        MAX_INPUT_BYTES,
    ],
    open: false,
};

/// `explainDelivery(input, options)`.
pub const EXPLAIN: Shape = Shape {
    name: "ExplainOptions",
    doc: "",
    members: &[MODE, MAX_INPUT_BYTES],
    open: false,
};

/// `explainCase(input, scenario)`.
pub const SCENARIO: Shape = Shape {
    name: "Scenario",
    doc: "One product and kind of issuance.",
    members: &[
        ShapeMember {
            required: true,
            ..PRODUCT
        },
        ShapeMember {
            required: true,
            ..INSTANT
        },
        MODE,
    ],
    open: false,
};

/// `parseEvent(input, options)` and `parseEvents(ndjson, options)`.
pub const PARSE: Shape = Shape {
    name: "ParseOptions",
    doc: "",
    members: &[
        NOW,
        SETTINGS,
        PRODUCT,
        INSTANT,
        ShapeMember {
            doc: "The mode of `settings`.",
            ..MODE
        },
        ShapeMember {
            doc: "Per event. Default 100.",
            ..MAX_DIAGNOSTICS
        },
        ShapeMember {
            doc: "Per event (per line for parseEvents). Default 1 MiB of UTF-8.",
            ..MAX_INPUT_BYTES
        },
    ],
    open: false,
};

/// An Order-info `product` object: the fields the classifier reads (docs/domain.md §6).
pub const PRODUCT_INFO: Shape = Shape {
    name: "ProductInfo",
    doc: "An Order-info `product` object; other fields are ignored.",
    members: &[NAME_ID, TYPE, GROUP_NAME, VALIDATION_TYPE],
    open: true,
};
pub const NAME_ID: ShapeMember = optional("name_id", "string", "");
pub const TYPE: ShapeMember = optional("type", "string", "");
pub const GROUP_NAME: ShapeMember = optional("group_name", "string", "");
pub const VALIDATION_TYPE: ShapeMember = optional("validation_type", "string", "");

/// Every options object, in the order the declarations list them.
pub const ALL: [Shape; 5] = [VALIDATE, EXPLAIN, SCENARIO, PARSE, PRODUCT_INFO];

const fn required(key: &'static str, ts_type: &'static str, doc: &'static str) -> ShapeMember {
    ShapeMember {
        key,
        ts_type,
        required: true,
        doc,
    }
}

/// A create (`POST /webhook`) or update (`PUT /webhook/{id}`) body, as a caller writes it
/// (docs/domain.md §2).
pub const REQUEST_BODY: Shape = Shape {
    name: "WebhookRequestBody",
    doc: "A create (POST /webhook) or update (PUT /webhook/{id}) body.",
    members: &[
        required(catalog::ENDPOINT, "string", catalog::ENDPOINT_DOC),
        optional(catalog::SECRET, "string", catalog::SECRET_DOC),
        optional(
            catalog::EVENTS_KEY,
            "SubscribableEventName[]",
            catalog::EVENTS_DOC,
        ),
        optional(catalog::SETTINGS, "WebhookSettings", ""),
    ],
    open: false,
};

/// What `validateRequest` returns as `normalized`: unknown keys are kept.
pub const NORMALIZED_BODY: Shape = Shape {
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
pub const RECEIVED_EVENT: Shape = Shape {
    name: "ReceivedEvent",
    doc: "A JSON object as received, before its fields were checked.",
    members: &[
        optional(catalog::EVENT_NAME_KEY, "unknown", ""),
        optional(catalog::DATA_KEY, "unknown", ""),
    ],
    open: true,
};

/// An event this version does not know.
pub const UNKNOWN_EVENT: Shape = Shape {
    name: "UnknownWebhookEvent",
    doc: "An event this version does not know, kept whole (diagnostic `unknown-event`).",
    members: &[
        required(catalog::EVENT_NAME_KEY, "string", ""),
        optional(catalog::DATA_KEY, "unknown", ""),
    ],
    open: true,
};

/// One entry of `certificate_chain` (docs/domain.md §4).
pub const CHAIN_ENTRY: Shape = Shape {
    name: "ChainEntry",
    doc: "A chain entry as sent: end-entity first, then intermediates, then the root.",
    members: &[
        optional(catalog::CHAIN_NAME_KEY, "string", ""),
        required(catalog::CHAIN_PEM_KEY, "string", ""),
    ],
    open: false,
};

/// The shapes the package reads, in the order the declarations list them.
pub const SHAPES: [Shape; 5] = [
    REQUEST_BODY,
    NORMALIZED_BODY,
    RECEIVED_EVENT,
    UNKNOWN_EVENT,
    CHAIN_ENTRY,
];
