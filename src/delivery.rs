//! Who gets `certificate_chain` (spec §5): the one place the delivery rules live. The
//! explainer's outcomes, its recommendations and the validator's `no-effect` warnings are all
//! derived from the functions here, so they cannot disagree.

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use crate::catalog::{self, EventKind, Flag, CERTIFICATE_ISSUED};
use crate::diagnostic::pointer;
use crate::product::Family;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Create,
    Update,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Issuance {
    NotInstant,
    Instant,
}

impl Issuance {
    pub const BOTH: [Issuance; 2] = [Issuance::NotInstant, Issuance::Instant];

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

/// Where an effective setting's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Written in the body.
    Explicit,
    /// Omitted on create: the API's default applies.
    Default,
    /// Omitted on update: the webhook keeps its current value, which the body cannot show;
    /// the create default is assumed.
    Unchanged,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
    /// JSON Pointer of the setting in the input, whether or not it is written there.
    pub path: String,
}

/// The settings that decide delivery, after defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct EffectiveSettings {
    pub events: Setting<Vec<String>>,
    pub instant_issue_notification: Setting<bool>,
    pub send_certificate_chain: Setting<bool>,
    pub send_instant_issued_certificate_chain: Setting<bool>,
    pub notification_frequency: Setting<Option<Vec<i64>>>,
}

impl EffectiveSettings {
    /// Spec §2–§3 defaults: every flag off; on create an omitted `events` subscribes to
    /// `certificate_issued` only (third-party docs [S]); on update omitted means unchanged.
    pub fn defaults(mode: Mode, base: &str) -> EffectiveSettings {
        let source = match mode {
            Mode::Create => Source::Default,
            Mode::Update => Source::Unchanged,
        };
        let flag = |flag: Flag| Setting {
            value: false,
            source,
            path: pointer(&pointer(base, catalog::SETTINGS), flag.key()),
        };
        EffectiveSettings {
            events: Setting {
                value: vec![CERTIFICATE_ISSUED.to_string()],
                source,
                path: pointer(base, catalog::EVENTS_KEY),
            },
            instant_issue_notification: flag(Flag::InstantIssueNotification),
            send_certificate_chain: flag(Flag::SendCertificateChain),
            send_instant_issued_certificate_chain: flag(Flag::SendInstantIssuedCertificateChain),
            notification_frequency: Setting {
                value: None,
                source,
                path: pointer(&pointer(base, catalog::SETTINGS), catalog::FREQUENCY),
            },
        }
    }

    pub fn flag(&self, flag: Flag) -> &Setting<bool> {
        match flag {
            Flag::InstantIssueNotification => &self.instant_issue_notification,
            Flag::SendCertificateChain => &self.send_certificate_chain,
            Flag::SendInstantIssuedCertificateChain => &self.send_instant_issued_certificate_chain,
        }
    }

    pub fn flag_mut(&mut self, flag: Flag) -> &mut Setting<bool> {
        match flag {
            Flag::InstantIssueNotification => &mut self.instant_issue_notification,
            Flag::SendCertificateChain => &mut self.send_certificate_chain,
            Flag::SendInstantIssuedCertificateChain => {
                &mut self.send_instant_issued_certificate_chain
            }
        }
    }

    pub fn subscribed(&self, event: &str) -> bool {
        self.events.value.iter().any(|e| e == event)
    }

    pub fn certificate_issued_subscribed(&self) -> bool {
        self.subscribed(CERTIFICATE_ISSUED)
    }
}

/// Whether `certificate_issued` is sent, with or without the chain, for one case, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub family: Family,
    pub issuance: Issuance,
    pub event_sent: bool,
    pub includes_chain: bool,
    /// False when the answer depends on something this version cannot tell (an unknown
    /// product): `event_sent` / `includes_chain` then hold only what is certain.
    pub certain: bool,
    /// The cell of the delivery matrix in a few words: "no event", "event with chain",
    /// "event without chain" or "event, chain unknown" (shared by the CLI and the playground).
    pub summary: &'static str,
    pub reason: String,
    pub decided_by: Vec<String>,
}

impl Outcome {
    fn summarize(mut self) -> Outcome {
        self.summary = match (self.event_sent, self.certain, self.includes_chain) {
            (false, _, _) => "no event",
            (true, false, _) => "event, chain unknown",
            (true, true, true) => "event with chain",
            (true, true, false) => "event without chain",
        };
        self
    }
}

