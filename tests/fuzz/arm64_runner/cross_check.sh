#!/usr/bin/env bash
# cross_check.sh [--inputs-only] WORKDIR SAE_FUZZ... -- RUNNER...: the arm64 runner against
# Unicorn on the same cases. SAE_FUZZ (the sae-fuzz command with its generator options) writes its
# cases with Unicorn's results as a corpus; RUNNER executes that corpus. Fails (exit 1, naming the
# first differing case) unless both traces are the same text, comments aside — or, with
# --inputs-only, unless the runner answered every case (the traces without their `out`, `vout` and
# `write` lines are the same). Both traces stay in WORKDIR. Whether libsae passes is not this
# test's business: sae-fuzz may exit 1, not 2.
set -u
compared='^#'
if [ "${1:-}" = "--inputs-only" ]; then compared='^(#|out |vout |write )'; shift; fi
workdir=$1
shift
fuzz=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do fuzz+=("$1"); shift; done
[ $# -gt 1 ] || { echo "usage: cross_check.sh WORKDIR SAE_FUZZ... -- RUNNER..." >&2; exit 2; }
shift
mkdir -p "$workdir"
unicorn=$workdir/unicorn.trace runner=$workdir/runner.trace
"${fuzz[@]}" --reference unicorn --write-corpus "$unicorn" --max-reports 0 \
  >"$workdir/sae-fuzz.log" 2>&1
status=$?
if [ "$status" -gt 1 ] || ! grep -q '^case ' "$unicorn"; then
  echo "FAILED: sae-fuzz exited with status $status (log: $workdir/sae-fuzz.log)"
  exit 1
fi
"$@" <"$unicorn" >"$runner" || { echo "FAILED: the runner exited with status $?"; exit 1; }
cases=$(grep -c '^case ' "$unicorn")
first=$(diff <(grep -Ev "$compared" "$unicorn") <(grep -Ev "$compared" "$runner") |
        grep -m1 -oE '^[0-9]+')
if [ -n "$first" ]; then
  case_line=$(grep -Ev "$compared" "$unicorn" | head -n "$first" | grep '^case ' | tail -n 1)
  if [ "$compared" = '^#' ]; then
    echo "FAILED: Unicorn and the arm64 runner disagree, first in '$case_line'"
  else
    echo "FAILED: the arm64 runner's cases differ from its input, first in '$case_line'"
  fi
  diff <(grep -Ev "$compared" "$unicorn") <(grep -Ev "$compared" "$runner") | head -n 20
  echo "(traces: $unicorn $runner)"
  exit 1
fi
if [ "$compared" = '^#' ]; then
  echo "ok: Unicorn and the arm64 runner agree on all $cases cases"
else
  echo "ok: the arm64 runner answered all $cases cases:"
  grep '^out ' "$runner" | awk '{print $NF}' | sort | uniq -c
fi
