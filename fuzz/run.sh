#!/usr/bin/env bash
# Run every cargo-fuzz target for a bounded time, one after the other (not in CI).
#
# usage: fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default 600 s, every target)
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain; with only a stable
# one, RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its nightly-only flags.
# Crashes land in fuzz/artifacts/TARGET/; turn each into a regression test (tests/fuzz_regressions.rs).
set -u
cd "$(dirname "$0")/.."
SECS=${1:-600}
shift || true
TARGETS=${*:-"pack_loader text_reader matcher markdown_reader html_reader email_reader"}
TOOLCHAIN=
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then TOOLCHAIN=+nightly; else export RUSTC_BOOTSTRAP=1; fi
status=0
for t in $TARGETS; do
  mkdir -p "fuzz/corpus/$t"
  # Seed every corpus with the real fixtures and packs.
  cp tests/fixtures/*.txt rules/*.toml "fuzz/corpus/$t/" 2>/dev/null
  # The document-reader targets also get the fixtures of their own format.
  case $t in
    markdown_reader) cp tests/fixtures/formats/*.md "fuzz/corpus/$t/" 2>/dev/null ;;
    html_reader) cp tests/fixtures/formats/*.html "fuzz/corpus/$t/" 2>/dev/null ;;
    email_reader) cp tests/fixtures/formats/*.eml "fuzz/corpus/$t/" 2>/dev/null ;;
  esac
  start=$(date +%s)
  cargo $TOOLCHAIN fuzz run -O "$t" "fuzz/corpus/$t" -- -max_total_time="$SECS" -max_len=65536 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 > "fuzz/$t.log" 2>&1
  rc=$?
  end=$(date +%s)
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "fuzz/$t.log" | grep -o '[0-9]*$')
  echo "$t: exit $rc after $((end - start)) s, ${runs:-?} runs (log: fuzz/$t.log)"
  [ "$rc" = 0 ] || status=1
done
exit $status
