# `make run`'s arm64 program: this script, run by Debian's busybox-static for arm64 under sae-run.
echo "Hello from $(uname -m) busybox $(busybox | head -n 1 | cut -d' ' -f2), translated to s390x by libsae"
echo "Primes below 50:"
n=2
while [ $n -lt 50 ]; do
  d=2
  while [ $((d * d)) -le $n ] && [ $((n % d)) -ne 0 ]; do d=$((d + 1)); done
  [ $((d * d)) -gt $n ] && printf '%d ' $n
  n=$((n + 1))
done
echo
echo "Word counts of a sentence, by awk and sort:"
echo "the cat saw the dog and the dog saw the cat" | awk '{ for (i = 1; i <= NF; i++) count[$i]++ }
  END { for (w in count) print count[w], w }' | sort -k1,1nr -k2
echo "sha256 of 'libsae': $(printf libsae | sha256sum | cut -c1-16)..."
