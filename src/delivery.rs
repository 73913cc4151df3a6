//! Who gets `certificate_chain` (docs/domain.md §5): the one place the delivery rules live. The
//! explainer's outcomes, its recommendations and the validator's `no-effect` warnings are all
//! derived from the functions here, so they cannot disagree.

use std::borrow::Cow;

use crate::catalog::{self, EventKind, Flag, CERTIFICATE_ISSUED};
use crate::diagnostic::{in_words, pointer};
use crate::product::Family;
use crate::record::{named, record, union, Declared, Presence};
use crate::to_json::ToJson;

/// Whether a body creates a webhook (`POST /webhook`) or updates one (`PUT /webhook/{id}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `POST /webhook`: an omitted setting takes its default.
    Create,
    /// `PUT /webhook/{id}`: an omitted setting keeps its current value.
    Update,
}

impl Mode {
    /// Both modes.
    pub const ALL: [Mode; 2] = [Mode::Create, Mode::Update];

    /// How the options name it.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Create => "create",
            Mode::Update => "update",
        }
    }
}

named!(
    Mode => "Mode",
    Issuance => "Issuance",
    Source => "Source",
    Goal => "Goal",
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
/// When the certificate is issued: the instant the order is created, or later.
pub enum Issuance {
    /// Issued after validation, some time after the order.
    NotInstant,
    /// Issued the instant the order is created.
    Instant,
}

impl Issuance {
    /// Both, in the order of the delivery matrix.
    pub const BOTH: [Issuance; 2] = [Issuance::NotInstant, Issuance::Instant];

    /// `Instant` when `instant`.
    pub fn from_instant(instant: bool) -> Issuance {
        if instant {
            Issuance::Instant
        } else {
            Issuance::NotInstant
        }
    }

    /// The serialized id.
    pub fn as_str(self) -> &'static str {
        match self {
            Issuance::NotInstant => "not_instant",
            Issuance::Instant => "instant",
        }
    }

    /// How the explainer, the CLI and the playground name it.
    pub fn label(self) -> &'static str {
        match self {
            Issuance::NotInstant => "not issued instantly",
            Issuance::Instant => "issued instantly",
        }
    }
}

/// Where an effective setting's value came from: the ground an answer stands on. Only
/// [`Source::Stated`] is known; every other source is an assumption the answer names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Written in the body, with a valid value.
    Stated,
    /// Omitted on create: the API's default applies.
    Default,
    /// Omitted on update: the webhook keeps its current value, which the body cannot show;
    /// the create default is assumed.
    Unchanged,
    /// Not validly stated: written with an invalid value (an error), or inside a
    /// `webhook_settings` that is not an object. What can be read of it is assumed (the valid
    /// names of `events`, the valid days of the frequency), else the create default or, on
    /// update, the current value. Never "omitted".
    Invalid,
    /// The body is not a readable request body (not JSON, not an object): nothing is stated.
    Unreadable,
    /// Not stated, but proven by a received event (only inside an event's explanation).
    Observed,
}

impl Source {
    /// Every source.
    pub const ALL: [Source; 6] = [
        Source::Stated,
        Source::Default,
        Source::Unchanged,
        Source::Invalid,
        Source::Unreadable,
        Source::Observed,
    ];

    /// The sources an answer assumes a value from: every source but a stated or observed one.
    pub const ASSUMED: [Source; 4] = [
        Source::Default,
        Source::Unchanged,
        Source::Invalid,
        Source::Unreadable,
    ];

    /// The serialized name.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Stated => "stated",
            Source::Default => "default",
            Source::Unchanged => "unchanged",
            Source::Invalid => "invalid",
            Source::Unreadable => "unreadable",
            Source::Observed => "observed",
        }
    }

    /// Whether the value is written in the body, validly.
    pub fn is_stated(self) -> bool {
        self == Source::Stated
    }

    /// A flag's value is known when stated, or omitted on create (DigiCert states that the
    /// flags default to off, docs/domain.md §3).
    pub fn is_known_flag(self) -> bool {
        matches!(self, Source::Stated | Source::Default)
    }

    /// Why a value is not stated, as a clause: "it is not in this update".
    fn why_unstated(self) -> &'static str {
        match self {
            Source::Stated => "it is stated",
            Source::Default => "it is omitted",
            Source::Unchanged => "it is not in this update",
            Source::Invalid => "it is not validly stated in the body",
            Source::Unreadable => "the body could not be read",
            Source::Observed => "it is known only from this event",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
    /// JSON Pointer of the setting in the input, whether or not it is written there. Borrowed
    /// from the default paths, made once, for a body at the top of the text (the common case).
    pub path: Cow<'static, str>,
}

/// The settings that decide delivery, after defaults, each with where its value came from
/// (reported to users as [`crate::explain::EffectiveSettings`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SourcedSettings {
    /// The catalogue's names: only names it knows are subscribed.
    pub events: Setting<Vec<&'static str>>,
    /// One per flag, in the order of [`Flag::ALL`]: read them with [`SourcedSettings::flag`].
    pub flags: [Setting<bool>; Flag::ALL.len()],
    pub notification_frequency: Setting<Option<Vec<i64>>>,
}

/// The settings' JSON Pointers in a body at the top of the text, made once: a validation had
/// built all six on every call (23 % of checking a one-member body natively).
struct DefaultPaths {
    events: String,
    flags: [String; Flag::ALL.len()],
    frequency: String,
}

thread_local! {
    /// Made on first use and kept for good (leaked once), so that settings can borrow them
    /// for `'static`; made outside the wasm's arena, where a block that lives for good would
    /// keep every later call from reusing what the first one took before it. A thread-local
    /// rather than a `LazyLock`: the lock's code cost the wasm 0.6 KB gzipped.
    static DEFAULT_PATHS: &'static DefaultPaths = crate::long_lived(|| Box::leak(Box::new({
        let settings = pointer("", catalog::SETTINGS);
        DefaultPaths {
            events: pointer("", catalog::EVENTS_KEY),
            flags: Flag::ALL.map(|flag| pointer(&settings, flag.key())),
            frequency: pointer(&settings, catalog::FREQUENCY),
        }
    })));
}

