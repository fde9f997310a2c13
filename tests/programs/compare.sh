#!/usr/bin/env bash
# compare.sh STATUS [OPTIONS] PROGRAM [ARGS...]: runs an arm64 program under sae-run ($SAE_RUN, a
# command line) and under qemu-aarch64 ($QEMU_AARCH64) and fails unless both exit with STATUS and
# print the same stdout (and, when the program exits normally, the same stderr). A guest killed by
# a signal is reported differently by each (sae-run: at most one line), so only the status is
# compared then. Options:
#   -L ROOT           the arm64 root both look absolute paths up in first (dynamic programs)
#   --sae-path DIR    put DIR first in PATH for sae-run's run
#   --qemu-path DIR   put DIR first in PATH for qemu-aarch64's run
# (qemu-aarch64 cannot execute an arm64 program the guest execs, sae-run can: for programs that
# exec others by name, each run gets a directory of what runs there.)
set -uo pipefail
expected=$1
shift
root=() sae_path="" qemu_path=""
while [ $# -gt 0 ]; do
  case "$1" in
    -L) root=(-L "$2"); shift 2 ;;
    --sae-path) sae_path=$2:; shift 2 ;;
    --qemu-path) qemu_path=$2:; shift 2 ;;
    *) break ;;
  esac
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
read -r -a sae_run <<<"$SAE_RUN"
PATH=$sae_path$PATH "${sae_run[@]}" "${root[@]}" "$@" >"$dir/sae.out" 2>"$dir/sae.err"
sae_status=$?
PATH=$qemu_path$PATH "$QEMU_AARCH64" "${root[@]}" "$@" >"$dir/qemu.out" 2>"$dir/qemu.err"
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