/// `"is on"`, `"is off (the default)"`, `"is not in this update (assumed off)"`.
fn state(setting: &Setting<bool>) -> &'static str {
    match (setting.value, setting.source) {
        (true, Source::Explicit) => "is on",
        (false, Source::Explicit) => "is off",
        (_, Source::Default) => "is off (the default when omitted)",
        (_, Source::Unchanged) => {
            "is not in this update, so it keeps its current value (assumed off)"
        }
    }
}

fn key(flag: Flag) -> String {
    format!("`{}`", flag.key())
}

/// The rules of spec §5, one case at a time.
pub fn outcome(settings: &EffectiveSettings, family: Family, issuance: Issuance) -> Outcome {
    decide(settings, family, issuance).summarize()
}

fn decide(settings: &EffectiveSettings, family: Family, issuance: Issuance) -> Outcome {
    let mut result = Outcome {
        family,
        issuance,
        event_sent: false,
        includes_chain: false,
        certain: true,
        summary: "",
        reason: String::new(),
        decided_by: Vec::new(),
    };
    // Rule 4: nothing matters unless certificate_issued is subscribed.
    if !settings.certificate_issued_subscribed() {
        result.reason = format!(
            "No certificate_issued event is sent: `{CERTIFICATE_ISSUED}` is not in `events`; add it to be notified."
        );
        result.decided_by.push(settings.events.path.clone());
        return result;
    }
    let (chain_flag, chain_setting) = match issuance {
        Issuance::NotInstant => (Flag::SendCertificateChain, &settings.send_certificate_chain),
        Issuance::Instant => {
            let notify = &settings.instant_issue_notification;
            result.decided_by.push(notify.path.clone());
            // Rule 3: instant issuance is announced only with the instant notification on.
            if !notify.value {
                result.reason = format!(
                    "No certificate_issued event is sent for certificates issued instantly: {} {}; set it to \"1\" to be notified.",
                    key(Flag::InstantIssueNotification),
                    state(notify)
                );
                return result;
            }
            (
                Flag::SendInstantIssuedCertificateChain,
                &settings.send_instant_issued_certificate_chain,
            )
        }
    };
    result.event_sent = true;
    let when = match issuance {
        Issuance::NotInstant => String::new(),
        Issuance::Instant => format!(
            " for instantly issued certificates ({} is on)",
            key(Flag::InstantIssueNotification)
        ),
    };
    if family == Family::Unknown {
        result.decided_by.push(chain_setting.path.clone());
        if chain_setting.value {
            result.certain = false;
            result.reason = format!(
                "certificate_issued is sent{when}; it carries certificate_chain only if the product is a TLS certificate ({} {}), and this product is not one this version knows: check `product.type` in the order info (ssl_certificate means TLS).",
                key(chain_flag),
                state(chain_setting)
            );
        } else {
            result.reason = format!(
                "certificate_issued is sent{when} without certificate_chain whatever the product, because {} {}.",
                key(chain_flag),
                state(chain_setting)
            );
        }
        return result;
    }
    // Rule 1: only TLS certificates ever carry the chain.
    if !family.is_tls() {
        let because = match issuance {
            Issuance::NotInstant => {
                result.decided_by.push(settings.events.path.clone());
                " (`certificate_issued` is in `events`)"
            }
            Issuance::Instant => "",
        };
        result.reason = format!(
            "certificate_issued is sent{when}{because} without certificate_chain: {} certificates never carry the chain, whatever {} says; only TLS certificates do.",
            family.label(),
            key(chain_flag)
        );
        return result;
    }
    // Rules 2 and 3: the chain setting for this kind of issuance decides.
    result.decided_by.push(chain_setting.path.clone());
    result.includes_chain = chain_setting.value;
    result.reason = if chain_setting.value {
        format!(
            "certificate_issued is sent{when} with certificate_chain, because {} is on.",
            key(chain_flag)
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
    result
}

/// Every outcome of the matrix, families in contract order, not instant before instant.
pub fn matrix(settings: &EffectiveSettings) -> Vec<Outcome> {
    Family::KNOWN
        .into_iter()
        .flat_map(|family| Issuance::BOTH.map(|issuance| outcome(settings, family, issuance)))
        .collect()
}

/// A setting that cannot change anything given the rest (spec §5.4, §5.6, §3).
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

/// Findings are raised only when every setting involved is known: written in the body, or
/// defaulted on create. A value kept unchanged by an update is never the premise of a warning.
pub fn no_effect(settings: &EffectiveSettings) -> Vec<NoEffect> {
    let known = |source: Source| source != Source::Unchanged;
    let mut found = Vec::new();
    let subscription_known = known(settings.events.source);
    if subscription_known && !settings.certificate_issued_subscribed() {
        for flag in Flag::ALL {
            let setting = settings.flag(flag);
            if setting.source == Source::Explicit && setting.value {
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
        let instant_chain = &settings.send_instant_issued_certificate_chain;
        let notify = &settings.instant_issue_notification;
        if instant_chain.source == Source::Explicit
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
    if frequency.source == Source::Explicit
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

/// The approval lifecycle events subscribed (spec §5.5), and what that means.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Approval {
    pub subscribed: Vec<String>,
    pub note: String,
}

pub fn approval(settings: &EffectiveSettings) -> Approval {
    let subscribed: Vec<String> = settings
        .events
        .value
        .iter()
        .filter(|e| catalog::event_kind(e) == Some(EventKind::Approval))
        .cloned()
        .collect();
    let note = if subscribed.is_empty() {
        "No approval lifecycle event is subscribed: for an order that needs approval nothing is sent until the certificate is issued. Add \"order_approval_email_sent\" to `events` to hear when approval emails go out.".to_string()
    } else {
        format!(
            "Subscribed: {}. For an order that needs approval these arrive before issuance; certificate_issued still comes only once the certificate is issued. The event for a completed approval is not documented, so it cannot be checked here.",
            subscribed.join(", ")
        )
    };
    Approval { subscribed, note }
}

/// A common goal, and the smallest change to the body that reaches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Goal {
    /// `certificate_chain` in every TLS `certificate_issued` event, instant or not.
    ChainInEveryTlsEvent,
    /// `certificate_issued` also for certificates issued the instant the order is created.
    EventsForInstantIssuance,
    /// No `certificate_chain` in any event.
    NoChain,
}

impl Goal {
    pub const ALL: [Goal; 3] = [
        Goal::ChainInEveryTlsEvent,
        Goal::EventsForInstantIssuance,
        Goal::NoChain,
    ];

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
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub goal: Goal,
    pub description: String,
    pub patch: Patch,
}

/// An RFC 7396 JSON Merge Patch for the request body: `events` replaces the whole list (merge
/// patches replace arrays), `webhook_settings` sets only the flags named.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Patch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<String>>,
    #[serde(skip_serializing_if = "FlagPatch::is_empty")]
    pub webhook_settings: FlagPatch,
}

/// Flags to set, as `{"key": "1"}`, in the order of [`Flag::ALL`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FlagPatch(pub Vec<(Flag, bool)>);

impl FlagPatch {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for FlagPatch {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (flag, on) in &self.0 {
            map.serialize_entry(flag.key(), catalog::flag_text(*on))?;
        }
        map.end()
    }
}

/// For each goal the current settings miss, the merge patch that reaches it: only the
/// settings that must change, each set explicitly.
pub fn recommendations(settings: &EffectiveSettings) -> Vec<Recommendation> {
    let outcomes = matrix(settings);
    Goal::ALL
        .into_iter()
        .filter(|goal| !goal.reached(&outcomes))
        .map(|goal| {
            let (subscribe, wanted): (bool, &[(Flag, bool)]) = match goal {
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
            };
            let mut patch = Patch::default();
            if subscribe && !settings.certificate_issued_subscribed() {
                let mut events = settings.events.value.clone();
                events.push(CERTIFICATE_ISSUED.to_string());
                patch.events = Some(events);
            }
            for (flag, on) in wanted {
                if settings.flag(*flag).value != *on {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(events: &[&str], flags: [bool; 3]) -> EffectiveSettings {
        let mut s = EffectiveSettings::defaults(Mode::Create, "");
        s.events = Setting {
            value: events.iter().map(|e| e.to_string()).collect(),
            source: Source::Explicit,
            path: "/events".into(),
        };
        for (flag, on) in Flag::ALL.into_iter().zip(flags) {
            let setting = s.flag_mut(flag);
            setting.value = on;
            setting.source = Source::Explicit;
        }
        s
    }

    /// Spec §5 table, row by row, for a TLS certificate (flags: instant notification,
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