impl SourcedSettings {
    /// docs/domain.md §2–§3 defaults: every flag off; on create an omitted `events` subscribes to
    /// `certificate_issued` only (third-party docs [S]); on update omitted means unchanged.
    pub fn defaults(mode: Mode, base: &str) -> SourcedSettings {
        let source = match mode {
            Mode::Create => Source::Default,
            Mode::Update => Source::Unchanged,
        };
        let paths = DEFAULT_PATHS.with(|paths| *paths);
        // A pointer under a pointer is the two written one after the other.
        let under = |path: &'static str| -> Cow<'static, str> {
            if base.is_empty() {
                Cow::Borrowed(path)
            } else {
                Cow::Owned(format!("{base}{path}"))
            }
        };
        SourcedSettings {
            events: Setting {
                value: vec![CERTIFICATE_ISSUED],
                source,
                path: under(&paths.events),
            },
            flags: Flag::ALL.map(|flag| Setting {
                value: false,
                source,
                path: under(&paths.flags[flag.index()]),
            }),
            notification_frequency: Setting {
                value: None,
                source,
                path: under(&paths.frequency),
            },
        }
    }

    /// The subscribed names as the reports hold them.
    pub fn event_names(&self) -> Vec<String> {
        self.events.value.iter().map(|e| e.to_string()).collect()
    }

    pub fn flag(&self, flag: Flag) -> &Setting<bool> {
        &self.flags[flag.index()]
    }

    pub fn flag_mut(&mut self, flag: Flag) -> &mut Setting<bool> {
        &mut self.flags[flag.index()]
    }

    /// These settings with the values a received event proved, marked as observed.
    fn with_observed(&self, proven: &[(Input, bool)]) -> SourcedSettings {
        let mut observed = self.clone();
        for (input, value) in proven {
            match input {
                Input::Subscription => {
                    if *value && !observed.certificate_issued_subscribed() {
                        observed.events.value.push(CERTIFICATE_ISSUED);
                    }
                    observed.events.source = Source::Observed;
                }
                Input::Flag(flag) => {
                    let setting = observed.flag_mut(*flag);
                    setting.value = *value;
                    setting.source = Source::Observed;
                }
            }
        }
        observed
    }

    /// Marks the flags and the frequency as resting on `source` (an invalid `webhook_settings`).
    pub fn mark_settings(&mut self, source: Source) {
        for flag in Flag::ALL {
            self.flag_mut(flag).source = source;
        }
        self.notification_frequency.source = source;
    }

    /// Marks every setting as resting on `source` (a body that could not be read).
    pub fn mark_all(&mut self, source: Source) {
        self.events.source = source;
        self.mark_settings(source);
    }

    pub fn subscribed(&self, event: &str) -> bool {
        self.events.value.contains(&event)
    }

    pub fn certificate_issued_subscribed(&self) -> bool {
        self.subscribed(CERTIFICATE_ISSUED)
    }
}

record! {
    /// Whether `certificate_issued` is sent, with or without the chain, for one product family
    /// and issuance, and why.
    #[derive(Debug, Clone, PartialEq)]
    pub struct Outcome as "CaseOutcome" {
        /// The product family; `unknown` only from `explainCase`.
        pub family: Family => "family": format!("{} | \"unknown\"", Family::ts_type()),
        /// Instant or later issuance.
        pub issuance: Issuance => "issuance",
        /// Is certificate_issued sent at all.
        pub event_sent: bool => "eventSent",
        /// Does the event carry `certificate_chain`.
        pub includes_chain: bool => "includesChain",
        /// True only when every input in `decidedBy` is stated in the body with a valid value
        /// (an input the rules make irrelevant, such as the chain flag for code signing, is not
        /// listed) and the product is known or cannot matter. Otherwise `eventSent` and
        /// `includesChain` rest on the assumptions listed in `assumed` and named in `reason`.
        pub certain: bool => "certain",
        /// The matrix cell in a few words; "(assumed)" when an input is assumed, "event, chain
        /// unknown" when the product is, "cannot tell" when the body could not be read at all.
        pub summary: &'static str => "summary": union(Outcome::SUMMARIES),
        /// One sentence a person can act on; names the deciding settings by their API keys and
        /// every assumption in words (omitted, kept by an update, invalid, unreadable).
        pub reason: String => "reason",
        /// JSON Pointers of every input the answer depends on, `/events` first.
        pub decided_by: Vec<String> => "decidedBy",
        /// The pointers of `decidedBy` whose value is not stated in the body, so assumed.
        pub assumed: Vec<String> => "assumed",
    }
}

impl Outcome {
    /// Every `summary` an outcome can have.
    pub const SUMMARIES: [&'static str; 8] = [
        "cannot tell",
        "no event",
        "no event (assumed)",
        "event, chain unknown",
        "event with chain",
        "event without chain",
        "event with chain (assumed)",
        "event without chain (assumed)",
    ];

    /// The summary of an answer: whether the body could be read at all, whether the event is
    /// sent, whether the product is unknown (and could matter), whether the answer is certain,
    /// whether the chain is included.
    fn summary(
        readable: bool,
        event_sent: bool,
        product_unknown: bool,
        certain: bool,
        chain: bool,
    ) -> &'static str {
        let [cannot_tell, no_event, no_event_assumed, chain_unknown, with_chain, without_chain, with_chain_assumed, without_chain_assumed] =
            Outcome::SUMMARIES;
        if !readable {
            return cannot_tell;
        }
        match (event_sent, product_unknown, certain, chain) {
            (false, _, true, _) => no_event,
            (false, _, false, _) => no_event_assumed,
            (true, true, _, _) => chain_unknown,
            (true, false, true, true) => with_chain,
            (true, false, true, false) => without_chain,
            (true, false, false, true) => with_chain_assumed,
            (true, false, false, false) => without_chain_assumed,
        }
    }
}

