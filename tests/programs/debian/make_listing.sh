#!/usr/bin/env bash
# make_listing.sh DIR: a directory tree with fixed contents, modes and times (UTC), for Debian's
# programs to list, sort and checksum under sae-run and qemu-aarch64.
set -euo pipefail
dir=$1
rm -rf "$dir"
mkdir -p "$dir/src/lib" "$dir/docs" "$dir/empty"
printf 'banana,12,yellow\napple,3,red\ncherry,7,red\nelderberry,40,purple\ndate,1,brown\nfig,7,purple\ngrape,21,green\n' > "$dir/fruits.csv"
printf 'int main(void) { return 0; }\n' > "$dir/src/main.c"
printf 'int add(int a, int b) { return a + b; }\n' > "$dir/src/lib/add.c"
seq 1 2000 > "$dir/docs/numbers.txt"
printf 'The quick brown fox\njumps over\nthe lazy dog.\n' > "$dir/docs/fox.txt"
ln -s ../docs/fox.txt "$dir/src/fox-link"
chmod 600 "$dir/src/lib/add.c"
chmod 751 "$dir/src"
find "$dir" -exec touch -h -d '2022-03-04 05:06:07 UTC' {} +
touch -d '1999-12-31 23:59:59 UTC' "$dir/docs/fox.txt"
