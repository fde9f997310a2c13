# Text processing applets of busybox sh, in pipelines: awk, sed, grep, sort, uniq, cut, tr, head,
# tail, wc, nl, rev, fold, paste, tac, expand, tee, cat, seq, printf, echo.
set -eu
cd "$(mktemp -d)"
trap 'cd / && rm -rf "$OLDPWD"' EXIT

cat > fruits <<'END'
apple,3,red
banana,12,yellow
cherry,7,red
date,1,brown
elderberry,40,purple
fig,7,purple
grape,21,green
END

echo "== awk"
awk -F, '{ total += $2; count[$3]++ } END { printf "total %d over %d\n", total, NR; for (c in count) print c, count[c] }' fruits | sort
awk -F, '$2 > 5 { print toupper(substr($1, 1, 1)) substr($1, 2), length($1) }' fruits
awk 'BEGIN { for (i = 1; i <= 5; i++) { f = f * i + (i == 1); printf "%d! = %d\n", i, f } }'
seq 1 20 | awk '{ s = s $1 % 7 } END { print s; print index(s, "60"), split(s, parts, "0") }'

echo "== sed"
sed -n '2,4p' fruits
sed -e 's/,[0-9]*,/ is /' -e '/purple/d' -e 's/^\(.\)\(.*\)/\2\1/' fruits
sed '1!G;h;$!d' fruits | head -n 2
printf 'one\ntwo\nthree\n' | sed -E 's/(o+)/[\1]/g; y/abcdefghijklmnopqrstuvwxyz/ABCDEFGHIJKLMNOPQRSTUVWXYZ/'

echo "== grep"
grep -c red fruits
grep -n -E '^(b|g)' fruits
grep -v -i RED fruits | grep -o '[0-9][0-9]*' | tr '\n' ' '
echo
grep -q purple fruits && echo "has purple"
grep -w -e fig -e date fruits
egrep 'rr|ap' fruits | wc -l

echo "== sort and uniq"
sort -t, -k2,2n fruits | cut -d, -f1 | tr '\n' ' '
echo
sort -t, -k3,3 -k1,1r fruits | head -n 3
cut -d, -f3 fruits | sort | uniq -c | sort -k1,1nr -k2 | sed 's/^ *//'
printf '%s\n' b a c a b a | sort -u | paste -s -d:
seq 10 | sort -rn | head -3 | tac

echo "== cut, tr, head, tail, wc"
cut -c1-3 fruits | paste -d' ' - - - -
echo "Hello, World" | tr 'a-zA-Z' 'n-za-mN-ZA-M'
echo "aaa   bbb  ccc" | tr -s ' ' | tr -d 'b'
head -c 20 fruits | od -c | head -n 2
tail -n 2 fruits
tail -c 7 fruits
wc < fruits
wc -l -w fruits | awk '{ print $1, $2 }'

echo "== nl, rev, fold, expand, tee"
nl -ba -w3 -s': ' fruits | head -n 3
echo "stressed desserts" | rev
echo "the quick brown fox jumps over the lazy dog" | fold -w 10
printf 'a\tb\tc\n' | expand -t 4 | od -An -c
seq 3 | tee copy | sed 's/^/seen /'
cat copy copy | wc -l
