#!/usr/bin/env bash
# Runs each cargo-fuzz target for a bounded time: scripts/fuzz.sh [SECONDS] [TARGET...]
# (default 60 s, all targets), seeded with the fixtures. libFuzzer needs nightly flags: with
# only a stable toolchain RUSTC_BOOTSTRAP=1 lets it accept them. Skips cleanly (exit 0)
# when cargo-fuzz is not installed. A crash leaves its input in fuzz/artifacts/TARGET/ and
# makes this script exit 1.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: skipped (cargo-fuzz not installed: cargo install cargo-fuzz)"
  exit 0
fi
if ! cargo +nightly --version >/dev/null 2>&1; then
  export RUSTC_BOOTSTRAP=1
fi
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/fuzz/target}
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cd fuzz && cargo fuzz list)

# No sanitizer: the crate has no unsafe code, so AddressSanitizer would only slow the search;
# debug assertions turn integer overflows into crashes.
flags=(--sanitizer none --debug-assertions)
(cd fuzz && cargo fuzz build "${flags[@]}")
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target"
  echo "== fuzz $target for ${seconds}s"
  (cd fuzz && cargo fuzz run "${flags[@]}" "$target" "corpus/$target" ../fixtures/seeds ../fixtures/ocr ../fixtures/synthetic \
    -- -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1)
done