/// What the rules decide for one case, before it is said how certain that is.
struct Decision {
    event_sent: bool,
    includes_chain: bool,
    reason: String,
}

/// An input of the delivery rules: the subscription or one flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Whether `certificate_issued` is in `events`.
    Subscription,
    Flag(Flag),
}

impl SourcedSettings {
    /// The value the rules read for `input`, where it came from, and its JSON Pointer.
    pub fn input(&self, input: Input) -> (bool, Source, &str) {
        match input {
            Input::Subscription => (
                self.certificate_issued_subscribed(),
                self.events.source,
                &self.events.path,
            ),
            Input::Flag(flag) => {
                let setting = self.flag(flag);
                (setting.value, setting.source, &setting.path)
            }
        }
    }
}

impl Input {
    /// "`webhook_send_certificate_chain` is on", "`events` does not include certificate_issued".
    fn words(self, on: bool) -> String {
        match (self, on) {
            (Input::Subscription, true) => format!("`events` includes {CERTIFICATE_ISSUED}"),
            (Input::Subscription, false) => {
                format!("`events` does not include {CERTIFICATE_ISSUED}")
            }
            (Input::Flag(flag), on) => format!("{} is {}", key(flag), on_off(on)),
        }
    }
}

fn on_off(on: bool) -> &'static str {
    if on {
        "on"
    } else {
        "off"
    }
}

/// How a flag's value is worded in every reason, naming the assumption when it is not stated:
/// `"is on"`, `"is off (the default when omitted)"`, `"has an invalid value in the body (assumed off)"`.
pub fn state(setting: &Setting<bool>) -> String {
    let value = on_off(setting.value);
    match setting.source {
        Source::Stated => format!("is {value}"),
        Source::Default => format!("is {value} (the default when omitted)"),
        Source::Unchanged => {
            format!("is not in this update, so it keeps its current value (assumed {value})")
        }
        Source::Invalid => format!("is not validly stated in the body (assumed {value})"),
        Source::Unreadable => {
            format!("is unknown because the body could not be read (assumed {value})")
        }
        Source::Observed => format!("is {value}, as this event shows"),
    }
}

/// The sentence that names the assumption about `events`, when it is not stated.
pub fn subscription_assumption(settings: &SourcedSettings) -> Option<String> {
    let events = &settings.events;
    let includes = if settings.certificate_issued_subscribed() {
        "includes"
    } else {
        "does not include"
    };
    match events.source {
        Source::Stated => None,
        Source::Default => Some(format!(
            "This assumes that an omitted `events` subscribes to {CERTIFICATE_ISSUED} on create, as third-party documentation says; DigiCert does not state it."
        )),
        Source::Unchanged => Some(format!(
            "This assumes that the webhook's current `events`, which this update leaves unchanged, include {CERTIFICATE_ISSUED}."
        )),
        Source::Invalid => Some(format!(
            "`events` is not validly stated in the body; this assumes it {includes} {CERTIFICATE_ISSUED}."
        )),
        Source::Unreadable => Some(format!(
            "The body could not be read; this assumes that `events` {includes} {CERTIFICATE_ISSUED}."
        )),
        Source::Observed => None,
    }
}

/// Where a listener learns the product family (docs/domain.md §4, §6).
const CHECK_PRODUCT_TYPE: &str =
    "check `product.type` in the order info (ssl_certificate means TLS)";

fn key(flag: Flag) -> String {
    format!("`{}`", flag.key())
}

/// The flag that decides the chain for one kind of issuance (docs/domain.md §5 rules 2 and 3).
pub fn chain_flag(issuance: Issuance) -> Flag {
    match issuance {
        Issuance::NotInstant => Flag::SendCertificateChain,
        Issuance::Instant => Flag::SendInstantIssuedCertificateChain,
    }
}

/// The rules of docs/domain.md §5, one case at a time.
pub fn outcome(settings: &SourcedSettings, family: Family, issuance: Issuance) -> Outcome {
    let (decision, inputs) = decide(settings, family, issuance);
    let mut decided_by = Vec::new();
    let mut assumed = Vec::new();
    for input in inputs {
        let (_, source, path) = settings.input(input);
        decided_by.push(path.to_string());
        if !source.is_stated() {
            assumed.push(path.to_string());
        }
    }
    // An unknown product matters only while the chain could be sent.
    let product_unknown = family == Family::Unknown
        && decision.event_sent
        && settings.flag(chain_flag(issuance)).value;
    let certain = assumed.is_empty() && !product_unknown;
    // A body that is not a request body states nothing: an answer from defaults alone would
    // be a guess, so it is not given as one.
    let readable = settings.events.source != Source::Unreadable;
    let reason = match subscription_assumption(settings) {
        _ if !readable => {
            "Cannot tell: the body could not be read as a request body, so no setting is known."
                .to_string()
        }
        Some(sentence) => format!("{} {sentence}", decision.reason),
        None => decision.reason,
    };
    Outcome {
        family,
        issuance,
        event_sent: decision.event_sent,
        includes_chain: decision.includes_chain,
        certain,
        summary: Outcome::summary(
            readable,
            decision.event_sent,
            product_unknown,
            certain,
            decision.includes_chain,
        ),
        reason,
        decided_by,
        assumed,
    }
}

