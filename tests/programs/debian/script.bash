# bash's own work, no other programs: functions, arrays, associative arrays, arithmetic, string
# operations, here-strings, pattern matching, printf.
set -euo pipefail
declare -A colours=()
declare -a names=()
while IFS=, read -r name count colour; do
  names+=("$name")
  colours[$colour]=$(( ${colours[$colour]:-0} + count ))
done < "$1"
printf '%s\n' "${#names[@]} fruits: ${names[*]}"
for colour in brown green purple red yellow; do
  printf '%-8s %3d\n' "$colour" "${colours[$colour]}"
done
collatz() {
  local n=$1 steps=0
  while (( n != 1 )); do
    if (( n % 2 )); then n=$(( 3 * n + 1 )); else n=$(( n / 2 )); fi
    (( ++steps ))
  done
  echo "$steps"
}
echo "collatz 27: $(collatz 27)"
word="Translation"
echo "${word^^} ${word,,} ${word:3:4} ${word//a/4} ${#word} ${word%tion}"
[[ $word =~ ^T(.*)n$ ]] && echo "match: ${BASH_REMATCH[1]}"
read -r -a parts <<< "one two three"
echo "last: ${parts[-1]}, reversed: $(for (( i=${#parts[@]}-1; i>=0; i-- )); do printf '%s ' "${parts[i]}"; done)"
printf '%x %o %05d%% %q\n' 255 8 125 "a b"
