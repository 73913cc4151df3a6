//! Event parsing and chain decoding (docs/domain.md §4), on chains that `openssl` generates at test
//! time and on DigiCert's public roots; every decoded field is checked against what
//! `openssl x509` prints, never against values this crate produced.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use certcentral_webhooks::{
    parse_event, parse_events, Code, EventReport, Mode, ParseOptions, ProductRef,
};
use serde_json::json;

fn openssl(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl runs");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Root (EC P-256, self-signed CA) → intermediate (RSA 2048 CA) → leaf (EC P-384, two DNS
/// names), generated once per test run.
struct Chain {
    dir: PathBuf,
}

impl Chain {
    fn pem(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.join(format!("{name}.pem"))).expect("pem")
    }
}

fn chain() -> &'static Chain {
    static CHAIN: OnceLock<Chain> = OnceLock::new();
    CHAIN.get_or_init(|| {
        // Under target/tmp, which cargo keeps for integration tests: no folder per run is
        // left behind in /tmp, and `make clean` removes it.
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ccw-chain");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("ca.ext"),
            "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("leaf.ext"),
            "basicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:www.example.com,DNS:example.com\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n",
        )
        .unwrap();
        openssl(&dir, &["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "root.key", "-out", "root.pem", "-subj", "/C=US/O=Test Roots, Inc./CN=Test Root CA", "-days", "3650", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
        openssl(&dir, &["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "inter.key", "-out", "inter.csr", "-subj", "/C=US/O=Test Org/CN=Test Intermediate CA"]);
        openssl(&dir, &["x509", "-req", "-in", "inter.csr", "-CA", "root.pem", "-CAkey", "root.key", "-CAcreateserial", "-out", "inter.pem", "-days", "1825", "-sha384", "-extfile", "ca.ext"]);
        openssl(&dir, &["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=www.example.com"]);
        openssl(&dir, &["x509", "-req", "-in", "leaf.csr", "-CA", "inter.pem", "-CAkey", "inter.key", "-CAcreateserial", "-out", "leaf.pem", "-days", "397", "-sha256", "-extfile", "leaf.ext"]);
        // A second, unrelated root to break the chain with.
        openssl(&dir, &["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "other.key", "-out", "other.pem", "-subj", "/CN=Other Root", "-days", "30"]);
        openssl(&dir, &["genpkey", "-algorithm", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "key.pem"]);
        Chain { dir }
    })
}

/// What `openssl x509` says of a certificate: serial, SHA-256 fingerprint, subject, issuer,
/// validity, all in the forms of the API.
struct Expected {
    serial: String,
    fingerprint: String,
    subject: String,
    issuer: String,
    not_before: String,
    not_after: String,
}

fn expected(pem_path: &Path) -> Expected {
    let dir = pem_path.parent().unwrap();
    let path = pem_path.to_str().unwrap();
    let out = openssl(
        dir,
        &[
            "x509",
            "-in",
            path,
            "-noout",
            "-serial",
            "-fingerprint",
            "-sha256",
            "-subject",
            "-issuer",
            "-nameopt",
            "RFC2253",
            "-startdate",
            "-enddate",
            "-dateopt",
            "iso_8601",
        ],
    );
    let field = |prefix: &str| -> String {
        out.lines()
            .find_map(|l| l.strip_prefix(prefix))
            .unwrap_or_else(|| panic!("{prefix} in {out}"))
            .trim()
            .to_string()
    };
    Expected {
        serial: field("serial=").to_lowercase(),
        fingerprint: field("sha256 Fingerprint=").replace(':', "").to_lowercase(),
        subject: field("subject="),
        issuer: field("issuer="),
        not_before: field("notBefore=").replace(' ', "T"),
        not_after: field("notAfter=").replace(' ', "T"),
    }
}

fn issued(entries: &[(&str, String)]) -> String {
    let chain: Vec<serde_json::Value> = entries
        .iter()
        .map(|(cn, pem)| json!({"subject_common_name": cn, "pem": pem.replace('\n', "\r\n")}))
        .collect();
    json!({"event": "certificate_issued", "data": {"order_id": 472_000_001, "certificate_id": 472_000_002, "certificate_chain": chain}}).to_string()
}

fn good_chain_event() -> String {
    let c = chain();
    issued(&[
        ("www.example.com", c.pem("leaf")),
        ("Test Intermediate CA", c.pem("inter")),
        ("Test Root CA", c.pem("root")),
    ])
}

/// A `now` inside every generated certificate's validity.
fn within_validity() -> ParseOptions {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    ParseOptions {
        now: Some(now + 86_400),
        ..ParseOptions::default()
    }
}

fn codes(report: &EventReport) -> Vec<Code> {
    report.diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn a_generated_chain_decodes_to_what_openssl_reports() {
    let report = parse_event(&good_chain_event(), &within_validity());
    assert!(report.ok, "{:#?}", report.diagnostics);
    assert_eq!(report.diagnostics, vec![]);
    let chain = report.chain.expect("chain");
    assert_eq!(chain.len(), 3);
    for (info, name) in chain.iter().zip(["leaf", "inter", "root"]) {
        let want = expected(&chain_path(name));
        assert_eq!(info.certificate.serial_number, want.serial, "{name} serial");
        assert_eq!(
            info.certificate.sha256_fingerprint, want.fingerprint,
            "{name} fingerprint"
        );
        assert_eq!(info.certificate.subject, want.subject, "{name} subject");
        assert_eq!(info.certificate.issuer, want.issuer, "{name} issuer");
        assert_eq!(
            info.certificate.not_before, want.not_before,
            "{name} notBefore"
        );
        assert_eq!(
            info.certificate.not_after, want.not_after,
            "{name} notAfter"
        );
    }
    let roles: Vec<&str> = chain.iter().map(|c| c.role.as_str()).collect();
    assert_eq!(roles, ["leaf", "intermediate", "root"]);
    assert_eq!(
        chain
            .iter()
            .map(|c| (c.certificate.is_ca, c.certificate.self_signed))
            .collect::<Vec<_>>(),
        [(false, false), (true, false), (true, true)]
    );
    assert_eq!(
        chain[0].certificate.dns_names,
        ["www.example.com", "example.com"]
    );
    assert_eq!(
        chain[0].certificate.common_name.as_deref(),
        Some("www.example.com")
    );
    assert_eq!(
        chain[0].subject_common_name.as_deref(),
        Some("www.example.com")
    );
    assert_eq!(
        chain
            .iter()
            .map(|c| c.certificate.key_algorithm.as_str())
            .collect::<Vec<_>>(),
        ["EC P-384", "RSA 2048", "EC P-256"]
    );
    assert_eq!(
        chain
            .iter()
            .map(|c| c.certificate.signature_algorithm.as_str())
            .collect::<Vec<_>>(),
        [
            "sha256WithRSAEncryption",
            "ecdsa-with-SHA384",
            "ecdsa-with-SHA256"
        ]
    );
    assert_eq!(
        chain[2].certificate.subject,
        "CN=Test Root CA,O=Test Roots\\, Inc.,C=US"
    );
}

fn chain_path(name: &str) -> PathBuf {
    chain().dir.join(format!("{name}.pem"))
}

#[test]
fn digicert_public_roots_decode_to_what_openssl_reports() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/certs");
    for file in [
        "DigiCert_Global_Root_G2.pem",
        "DigiCert_Global_Root_CA.pem",
        "DigiCert_TLS_ECC_P384_Root_G5.pem",
    ] {
        let path = dir.join(file);
        let pem = std::fs::read_to_string(&path).unwrap();
        let report = parse_event(&issued(&[("x", pem)]), &ParseOptions::default());
        let info = &report.chain.expect("chain")[0];
        let want = expected(&path);
        assert_eq!(
            (
                &info.certificate.serial_number,
                &info.certificate.sha256_fingerprint
            ),
            (&want.serial, &want.fingerprint),
            "{file}"
        );
        assert_eq!(
            (&info.certificate.subject, &info.certificate.issuer),
            (&want.subject, &want.issuer),
            "{file}"
        );
        assert_eq!(
            (&info.certificate.not_before, &info.certificate.not_after),
            (&want.not_before, &want.not_after),
            "{file}"
        );
        assert!(
            info.certificate.is_ca && info.certificate.self_signed,
            "{file}"
        );
    }
}

#[test]
fn pem_with_lf_escaped_slashes_and_trailing_white_space_is_accepted() {
    let pem = chain().pem("leaf");
    let body = json!({"event": "certificate_issued", "data": {"order_id": 1, "certificate_id": 2,
        "certificate_chain": [{"subject_common_name": "www.example.com", "pem": format!("{pem}  \n\n")}]}})
    .to_string()
    .replace('/', "\\/");
    assert!(body.contains("\\/"));
    let report = parse_event(&body, &ParseOptions::default());
    assert!(report.ok, "{:?}", report.diagnostics);
    assert_eq!(report.chain.unwrap().len(), 1);
}

#[test]
fn pem_invalid_for_each_bad_entry_while_the_rest_decode() {
    let c = chain();
    let leaf = c.pem("leaf");
    let body: String = leaf.lines().filter(|l| !l.starts_with("-----")).collect();
    let truncated = format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        &body[..body.len() / 2 / 4 * 4]
    );
    let event = issued(&[
        ("www.example.com", leaf.clone()),
        ("two in one", format!("{}{}", c.pem("inter"), c.pem("root"))),
        (
            "garbage",
            "-----BEGIN CERTIFICATE-----\n!!!not base64!!!\n-----END CERTIFICATE-----\n"
                .to_string(),
        ),
        ("truncated", truncated),
        ("a key", c.pem("key")),
        ("Test Root CA", c.pem("root")),
    ]);
    let report = parse_event(&event, &ParseOptions::default());
    assert!(!report.ok);
    let invalid: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::PemInvalid)
        .map(|d| d.path.as_str())
        .collect();
    assert_eq!(
        invalid,
        [
            "/data/certificate_chain/1/pem",
            "/data/certificate_chain/2/pem",
            "/data/certificate_chain/3/pem",
            "/data/certificate_chain/4/pem"
        ]
    );
    let decoded: Vec<usize> = report.chain.unwrap().iter().map(|c| c.index).collect();
    assert_eq!(decoded, [0, 5]);
}

#[test]
fn chain_order_warns_when_an_entry_is_not_issued_by_the_next() {
    let c = chain();
    let event = issued(&[
        ("Test Intermediate CA", c.pem("inter")),
        ("www.example.com", c.pem("leaf")),
    ]);
    let report = parse_event(&event, &ParseOptions::default());
    let order: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::ChainOrder)
        .map(|d| d.path.as_str())
        .collect();
    assert_eq!(order, ["/data/certificate_chain/0"]);
    let wrong_root = issued(&[
        ("Test Intermediate CA", c.pem("inter")),
        ("Other Root", c.pem("other")),
    ]);
    // And no entry is the issued certificate.
    assert_eq!(
        codes(&parse_event(&wrong_root, &ParseOptions::default())),
        [Code::ChainIncomplete, Code::ChainOrder]
    );
}

#[test]
fn chain_order_is_silent_on_a_good_chain() {
    assert!(
        !codes(&parse_event(&good_chain_event(), &ParseOptions::default()))
            .contains(&Code::ChainOrder)
    );
}

#[test]
fn chain_name_mismatch_when_subject_common_name_differs_from_the_cn() {
    let c = chain();
    let event = issued(&[
        ("shop.example.com", c.pem("leaf")),
        ("Test Intermediate CA", c.pem("inter")),
        ("Test Root CA", c.pem("root")),
    ]);
    let report = parse_event(&event, &ParseOptions::default());
    assert_eq!(codes(&report), [Code::ChainNameMismatch]);
    assert_eq!(
        report.diagnostics[0].path,
        "/data/certificate_chain/0/subject_common_name"
    );
    assert!(report.ok, "a warning does not make the event unusable");
}

#[test]
fn chain_incomplete_for_an_empty_chain() {
    let event = r#"{"event":"certificate_issued","data":{"order_id":1,"certificate_id":2,"certificate_chain":[]}}"#;
    let report = parse_event(event, &ParseOptions::default());
    assert_eq!(codes(&report), [Code::ChainIncomplete]);
    assert_eq!(report.diagnostics[0].path, "/data/certificate_chain");
}

#[test]
fn chain_incomplete_when_the_only_entry_is_a_self_signed_root() {
    let report = parse_event(
        &issued(&[("Test Root CA", chain().pem("root"))]),
        &ParseOptions::default(),
    );
    assert_eq!(codes(&report), [Code::ChainIncomplete]);
    assert!(report.diagnostics[0]
        .message
        .contains("the issued certificate is missing"));
    let chain = report.chain.expect("chain");
    assert_eq!(serde_json::to_value(chain[0].role).unwrap(), "root");
}

#[test]
fn chain_incomplete_when_the_root_is_missing() {
    let c = chain();
    let report = parse_event(
        &issued(&[
            ("www.example.com", c.pem("leaf")),
            ("Test Intermediate CA", c.pem("inter")),
        ]),
        &ParseOptions::default(),
    );
    assert_eq!(codes(&report), [Code::ChainIncomplete]);
    assert_eq!(report.diagnostics[0].path, "/data/certificate_chain/1");
    assert!(report.diagnostics[0]
        .message
        .contains("root certificate is missing"));
}

#[test]
fn roles_and_issuer_links_come_from_the_certificates_not_their_places() {
    let c = chain();
    let shuffled = issued(&[
        ("Test Intermediate CA", c.pem("inter")),
        ("Test Root CA", c.pem("root")),
        ("www.example.com", c.pem("leaf")),
    ]);
    let report = parse_event(&shuffled, &ParseOptions::default());
    let chain = report.chain.clone().expect("chain");
    let roles: Vec<&str> = chain.iter().map(|c| c.role.as_str()).collect();
    assert_eq!(roles, ["intermediate", "root", "leaf"]);
    let links: Vec<Option<usize>> = chain.iter().map(|c| c.issuer_index).collect();
    assert_eq!(links, [Some(1), None, Some(0)]);
    assert!(
        codes(&report).contains(&Code::ChainOrder),
        "out of DigiCert's order"
    );
}

#[test]
fn a_negative_serial_is_shown_as_openssl_shows_it() {
    let dir = &chain().dir;
    for (serial, name) in [("-0x0102", "neg1"), ("-128", "neg2"), ("-1", "neg3")] {
        openssl(
            dir,
            &[
                "req",
                "-x509",
                "-key",
                "key.pem",
                "-out",
                &format!("{name}.pem"),
                "-subj",
                "/CN=Negative",
                "-days",
                "30",
                "-set_serial",
                serial,
            ],
        );
        let expected = expected(&dir.join(format!("{name}.pem")));
        let report = parse_event(
            &issued(&[("Negative", chain().pem(name))]),
            &ParseOptions::default(),
        );
        let decoded = &report.chain.expect("chain")[0];
        assert_eq!(
            decoded.certificate.serial_number, expected.serial,
            "{serial}"
        );
    }
}

#[test]
fn chain_name_mismatch_is_silent_when_names_agree() {
    assert!(
        !codes(&parse_event(&good_chain_event(), &ParseOptions::default()))
            .contains(&Code::ChainNameMismatch)
    );
}

#[test]
fn certificate_expired_after_not_after() {
    let options = ParseOptions {
        now: Some(4_102_444_800),
        ..ParseOptions::default()
    }; // 2100
    let report = parse_event(&good_chain_event(), &options);
    assert_eq!(codes(&report), [Code::CertificateExpired; 3]);
}

#[test]
fn certificate_not_yet_valid_before_not_before() {
    let options = ParseOptions {
        now: Some(946_684_800),
        ..ParseOptions::default()
    }; // 2000
    let report = parse_event(&good_chain_event(), &options);
    assert_eq!(codes(&report), [Code::CertificateNotYetValid; 3]);
}

#[test]
fn validity_checks_are_silent_within_validity() {
    assert_eq!(
        codes(&parse_event(&good_chain_event(), &within_validity())),
        []
    );
}

#[test]
fn ids_stay_exact_integers() {
    let report = parse_event(&good_chain_event(), &ParseOptions::default());
    let event = serde_json::to_value(report.event).unwrap();
    assert_eq!(event["data"]["order_id"], 472_000_001);
    let big = r#"{"event":"certificate_revoked","data":{"order_id":9007199254740993,"certificate_id":1}}"#;
    let report = parse_event(big, &ParseOptions::default());
    assert_eq!(codes(&report), [Code::InvalidValue]);
    assert_eq!(report.diagnostics[0].path, "/data/order_id");
}

#[test]
fn documented_events_are_checked_field_by_field() {
    let revoked = parse_event(
        r#"{"event":"certificate_revoked","data":{"order_id":"12","certificate_id":3}}"#,
        &ParseOptions::default(),
    );
    assert_eq!(codes(&revoked), [Code::InvalidType]);
    assert_eq!(revoked.diagnostics[0].path, "/data/order_id");
    let approval = r#"{"event":"order_approval_email_sent","data":{"order_id":1,"certificate_id":2,"orderApprovalEmailStatus":"sent","orderApprovalEmails":["a@example.com"]}}"#;
    assert!(parse_event(approval, &ParseOptions::default())
        .diagnostics
        .is_empty());
    let challenge =
        r#"{"event":"challenge_webhook_endpoint","data":{"token":"abc","webhook_id":7}}"#;
    assert!(parse_event(challenge, &ParseOptions::default())
        .diagnostics
        .is_empty());
    let missing = parse_event(
        r#"{"event":"certificate_issued","data":{"order_id":1}}"#,
        &ParseOptions::default(),
    );
    assert_eq!(codes(&missing), [Code::MissingField]);
}

#[test]
fn test_webhook_endpoint_has_no_data() {
    let report = parse_event(
        r#"{"event":"test_webhook_endpoint"}"#,
        &ParseOptions::default(),
    );
    assert!(report.ok && report.diagnostics.is_empty());
    assert_eq!(
        serde_json::to_value(report.event).unwrap(),
        json!({"event": "test_webhook_endpoint"})
    );
}

#[test]
fn unknown_events_are_kept_whole_with_an_info() {
    let text = r#"{"event":"certificate_reissued","data":{"order_id":1,"extra":{"x":[1,2]}}}"#;
    let report = parse_event(text, &ParseOptions::default());
    assert!(report.ok);
    assert_eq!(codes(&report), [Code::UnknownEvent]);
    assert_eq!(report.event, None);
    assert_eq!(serde_json::to_string(&report.unknown_event).unwrap(), text);
}

#[test]
fn missing_event_name_is_missing_field() {
    let report = parse_event(r#"{"data":{}}"#, &ParseOptions::default());
    assert_eq!(codes(&report), [Code::MissingField]);
    assert_eq!(report.event, None);
}

#[test]
fn ndjson_of_200_mixed_lines_gives_200_results_in_order() {
    let good = good_chain_event();
    let mut lines = Vec::new();
    for i in 0..200 {
        lines.push(match i % 4 {
            0 => good.clone(),
            1 => format!("{{\"event\":\"certificate_revoked\",\"data\":{{\"order_id\":{i},\"certificate_id\":{i}}}}}"),
            2 => "{\"event\": \"certificate_issued\", \"data\": ".to_string(),
            _ => "[1,2,3]".to_string(),
        });
    }
    let text = lines.join("\n") + "\n\n";
    let results = parse_events(&text, &ParseOptions::default());
    assert_eq!(results.len(), 200);
    for (i, r) in results.iter().enumerate() {
        assert_eq!(r.ok, i % 4 < 2, "line {}", i + 1);
        if let Some(d) = r.diagnostics.first() {
            assert_eq!(
                d.range.unwrap().start.line as usize,
                i + 1,
                "positions are lines of the file"
            );
        }
    }
    assert_eq!(
        results[1]
            .event
            .as_ref()
            .map(|e| serde_json::to_value(e).unwrap()["data"]["order_id"].clone()),
        Some(json!(1))
    );
}

fn settings(flags: [&str; 3]) -> String {
    json!({"endpoint": "https://a.example.com", "events": ["certificate_issued"], "webhook_settings": {
        "instant_issue_webhook_notification": flags[0], "webhook_send_certificate_chain": flags[1],
        "webhook_send_instant_issued_certificate_chain": flags[2]}})
    .to_string()
}

#[test]
fn explanation_names_the_cases_that_leave_the_chain_out() {
    let options = ParseOptions {
        settings: Some(settings(["1", "1", "0"])),
        ..ParseOptions::default()
    };
    let report = parse_event(
        r#"{"event":"certificate_issued","data":{"order_id":1,"certificate_id":2}}"#,
        &options,
    );
    let explanation = report.explanation.expect("explanation");
    for expected in [
        "code signing",
        "S/MIME",
        "public TLS, private TLS, code signing, document signing and S/MIME issued instantly",
        "`webhook_send_instant_issued_certificate_chain`",
    ] {
        assert!(
            explanation.contains(expected),
            "{explanation} lacks {expected}"
        );
    }
    assert!(
        !explanation.contains("public TLS not issued instantly"),
        "{explanation}"
    );
}

#[test]
fn explanation_with_product_and_issuance_gives_the_deciding_rule() {
    let options = ParseOptions {
        settings: Some(settings(["1", "1", "0"])),
        product: Some(ProductRef::Name("ssl_plus".into())),
        instant: Some(true),
        settings_mode: Mode::Create,
        ..ParseOptions::default()
    };
    let report = parse_event(
        r#"{"event":"certificate_issued","data":{"order_id":1,"certificate_id":2}}"#,
        &options,
    );
    let explanation = report.explanation.unwrap();
    assert!(
        explanation.starts_with(
            "This certificate_issued arrived without certificate_chain, as these settings say"
        ),
        "{explanation}"
    );
    let options = ParseOptions {
        settings: Some(settings(["1", "0", "0"])),
        ..ParseOptions::default()
    };
    let with_chain = parse_event(&good_chain_event(), &options)
        .explanation
        .unwrap();
    assert!(
        with_chain.contains("settings in effect differ"),
        "{with_chain}"
    );
}

#[test]
fn explanation_for_other_events_says_only_certificate_issued_carries_the_chain() {
    let options = ParseOptions {
        settings: Some(settings(["1", "1", "1"])),
        ..ParseOptions::default()
    };
    let report = parse_event(
        r#"{"event":"certificate_revoked","data":{"order_id":1,"certificate_id":2}}"#,
        &options,
    );
    let explanation = report.explanation.unwrap();
    assert!(
        explanation.starts_with("Only certificate_issued events carry certificate_chain"),
        "{explanation}"
    );
    assert!(explanation.contains("not in `events`"));
}

/// parse_events decodes a certificate once per call and reuses it: every line still gets
/// exactly what parse_event gives for it alone, whatever place the certificate has there.
#[test]
fn ndjson_lines_sharing_certificates_read_as_each_line_alone() {
    let c = chain();
    let lines = [
        good_chain_event(),
        issued(&[
            ("Test Root CA", c.pem("root")),
            ("www.example.com", c.pem("leaf")),
        ]),
        issued(&[
            ("Test Intermediate CA", c.pem("inter")),
            ("x", "not a pem".to_string()),
        ]),
        good_chain_event(),
    ];
    let options = within_validity();
    let together = parse_events(&lines.join("\n"), &options);
    assert_eq!(together.len(), lines.len());
    for (line, report) in lines.iter().zip(together) {
        let alone = parse_event(line, &options);
        assert_eq!(report.chain, alone.chain);
        let codes = |r: &EventReport| {
            r.diagnostics
                .iter()
                .map(|d| (d.code, d.message.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(&report), codes(&alone));
    }
}