/// The answer for one case and the inputs it depends on, in the order they were read.
fn decide(
    settings: &SourcedSettings,
    family: Family,
    issuance: Issuance,
) -> (Decision, Vec<Input>) {
    let mut result = Decision {
        event_sent: false,
        includes_chain: false,
        reason: String::new(),
    };
    let mut inputs = vec![Input::Subscription];
    // Rule 4: nothing matters unless certificate_issued is subscribed.
    if !settings.certificate_issued_subscribed() {
        result.reason = format!(
            "No certificate_issued event is sent: `{CERTIFICATE_ISSUED}` is not in `events`; add it to be notified."
        );
        return (result, inputs);
    }
    let chain_flag = chain_flag(issuance);
    let chain_setting = settings.flag(chain_flag);
    let when = match issuance {
        Issuance::NotInstant => String::new(),
        Issuance::Instant => {
            let notify = settings.flag(Flag::InstantIssueNotification);
            inputs.push(Input::Flag(Flag::InstantIssueNotification));
            // Rule 3: instant issuance is announced only with the instant notification on.
            if !notify.value {
                result.reason = format!(
                    "No certificate_issued event is sent for certificates issued instantly: {} {}; set it to \"1\" to be notified.",
                    key(Flag::InstantIssueNotification),
                    state(notify)
                );
                return (result, inputs);
            }
            format!(
                " for instantly issued certificates ({} {})",
                key(Flag::InstantIssueNotification),
                state(notify)
            )
        }
    };
    result.event_sent = true;
    if family == Family::Unknown {
        inputs.push(Input::Flag(chain_flag));
        result.reason = if chain_setting.value {
            format!(
                "certificate_issued is sent{when}; it carries certificate_chain only if the product is a TLS certificate ({} {}), and this product is not one this version knows: {CHECK_PRODUCT_TYPE}.",
                key(chain_flag),
                state(chain_setting)
            )
        } else {
            format!(
                "certificate_issued is sent{when} without certificate_chain whatever the product, because {} {}.",
                key(chain_flag),
                state(chain_setting)
            )
        };
        return (result, inputs);
    }
    // Rule 1: only TLS certificates ever carry the chain; the chain flag cannot matter.
    if !family.is_tls() {
        result.reason = format!(
            "certificate_issued is sent{when} without certificate_chain: {} certificates never carry the chain, whatever {} says; only TLS certificates do.",
            family.label(),
            key(chain_flag)
        );
        return (result, inputs);
    }
    // Rules 2 and 3: the chain setting for this kind of issuance decides.
    inputs.push(Input::Flag(chain_flag));
    result.includes_chain = chain_setting.value;
    result.reason = if chain_setting.value {
        format!(
            "certificate_issued is sent{when} with certificate_chain, because {} {}.",
            key(chain_flag),
            state(chain_setting)
        )
    } else {
        let note = match issuance {
            Issuance::NotInstant => String::new(),
            Issuance::Instant => format!(
                " ({} covers only certificates not issued instantly)",
                key(Flag::SendCertificateChain)
            ),
        };
        format!(
            "certificate_issued is sent{when} without certificate_chain, because {} {}{note}; set it to \"1\" to receive the chain.",
            key(chain_flag),
            state(chain_setting)
        )
    };
    (result, inputs)
}

/// Every outcome of the matrix, families in contract order, not instant before instant.
pub fn matrix(settings: &SourcedSettings) -> Vec<Outcome> {
    Family::KNOWN
        .into_iter()
        .flat_map(|family| Issuance::BOTH.map(|issuance| outcome(settings, family, issuance)))
        .collect()
}

/// A setting that cannot change anything given the rest (docs/domain.md §5.4, §5.6, §3).
#[derive(Debug, Clone, PartialEq)]
pub struct NoEffect {
    pub target: Target,
    pub message: String,
    pub hint: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Flag(Flag),
    Frequency,
}

/// Findings are raised only when every setting involved is known: stated in the body, or a
/// flag defaulted on create (DigiCert states those defaults). A value kept unchanged by an
/// update, an invalid one, or the third-party default of `events` is never the premise of a
/// warning.
pub fn no_effect(settings: &SourcedSettings) -> Vec<NoEffect> {
    let known = Source::is_known_flag;
    let mut found = Vec::new();
    // The create default of `events` is a third-party claim (docs/domain.md §2): not a premise.
    let subscription_known = settings.events.source.is_stated();
    if subscription_known && !settings.certificate_issued_subscribed() {
        for flag in Flag::ALL {
            let setting = settings.flag(flag);
            if setting.source == Source::Stated && setting.value {
                found.push(NoEffect {
                    target: Target::Flag(flag),
                    message: format!(
                        "{} is on but `{CERTIFICATE_ISSUED}` is not in `events`, so it cannot change anything",
                        key(flag)
                    ),
                    hint: format!("add \"{CERTIFICATE_ISSUED}\" to `events`, or remove this setting"),
                });
            }
        }
    } else {
        let instant_chain = settings.flag(Flag::SendInstantIssuedCertificateChain);
        let notify = settings.flag(Flag::InstantIssueNotification);
        if instant_chain.source == Source::Stated
            && instant_chain.value
            && known(notify.source)
            && !notify.value
        {
            found.push(NoEffect {
                target: Target::Flag(Flag::SendInstantIssuedCertificateChain),
                message: format!(
                    "{} is on but {} {}, so no event is sent for instant issuance at all",
                    key(Flag::SendInstantIssuedCertificateChain),
                    key(Flag::InstantIssueNotification),
                    state(notify)
                ),
                hint: format!(
                    "set {} to \"1\" as well",
                    key(Flag::InstantIssueNotification)
                ),
            });
        }
    }
    let frequency = &settings.notification_frequency;
    if frequency.source == Source::Stated
        && frequency.value.is_some()
        && subscription_known
        && !catalog::FREQUENCY_EVENTS
            .iter()
            .any(|e| settings.subscribed(e))
    {
        found.push(NoEffect {
            target: Target::Frequency,
            message: format!(
                "`{}` is set but none of {} is in `events`, so it cannot change anything",
                catalog::FREQUENCY,
                catalog::FREQUENCY_EVENTS.join(", ")
            ),
            hint: "subscribe to the expiry and revalidation events it times, or remove it".into(),
        });
    }
    found
}

