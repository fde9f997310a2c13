# Checksums, encodings and archives with busybox sh: md5sum, sha1sum, sha256sum, sha512sum,
# sha3sum, crc32, od, hexdump, xxd, base64, uuencode, uudecode, gzip, gunzip, zcat, bzip2, bunzip2,
# tar, cpio, dd, cmp, diff, patch, strings, truncate.
set -eu
cd "$(mktemp -d)"
trap 'cd / && rm -rf "$OLDPWD"' EXIT

# Deterministic input with every byte value and some repetition, so compressors have work.
awk 'BEGIN { for (i = 0; i < 64; i++) { x = ""; for (j = 0; j < i % 13; j++) x = x "x"
                                       printf "line %d of the test input, %s\n", i, x } }' > text
awk 'BEGIN { for (i = 0; i < 256; i++) printf "%c", i }' > bytes
cat text bytes text > data

echo "== checksums"
md5sum text bytes data
sha1sum data
sha256sum text bytes data
sha512sum bytes
sha3sum data
crc32 data
sha256sum text bytes > sums && sha256sum -c sums

echo "== dumps"
od -A x -t x1 bytes | head -n 4
od -t d2 -N 16 text
hexdump -C text | head -n 3
xxd -l 48 bytes
xxd -p -l 24 text | xxd -r -p

echo "== encodings"
base64 bytes | head -n 3
base64 data | base64 -d | cmp - data && echo "base64 round trip"
uuencode -m data data.b64 > encoded && uudecode -o decoded encoded && cmp decoded data && echo "uuencode round trip"

echo "== compressors"
gzip -9 -c data > data.gz
gunzip -c data.gz | sha256sum
zcat data.gz | cmp - data && echo "gzip round trip"
gzip -t data.gz && echo "gzip -t"
bzip2 -c data > data.bz2 && bunzip2 -c data.bz2 | cmp - data && echo "bzip2 round trip"
ls -l data data.gz data.bz2 | awk '{ print $5, $NF }'

echo "== tar and cpio"
mkdir -p tree/sub/deeper
cp text tree/a
cp bytes tree/sub/b
echo deep > tree/sub/deeper/c
touch -d '2021-06-01 12:00:00' tree/a tree/sub/b tree/sub/deeper/c tree/sub/deeper tree/sub tree
tar -cf tree.tar tree
tar -tvf tree.tar | awk '{ print $1, $3, $4, $5, $6 }'
mkdir out && tar -xf tree.tar -C out && diff -r tree out/tree && echo "tar round trip"
tar -czf tree.tgz tree && tar -xzOf tree.tgz tree/sub/deeper/c
find tree | sort | cpio -o -H newc 2>/dev/null > tree.cpio
mkdir cpio-out && cd cpio-out && cpio -i -d < ../tree.cpio 2>/dev/null && cd .. && diff -r tree cpio-out/tree && echo "cpio round trip"

echo "== dd, cmp, diff, patch"
dd if=data of=middle bs=16 skip=4 count=8 2>/dev/null && od -c middle | head -n 2
dd if=bytes bs=1 skip=65 count=26 2>/dev/null; echo
sed 's/line 7 /line seven /; /line 40 /d' text > changed
cmp text changed || echo "cmp status $?"
diff -u text changed > fix.patch || echo "diff status $?"
sed -n '3,$p' fix.patch
cp text patched && patch patched fix.patch && cmp patched changed && echo "patch applied"
strings -n 8 data | head -n 2
cp data truncated && truncate -s 100 truncated && wc -c < truncated
