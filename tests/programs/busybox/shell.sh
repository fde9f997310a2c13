# The shell itself and its arithmetic helpers: loops, functions, case, here-documents, read,
# subshells, pipes, traps, exit statuses; expr, seq, printf, test, factor, bc, dc, date (fixed
# dates only), yes, head, true, false, sleep, getopt, xargs, kill.
set -u

echo "== loops and functions"
fibonacci() {
  local a=0 b=1 n=$1
  while [ "$n" -gt 0 ]; do
    printf '%d ' "$a"
    local next=$((a + b))
    a=$b
    b=$next
    n=$((n - 1))
  done
  echo
}
fibonacci 20
for word in alpha beta gamma; do
  case $word in
    a*) echo "$word starts with a" ;;
    *m*) echo "$word has an m" ;;
    *) echo "$word is other" ;;
  esac
done
i=0
until [ $i -ge 5 ]; do i=$((i + 1)); [ $i -eq 3 ] && continue; printf '%s.' $i; done
echo
total=0
for n in $(seq 1 100); do total=$((total + n * n)); done
echo "sum of squares $total"
printf '%s\n' "x=1" "y=22" "z=333" | while IFS== read -r name value; do
  echo "$name has ${#value} digits"
done

echo "== here-documents, subshells, pipes"
cat <<END | tr a-z A-Z
shell $(echo substitution) and $((6 * 7))
END
(cd /; pwd)
pwd_before=$PWD; (cd / && exit 3); echo "subshell status $?, still in place: $([ "$PWD" = "$pwd_before" ] && echo yes)"
echo one two three | { read -r first rest; echo "first=$first rest=$rest"; }
seq 50 | grep 7 | sort -r | head -n 3 | tr '\n' ' '
echo
false | true; echo "pipeline status $?"
set -o pipefail; false | true; echo "pipefail status $?"; set +o pipefail
x=$(exit 7); echo "command substitution status $?"

echo "== arithmetic"
expr 7 \* 6
expr length "busybox"
expr substr "translation" 3 5
expr 100 / 7 % 5
expr "abc123" : '[a-z]*\([0-9]*\)'
echo $(( (1 << 40) + 0x10 - 010 ))
echo $(( -17 / 5 )) $(( -17 % 5 )) $(( 2 ** 31 ))
factor 360 9973 1000000007
echo '2^100' | bc
echo 'scale=0; 12345678901234567890 * 98765432109876543210' | bc
echo '17 5 / p 17 5 % p' | dc
seq -w 8 3 20 | tr '\n' ' '
echo
seq 5 -2 -5 | paste -s -d,
printf '%5d|%-5d|%05x|%o|%c|%s|%%\n' 42 42 255 8 A text
printf '%s=%d\n' a 1 b 2

echo "== dates (fixed)"
export TZ=UTC
date -d @0 '+%Y-%m-%d %H:%M:%S %A'
date -d '2024-02-28 12:00:00' '+%j %U %a %b %d'
date -u -d @1700000000 '+%F %T %s'
leap=$(date -d '2024-03-01 00:00:00' +%s)
before=$(date -d '2024-02-28 00:00:00' +%s)
echo "days from 2024-02-28 to 2024-03-01: $(( (leap - before) / 86400 ))"
date -d @$(( $(date -d '2000-01-01 00:00:00' +%s) + 10000 * 86400 )) +%F
date -D '%d/%m/%Y' -d '25/12/2023' '+%A %s'

echo "== traps, signals, statuses"
trap 'echo "trap on exit"' EXIT
sh -c 'trap "echo got TERM; exit 4" TERM; kill -TERM $$; sleep 5'; echo "status $?"
sh -c 'kill -KILL $$'; echo "killed status $?"
sh -c 'exit 300'; echo "exit 300 is $?"
yes | head -n 3
yes abc | head -c 11; echo
sleep 0 && true && ! false && echo "true and false"
getopt -o ab:c -- -a -b value -c rest 2>/dev/null || getopt ab:c -a -b value -c rest
echo a b c d e | xargs -n 2 echo pair
printf '%s\0' x y | xargs -0 -I{} echo "item {}"
command -v echo
type cd | head -n 1