// The approval lifecycle: docs/domain.md §5.5.
record! {
    /// The approval lifecycle events subscribed, and what that means.
    #[derive(Debug, Clone, PartialEq)]
    pub struct Approval as "Approval" {
        /// The approval events in `events`.
        pub subscribed: Vec<String> => "subscribed",
        /// What that means for an order that needs approval.
        pub note: String => "note",
    }
}

pub fn approval(settings: &SourcedSettings) -> Approval {
    let mut subscribed = settings.event_names();
    subscribed.retain(|e| catalog::event_kind(e) == Some(EventKind::Approval));
    let issued = if settings.certificate_issued_subscribed() {
        format!("{CERTIFICATE_ISSUED} comes only once the certificate is issued")
    } else {
        format!(
            "{CERTIFICATE_ISSUED} is not in `events`, so no event announces the issuance itself"
        )
    };
    let mut note = if !settings.events.source.is_stated() {
        // The approval events are known only from a stated subscription.
        format!(
            "Whether approval lifecycle events are subscribed cannot be told (`events`: {}). To hear when approval emails go out, \"{}\" must be in `events`.",
            settings.events.source.why_unstated(),
            catalog::APPROVAL_EMAIL_SENT
        )
    } else if subscribed.is_empty() {
        format!("No approval lifecycle event is subscribed: for an order that needs approval nothing is sent while it waits, and {issued}. Add \"{}\" to `events` to hear when approval emails go out.", catalog::APPROVAL_EMAIL_SENT)
    } else {
        format!(
            "Subscribed: {}. For an order that needs approval these arrive before issuance; {issued}.",
            subscribed.join(", ")
        )
    };
    note.push_str(" DigiCert does not document an event for a completed approval, so it cannot be subscribed or checked here.");
    Approval { subscribed, note }
}

/// A common goal, and the smallest change to the body that reaches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goal {
    /// `certificate_chain` in every TLS `certificate_issued` event, instant or not.
    ChainInEveryTlsEvent,
    /// `certificate_issued` also for certificates issued the instant the order is created.
    EventsForInstantIssuance,
    /// No `certificate_chain` in any event.
    NoChain,
}

impl Goal {
    /// Every goal, in the order recommendations list them.
    pub const ALL: [Goal; 3] = [
        Goal::ChainInEveryTlsEvent,
        Goal::EventsForInstantIssuance,
        Goal::NoChain,
    ];

    /// The serialized id.
    pub fn as_str(self) -> &'static str {
        match self {
            Goal::ChainInEveryTlsEvent => "chain-in-every-tls-event",
            Goal::EventsForInstantIssuance => "events-for-instant-issuance",
            Goal::NoChain => "no-chain",
        }
    }

    /// The goal in a sentence.
    pub fn description(self) -> &'static str {
        match self {
            Goal::ChainInEveryTlsEvent => "Receive certificate_chain in every TLS certificate_issued event, instantly issued or not",
            Goal::EventsForInstantIssuance => "Receive certificate_issued for certificates issued instantly too",
            Goal::NoChain => "Receive no certificate_chain at all",
        }
    }

    /// Judged on the outcomes themselves, so a patch is checked by the same rules it targets.
    pub fn reached(self, outcomes: &[Outcome]) -> bool {
        match self {
            Goal::ChainInEveryTlsEvent => outcomes
                .iter()
                .filter(|o| o.family.is_tls())
                .all(|o| o.event_sent && o.includes_chain),
            Goal::EventsForInstantIssuance => outcomes
                .iter()
                .filter(|o| o.issuance == Issuance::Instant)
                .all(|o| o.event_sent),
            Goal::NoChain => outcomes.iter().all(|o| !o.includes_chain),
        }
    }

    /// The subscription and flag values that reach the goal (docs/domain.md §5).
    pub fn wanted(self) -> (bool, &'static [(Flag, bool)]) {
        match self {
            Goal::ChainInEveryTlsEvent => (
                true,
                &[
                    (Flag::InstantIssueNotification, true),
                    (Flag::SendCertificateChain, true),
                    (Flag::SendInstantIssuedCertificateChain, true),
                ],
            ),
            Goal::EventsForInstantIssuance => (true, &[(Flag::InstantIssueNotification, true)]),
            Goal::NoChain => (
                false,
                &[
                    (Flag::SendCertificateChain, false),
                    (Flag::SendInstantIssuedCertificateChain, false),
                ],
            ),
        }
    }
}

record! {
    /// A common goal, and the smallest change to the body that reaches it.
    #[derive(Debug, Clone, PartialEq)]
    pub struct Recommendation as "Recommendation" {
        /// Which goal.
        pub goal: Goal => "goal",
        /// The goal in a sentence.
        pub description: String => "description",
        /// The change to the body.
        pub patch: Patch => "patch",
    }
}

record! {
    /// An RFC 7396 JSON Merge Patch for the request body: `events` replaces the whole list
    /// (merge patches replace arrays), `webhook_settings` sets only the flags named.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct Patch as "Patch" {
        /// The whole new `events` list, when it changes.
        pub events: Option<Vec<String>> => "events" (optional),
        /// The flags to set, when any.
        pub webhook_settings: FlagPatch => "webhook_settings" (optional),
    }
}

/// Flags to set, as `{"key": "1"}`, in the order of [`Flag::ALL`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FlagPatch(pub Vec<(Flag, bool)>);

impl FlagPatch {
    /// No flag to set.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Presence for FlagPatch {
    fn is_present(&self) -> bool {
        !self.is_empty()
    }
}

impl ToJson for FlagPatch {
    fn write_json(&self, out: &mut String) {
        out.push('{');
        for (i, (flag, on)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            crate::to_json::write_key(out, flag.key());
            catalog::flag_text(*on).write_json(out);
        }
        out.push('}');
    }
}

