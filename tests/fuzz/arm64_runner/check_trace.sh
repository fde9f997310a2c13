#!/usr/bin/env bash
# check_trace.sh EXPECTED -- RUNNER [ARGS...]: gives RUNNER the cases of the trace EXPECTED without
# their `out`, `vout` and `write` lines, and fails (exit 1, with a diff) unless RUNNER's trace is
# EXPECTED again. Comments and blank lines do not count.
set -u
expected=$1
[ "$2" = "--" ] || { echo "usage: check_trace.sh EXPECTED -- RUNNER [ARGS...]" >&2; exit 2; }
shift 2
without_comments() { grep -Ev '^(#|$)'; }
actual=$(grep -Ev '^(out|vout|write) ' "$expected" | "$@")
status=$?
[ "$status" = 0 ] || { echo "FAILED: the runner exited with status $status"; exit 1; }
if ! diff -u <(without_comments <"$expected") <(printf '%s\n' "$actual" | without_comments) \
    --label "expected ($expected)" --label "runner"; then
  echo "FAILED: the runner's results differ from $expected"
  exit 1
fi
echo "ok: $(grep -c '^case ' "$expected") cases as expected"
