#!/usr/bin/env bash
# compare.sh STATUS PROGRAM [ARGS...]: runs an arm64 program under sae-run ($SAE_RUN, a command
# line) and under qemu-aarch64 ($QEMU_AARCH64) and fails unless both exit with STATUS and print
# the same stdout (and, when the program exits normally, the same stderr). A guest killed by a
# signal is reported differently by each (sae-run: at most one line), so only the status is
# compared then.
set -uo pipefail
expected=$1
shift
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
read -r -a sae_run <<<"$SAE_RUN"
"${sae_run[@]}" "$@" >"$dir/sae.out" 2>"$dir/sae.err"
sae_status=$?
"$QEMU_AARCH64" "$@" >"$dir/qemu.out" 2>"$dir/qemu.err"
qemu_status=$?
failed=0
if [ "$sae_status" != "$expected" ] || [ "$qemu_status" != "$expected" ]; then
  echo "exit status: sae-run $sae_status, qemu-aarch64 $qemu_status, expected $expected"
  failed=1
fi
if ! diff -u "$dir/qemu.out" "$dir/sae.out"; then
  echo "stdout differs (- qemu-aarch64, + sae-run)"
  failed=1
fi
if [ "$expected" -lt 128 ] && ! diff -u "$dir/qemu.err" "$dir/sae.err"; then
  echo "stderr differs (- qemu-aarch64, + sae-run)"
  failed=1
fi
if [ "$expected" -ge 128 ] && [ "$(wc -l <"$dir/sae.err")" -gt 1 ]; then
  echo "sae-run's report of the guest's death is more than one line:"
  cat "$dir/sae.err"
  failed=1
fi
[ $failed = 0 ] && echo "same output and status ($expected) under sae-run and qemu-aarch64"
exit $failed