impl serde::Serialize for FlagPatch {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (flag, on) in &self.0 {
            map.serialize_entry(flag.key(), catalog::flag_text(*on))?;
        }
        map.end()
    }
}

impl Declared for FlagPatch {
    fn ts_type() -> String {
        "{ [K in FlagKey]?: \"1\" | \"0\" }".into()
    }
}

/// For each goal the current settings miss, or reach only by an assumed flag value, the merge
/// patch that reaches it: the flags that must change or are not stated, each set explicitly.
pub fn recommendations(settings: &SourcedSettings) -> Vec<Recommendation> {
    let outcomes = matrix(settings);
    Goal::ALL
        .into_iter()
        .filter(|goal| {
            !goal.reached(&outcomes)
                || goal
                    .wanted()
                    .1
                    .iter()
                    .any(|(flag, _)| !settings.flag(*flag).source.is_known_flag())
        })
        .map(|goal| {
            let (subscribe, wanted) = goal.wanted();
            let mut patch = Patch::default();
            if subscribe && !settings.certificate_issued_subscribed() {
                let mut events = settings.event_names();
                events.push(CERTIFICATE_ISSUED.to_string());
                patch.events = Some(events);
            }
            // A flag whose value is not known is set explicitly.
            for (flag, on) in wanted {
                let setting = settings.flag(*flag);
                if setting.value != *on || !setting.source.is_known_flag() {
                    patch.webhook_settings.0.push((*flag, *on));
                }
            }
            Recommendation {
                goal,
                description: goal.description().to_string(),
                patch,
            }
        })
        .collect()
}

/// An input and the value a case needs it to have.
type Need = (Input, bool);

/// How one case (family × issuance) relates to a received `certificate_issued`.
#[derive(Debug, Clone, PartialEq)]
enum Fit {
    /// No setting at all produces what was observed (a chain on a product that never carries
    /// one, docs/domain.md §5 rule 1); with the stated values that would not even send it.
    NoSetting(Vec<(Input, bool)>),
    /// Stated values would have to differ: `(input, the value it would need)`.
    ContradictsStated(Vec<(Input, bool)>),
    /// The case fits; the unstated inputs whose value the event proves.
    Fits(Vec<(Input, bool)>),
}

/// What every input would need to be for the case to send `certificate_issued` with (or
/// without) the chain, and whether any setting could give it the chain at all.
fn needs(family: Family, issuance: Issuance, has_chain: bool) -> (Vec<(Input, bool)>, bool) {
    let mut needs = vec![(Input::Subscription, true)];
    if issuance == Issuance::Instant {
        needs.push((Input::Flag(Flag::InstantIssueNotification), true));
    }
    let chain = Input::Flag(chain_flag(issuance));
    if has_chain && !family.is_tls() {
        return (needs, false);
    }
    if family.is_tls() {
        needs.push((chain, has_chain));
    }
    (needs, true)
}

fn fit(settings: &SourcedSettings, family: Family, issuance: Issuance, has_chain: bool) -> Fit {
    let (needs, possible) = needs(family, issuance, has_chain);
    let stated_otherwise = |(input, needed): &(Input, bool)| {
        let (value, source, _) = settings.input(*input);
        source.is_stated() && value != *needed
    };
    if !possible {
        return Fit::NoSetting(needs.into_iter().filter(stated_otherwise).collect());
    }
    let mut contradicted = Vec::new();
    let mut proven = Vec::new();
    for (input, needed) in needs {
        let (value, source, _) = settings.input(input);
        if source.is_stated() {
            if value != needed {
                contradicted.push((input, needed));
            }
        } else {
            proven.push((input, needed));
        }
    }
    if contradicted.is_empty() {
        Fit::Fits(proven)
    } else {
        Fit::ContradictsStated(contradicted)
    }
}

fn case_label(family: Family, issuance: Issuance) -> String {
    format!("{} {}", family.label(), issuance.label())
}

fn facts(inputs: &[(Input, bool)]) -> String {
    let words: Vec<String> = inputs.iter().map(|(i, on)| i.words(*on)).collect();
    in_words(&words, "and")
}

/// Why the settings do not state the inputs an event proved: "`events` is omitted".
fn unstated(settings: &SourcedSettings, inputs: &[(Input, bool)]) -> String {
    let words: Vec<String> = inputs
        .iter()
        .map(|(input, _)| {
            let (_, source, _) = settings.input(*input);
            let name = match input {
                Input::Subscription => format!("`{}`", catalog::EVENTS_KEY),
                Input::Flag(flag) => key(*flag),
            };
            format!("{name}: {}", source.why_unstated())
        })
        .collect();
    words.join("; ")
}

