#!/usr/bin/env bash
# Runs every cargo-fuzz target (or those in $TARGETS) for SECONDS each (default 180), seeded
# with the test fixtures.
# A crash stops the run with the input saved under fuzz/artifacts/<target>/: turn it into a
# fixture and a regression test. The wasm32 toolchain here is stable; RUSTC_BOOTSTRAP lets
# cargo-fuzz use the sanitizer flags it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-180}
export RUSTC_BOOTSTRAP=1

command -v cargo-fuzz >/dev/null || { echo "fuzz: cargo-fuzz is missing; run make setup" >&2; exit 1; }

seed() {
  local target=$1; shift
  mkdir -p "fuzz/corpus/$target"
  for f in "$@"; do cp "$f" "fuzz/corpus/$target/seed-$(basename "$f")"; done
}
seed validate_request tests/fixtures/requests/*
seed explain_delivery tests/fixtures/requests/*
seed parse_event tests/fixtures/events/*.json
seed parse_events tests/fixtures/events/*
seed json_differential tests/fixtures/requests/* tests/fixtures/events/*.json
# A certificate_issued event with real certificates, so chain decoding is reached at once.
node -e '
const fs = require("fs");
const dir = "tests/fixtures/certs/";
const chain = fs.readdirSync(dir).map((f) => ({ subject_common_name: f, pem: fs.readFileSync(dir + f, "utf8") }));
const event = JSON.stringify({ event: "certificate_issued", data: { order_id: 1, certificate_id: 2, certificate_chain: chain } });
fs.writeFileSync("fuzz/corpus/parse_event/seed-chain.json", event);
fs.writeFileSync("fuzz/corpus/parse_events/seed-chain.ndjson", event + "\n" + event + "\n");
fs.mkdirSync("fuzz/corpus/decode_certificate", { recursive: true });
for (const { subject_common_name: name, pem } of chain) {
  const der = Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ""), "base64");
  fs.writeFileSync(`fuzz/corpus/decode_certificate/seed-${name}.der`, der);
}
'

cargo fuzz build -O
mkdir -p target/fuzz-logs
for target in ${TARGETS:-$(cargo fuzz list)}; do
  echo "fuzz: $target for ${SECONDS_PER_TARGET}s"
  log=target/fuzz-logs/$target.log
  if ! cargo fuzz run -O "$target" "fuzz/corpus/$target" -- \
      -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "fuzz: $target failed; the input is in fuzz/artifacts/$target" >&2
    exit 1
  fi
  grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)" "$log" | sed "s/^/  /"
done
