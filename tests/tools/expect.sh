#!/usr/bin/env bash
# expect.sh [--exit N] [--stdout REGEX]... [--stderr REGEX] [--stderr-lines N] -- COMMAND [ARGS...]
# Runs COMMAND and fails (exit 1, with the reason and the captured output) unless its exit status
# is N, its stdout matches every REGEX (extended, multi-line), and its stderr matches REGEX and
# has at most N lines. Used by ctest for the command-line tools.
set -u
want_exit=0 stderr_regex="" stderr_lines="" stdout_regexes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --exit) want_exit=$2; shift 2 ;;
    --stdout) stdout_regexes+=("$2"); shift 2 ;;
    --stderr) stderr_regex=$2; shift 2 ;;
    --stderr-lines) stderr_lines=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "expect.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$@" >"$out" 2>"$err"
status=$?
fail() {
  echo "FAILED: $*"
  echo "--- command: $*"; echo "--- exit status: $status"
  echo "--- stdout:"; cat "$out"; echo "--- stderr:"; cat "$err"
  exit 1
}
[ "$status" = "$want_exit" ] || fail "exit status $status, expected $want_exit"
for regex in "${stdout_regexes[@]}"; do
  grep -Eq -- "$regex" "$out" || fail "stdout does not match /$regex/"
done
[ -z "$stderr_regex" ] || grep -Eq -- "$stderr_regex" "$err" || fail "stderr does not match /$stderr_regex/"
if [ -n "$stderr_lines" ]; then
  lines=$(wc -l <"$err")
  [ "$lines" -le "$stderr_lines" ] || fail "stderr has $lines lines, at most $stderr_lines allowed"
fi
cat "$out"
exit 0