/// What a received `certificate_issued` shows about the settings in effect, judged by the
/// delivery rules (docs/domain.md §5). Evidence beats assumptions: an unstated value the event proves
/// is reported as what the event shows; only a contradicted *stated* value means the settings
/// in effect differ; what no setting could produce means the product or issuance was
/// misidentified. `family` and `instant` narrow the cases when the caller knows them.
pub fn explain_certificate_issued(
    settings: &SourcedSettings,
    has_chain: bool,
    family: Option<Family>,
    instant: Option<bool>,
) -> String {
    let with = if has_chain { "with" } else { "without" };
    let head = format!("This {CERTIFICATE_ISSUED} arrived {with} certificate_chain");
    let families: Vec<Family> = match family {
        Some(family) if family != Family::Unknown => vec![family],
        _ => Family::KNOWN.to_vec(),
    };
    let issuances: Vec<Issuance> = match instant {
        Some(instant) => vec![Issuance::from_instant(instant)],
        None => Issuance::BOTH.to_vec(),
    };
    let cases: Vec<(Family, Issuance, Fit)> = families
        .iter()
        .flat_map(|f| issuances.iter().map(move |i| (*f, *i)))
        .map(|(f, i)| (f, i, fit(settings, f, i, has_chain)))
        .collect();
    let fitting: Vec<&(Family, Issuance, Fit)> = cases
        .iter()
        .filter(|(_, _, fit)| matches!(fit, Fit::Fits(_)))
        .collect();
    if let [(family, issuance, Fit::Fits(proven))] = fitting.as_slice() {
        if cases.len() == 1 {
            let outcome = outcome(settings, *family, *issuance);
            return if proven.is_empty() {
                format!("{head}, as these settings say: {}", outcome.reason)
            } else {
                // Evidence beats assumptions: the rule's reason, with what the event proved.
                let observed = settings.with_observed(proven);
                format!(
                    "{head}, which shows that, in the settings in effect, {}; these settings do not state it ({}). {}",
                    facts(proven),
                    unstated(settings, proven),
                    crate::delivery::outcome(&observed, *family, *issuance).reason
                )
            };
        }
    }
    if !fitting.is_empty() {
        // What every fitting case needs is proven whichever case this is.
        let proven_in = |fit: &Fit| match fit {
            Fit::Fits(proven) => proven.clone(),
            _ => Vec::new(),
        };
        let first = fitting
            .first()
            .map(|(_, _, fit)| proven_in(fit))
            .unwrap_or_default();
        let shared: Vec<(Input, bool)> = first
            .into_iter()
            .filter(|need| {
                fitting
                    .iter()
                    .all(|(_, _, fit)| proven_in(fit).contains(need))
            })
            .collect();
        // Cases that fit on the same further condition are named together.
        let mut groups: Vec<(Issuance, Vec<Need>, Vec<Family>)> = Vec::new();
        let mut reasons: Vec<String> = Vec::new();
        for (family, issuance, fit) in &fitting {
            let extra: Vec<(Input, bool)> = proven_in(fit)
                .into_iter()
                .filter(|need| !shared.contains(need))
                .collect();
            match groups
                .iter_mut()
                .find(|(i, e, _)| i == issuance && *e == extra)
            {
                Some((_, _, families)) => families.push(*family),
                None => groups.push((*issuance, extra, vec![*family])),
            }
            if proven_in(fit).is_empty() && family.is_tls() {
                let reason = outcome(settings, *family, *issuance).reason;
                if !reasons.contains(&reason) {
                    reasons.push(reason);
                }
            }
        }
        let list: Vec<String> = groups
            .iter()
            .map(|(issuance, extra, families)| {
                let labels: Vec<&str> = families.iter().map(|f| f.label()).collect();
                let condition = if extra.is_empty() {
                    String::new()
                } else {
                    format!(" if {}", facts(extra))
                };
                format!(
                    "{} {}{condition}",
                    in_words(&labels, "and"),
                    issuance.label()
                )
            })
            .collect();
        let mut text = format!("{head}.");
        if !shared.is_empty() {
            text.push_str(&format!(
                " It shows that, in the settings in effect, {}; these settings do not state it ({}).",
                facts(&shared),
                unstated(settings, &shared)
            ));
        }
        text.push_str(&format!(
            " Under these settings it fits: {}.",
            list.join("; ")
        ));
        for reason in reasons {
            text.push(' ');
            text.push_str(&reason);
        }
        return text;
    }
    let mut contradicted: Vec<(Input, bool)> = Vec::new();
    for (_, _, fit) in &cases {
        if let Fit::ContradictsStated(needs) = fit {
            for need in needs {
                if !contradicted.contains(need) {
                    contradicted.push(*need);
                }
            }
        }
    }
    let others: Vec<String> = Family::KNOWN
        .into_iter()
        .flat_map(|f| Issuance::BOTH.map(|i| (f, i)))
        .filter(|(f, i)| matches!(fit(settings, *f, *i, has_chain), Fit::Fits(_)))
        .map(|(f, i)| case_label(f, i))
        .collect();
    let fits_others = if others.is_empty() {
        String::new()
    } else {
        format!(
            " Under these settings the event fits {}.",
            others.join(", ")
        )
    };
    if contradicted.is_empty() {
        // Every case is ruled out by rule 1, whatever the settings; stated values may also
        // say the event would not have been sent at all.
        let labels: Vec<&str> = families.iter().map(|f| f.label()).collect();
        let mut stated_otherwise: Vec<String> = Vec::new();
        for (_, _, fit) in &cases {
            if let Fit::NoSetting(needs) = fit {
                for (input, needed) in needs {
                    let words = input.words(!needed);
                    if !stated_otherwise.contains(&words) {
                        stated_otherwise.push(words);
                    }
                }
            }
        }
        let differ = if stated_otherwise.is_empty() {
            String::new()
        } else {
            format!(
                " Besides, these settings state that {}, so they would not send it at all: the settings in effect differ from these too.",
                in_words(&stated_otherwise, "and")
            )
        };
        return format!(
            "{head}, but {} certificates never carry certificate_chain, whatever the settings say; only TLS certificates do. No setting could produce this, so the product was misidentified: {CHECK_PRODUCT_TYPE}.{differ}{fits_others}",
            in_words(&labels, "and")
        );
    }
    let stated: Vec<String> = contradicted
        .iter()
        .map(|(input, needed)| input.words(!needed))
        .collect();
    let mut text = format!(
        "{head}, but these settings state that {}, so they would not send it. The settings in effect differ from these.",
        in_words(&stated, "and")
    );
    // A narrower case was given: the event may fit another one.
    if (family.is_some_and(|f| f != Family::Unknown) || instant.is_some()) && !others.is_empty() {
        text.push_str(&format!(
            " Unless the product or the issuance was misidentified: under these settings the event fits {}.",
            others.join(", ")
        ));
    }
    text
}

