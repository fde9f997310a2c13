# Files and directories with busybox sh: mkdir, touch, ls, stat, find, cp, mv, rm, rmdir, ln,
# readlink, realpath, basename, dirname, chmod, du, mkfifo, mktemp, test, xargs, wc, sort.
set -eu
cd "$(mktemp -d)"
trap 'cd / && rm -rf "$OLDPWD"' EXIT

echo "== a tree with fixed contents and times"
mkdir -p project/src/lib project/docs project/empty
printf 'int main(void) { return 0; }\n' > project/src/main.c
printf 'int add(int a, int b) { return a + b; }\n' > project/src/lib/add.c
printf '# Project\n\nNotes.\n' > project/docs/README.md
seq 1000 > project/docs/numbers.txt
ln -s ../docs/README.md project/src/readme-link
ln project/docs/numbers.txt project/docs/hard-link
chmod 600 project/src/lib/add.c
chmod 751 project/src
find project -exec touch -h -d '2022-03-04 05:06:07' {} +
touch -d '1999-12-31 23:59:59' project/docs/README.md

ls -ln project
ls -lnR project/src | sed 's/^total .*/total/'
ls -1a project/docs
ls -lnd --full-time project/docs/README.md 2>/dev/null || ls -lnde project/docs/README.md
stat -c '%n %s %a %F %h %Y' project/docs/numbers.txt project/src/readme-link project/src
stat -L -c '%n %s %F' project/src/readme-link

echo "== find"
find project -type f | sort
find project -name '*.c' -size -2k | sort
find project -newer project/docs/README.md -type f | sort
find project -type l -exec readlink {} \;
find project -empty
find project -perm 600
wc -l $(find project -type f -name '*.txt' | sort)

echo "== copy, move, remove"
cp -a project copy
diff -r project copy && echo "copies equal"
ls -ln copy/docs/README.md | awk '{ print $1, $5, $6, $7, $8 }'
mv copy/docs copy/documents
ls copy
cp copy/src/main.c copy/src/main2.c
cmp copy/src/main.c copy/src/main2.c && echo "cp equal"
rm copy/src/main2.c
rmdir copy/empty
rm -r copy/documents
find copy | sort
rm -rf copy
[ -e copy ] || echo "copy removed"

echo "== names"
basename /usr/lib/libc.so.6 .6
dirname /usr/lib/libc.so.6
basename project/src/main.c .c
readlink project/src/readme-link
realpath project/src/readme-link | sed "s|^$PWD|.|"
readlink -f project/src/../docs/./README.md | sed "s|^$PWD|.|"

echo "== tests and sizes"
[ -d project ] && [ -f project/src/main.c ] && [ -L project/src/readme-link ] && echo "types"
[ -x project/src ] && [ ! -x project/docs/README.md ] && echo "permissions"
[ project/docs/numbers.txt -nt project/docs/README.md ] && echo "newer"
[ -s project/docs/numbers.txt ] && [ ! -s /dev/null ] && echo "sizes"
du -s project/docs/numbers.txt | awk '{ print ($1 > 0) }'
wc -c project/docs/numbers.txt
mkfifo pipe
[ -p pipe ] && echo "fifo"
(seq 3 > pipe &) ; cat pipe
file=$(mktemp -p .) && [ -f "$file" ] && echo "mktemp file" && rm "$file"