/// What a received event other than `certificate_issued` shows about the subscription.
pub fn explain_other_event(settings: &SourcedSettings, event: &str) -> String {
    let head =
        format!("Only {CERTIFICATE_ISSUED} events carry certificate_chain; this is {event}.");
    let subscribable = matches!(
        catalog::event_kind(event),
        Some(EventKind::Subscribable | EventKind::Approval)
    );
    if !subscribable || settings.subscribed(event) {
        return head;
    }
    if settings.events.source.is_stated() {
        format!("{head} `{event}` is not in `events` of these settings, yet it arrived: the settings in effect differ from these.")
    } else {
        format!(
            "{head} It shows that `{event}` is subscribed in the settings in effect; these settings do not state it (`events`: {}).",
            settings.events.source.why_unstated()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default settings' paths, made once, are the JSON Pointers of their
    /// keys, under a body at the top of the text or inside a list response.
    #[test]
    fn default_paths_are_the_pointers_of_the_setting_keys() {
        for base in ["", "/webhooks/0"] {
            let s = SourcedSettings::defaults(Mode::Create, base);
            let settings = pointer(base, catalog::SETTINGS);
            assert_eq!(s.events.path, pointer(base, catalog::EVENTS_KEY));
            assert_eq!(
                s.notification_frequency.path,
                pointer(&settings, catalog::FREQUENCY)
            );
            for flag in Flag::ALL {
                assert_eq!(s.flag(flag).path, pointer(&settings, flag.key()));
            }
        }
    }

    /// The declared summaries (the TypeScript union) hold every summary an outcome can get.
    #[test]
    fn every_summary_is_one_of_the_declared_summaries() {
        for bits in 0..32u8 {
            let [readable, sent, unknown, certain, chain] = [16, 1, 8, 4, 2].map(|b| bits & b != 0);
            let summary = Outcome::summary(readable, sent, unknown, certain, chain);
            assert!(Outcome::SUMMARIES.contains(&summary), "{bits}");
        }
    }

    /// `needs` states the rules backwards (what the inputs must be for an outcome); over every
    /// case and every value of the inputs it agrees with `decide`, which states them forwards.
    #[test]
    fn needs_agrees_with_decide_on_every_setting() {
        for family in Family::KNOWN {
            for issuance in Issuance::BOTH {
                for has_chain in [false, true] {
                    let (needed, possible) = needs(family, issuance, has_chain);
                    for bits in 0..16u8 {
                        let events: &[&str] = if bits & 8 != 0 {
                            &[CERTIFICATE_ISSUED]
                        } else {
                            &[]
                        };
                        let s = settings(events, [bits & 1 != 0, bits & 2 != 0, bits & 4 != 0]);
                        let (decision, _) = decide(&s, family, issuance);
                        let arrives = decision.event_sent && decision.includes_chain == has_chain;
                        let met = possible
                            && needed
                                .iter()
                                .all(|(input, value)| s.input(*input).0 == *value);
                        assert_eq!(
                            arrives, met,
                            "{family:?} {issuance:?} chain={has_chain} bits={bits}"
                        );
                    }
                }
            }
        }
    }

    fn settings(events: &[&'static str], flags: [bool; 3]) -> SourcedSettings {
        let mut s = SourcedSettings::defaults(Mode::Create, "");
        s.events = Setting {
            value: events.to_vec(),
            source: Source::Stated,
            path: "/events".into(),
        };
        for (flag, on) in Flag::ALL.into_iter().zip(flags) {
            let setting = s.flag_mut(flag);
            setting.value = on;
            setting.source = Source::Stated;
        }
        s
    }

    /// docs/domain.md §5 table, row by row, for a TLS certificate (flags: instant notification,
    /// chain not instant, chain instant).
    #[test]
    fn spec_table_rows_for_tls() {
        let rows: [(Issuance, [bool; 3], bool, bool); 8] = [
            (Issuance::NotInstant, [false, false, true], true, false),
            (Issuance::NotInstant, [true, false, true], true, false),
            (Issuance::NotInstant, [false, true, false], true, true),
            (Issuance::NotInstant, [true, true, false], true, true),
            (Issuance::Instant, [false, true, true], false, false),
            (Issuance::Instant, [true, true, false], true, false),
            (Issuance::Instant, [true, false, true], true, true),
            (Issuance::Instant, [true, true, true], true, true),
        ];
        for (issuance, flags, sent, chain) in rows {
            let o = outcome(
                &settings(&["certificate_issued"], flags),
                Family::PublicTls,
                issuance,
            );
            assert_eq!(
                (o.event_sent, o.includes_chain),
                (sent, chain),
                "{issuance:?} {flags:?}"
            );
        }
    }

    #[test]
    fn non_tls_never_carries_the_chain() {
        let s = settings(&["certificate_issued"], [true, true, true]);
        for family in [Family::CodeSigning, Family::DocumentSigning, Family::Smime] {
            for issuance in Issuance::BOTH {
                let o = outcome(&s, family, issuance);
                assert!(o.event_sent && !o.includes_chain, "{family:?}");
            }
        }
    }

    #[test]
    fn unsubscribed_means_no_event_and_points_at_events() {
        let o = outcome(
            &settings(&["certificate_revoked"], [true; 3]),
            Family::PublicTls,
            Issuance::NotInstant,
        );
        assert!(!o.event_sent);
        assert_eq!(o.decided_by, vec!["/events"]);
        assert!(o.reason.contains("`certificate_issued`"));
    }

    #[test]
    fn instant_chain_without_instant_notification_has_no_effect() {
        let found = no_effect(&settings(&["certificate_issued"], [false, false, true]));
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].target,
            Target::Flag(Flag::SendInstantIssuedCertificateChain)
        );
    }

    #[test]
    fn unknown_product_with_chain_on_is_uncertain() {
        let o = outcome(
            &settings(&["certificate_issued"], [false, true, false]),
            Family::Unknown,
            Issuance::NotInstant,
        );
        assert!(o.event_sent && !o.includes_chain && !o.certain);
    }
}
