// Files and directories through the C library: create, write, read back at offsets, truncate,
// metadata with fixed times, links, renames, a sorted directory listing, descriptors duplicated
// and flags changed, all under a fresh temporary directory that is removed at the end.
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void check(int ok, const char* what) {
  if (!ok) {
    printf("%s failed: %s\n", what, strerror(errno));
    exit(1);
  }
}

// ".." is whatever holds the directory: not the test's.
static int not_parent(const struct dirent* entry) { return strcmp(entry->d_name, "..") != 0; }

static int by_name(const struct dirent** a, const struct dirent** b) { return strcmp((*a)->d_name, (*b)->d_name); }

static void list(const char* dir) {
  struct dirent** entries;
  const int count = scandir(dir, &entries, not_parent, by_name);
  check(count >= 0, "scandir");
  for (int i = 0; i < count; ++i) {
    struct stat status;
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, entries[i]->d_name);
    check(lstat(path, &status) == 0, "lstat");
    printf("  %-10s %06o %5lld %ld\n", entries[i]->d_name, (unsigned)status.st_mode, (long long)status.st_size,
           S_ISDIR(status.st_mode) ? 0L : (long)status.st_mtime);
    free(entries[i]);
  }
  free(entries);
}

int main(void) {
  char dir[] = "/tmp/sae-files-XXXXXX";
  check(mkdtemp(dir) != NULL, "mkdtemp");
  check(chdir(dir) == 0, "chdir");
  umask(022);

  int fd = open("data", O_CREAT | O_RDWR | O_TRUNC, 0644);
  check(fd >= 0, "open");
  for (int i = 0; i < 100; ++i) dprintf(fd, "record %03d\n", i);
  char record[12] = {0};
  check(pread(fd, record, 11, 11 * 42) == 11, "pread");
  printf("record 42: %s", record);
  check(pwrite(fd, "RECORD", 6, 11 * 7) == 6, "pwrite");
  check(lseek(fd, -11, SEEK_END) == 11 * 99, "lseek");
  check(read(fd, record, 11) == 11, "read");
  printf("last: %s", record);
  check(ftruncate(fd, 11 * 10) == 0, "ftruncate");
  struct stat status;
  check(fstat(fd, &status) == 0, "fstat");
  printf("size after truncate %lld, regular %d\n", (long long)status.st_size, S_ISREG(status.st_mode));

  const int copy = dup(fd);
  check(copy > fd, "dup");
  check(fcntl(copy, F_SETFD, FD_CLOEXEC) == 0 && fcntl(copy, F_GETFD) == FD_CLOEXEC, "FD_CLOEXEC");
  check(fcntl(fd, F_SETFL, O_APPEND) == 0 && (fcntl(fd, F_GETFL) & O_APPEND), "O_APPEND");
  check(write(fd, "appended\n", 9) == 9, "append");
  close(copy);
  close(fd);

  FILE* stream = fopen("data", "r");
  check(stream != NULL, "fopen");
  char line[64];
  int lines = 0;
  while (fgets(line, sizeof line, stream) != NULL) {
    if (++lines == 8 || strncmp(line, "app", 3) == 0) printf("line %d: %s", lines, line);
  }
  fclose(stream);

  check(mkdir("sub", 0750) == 0, "mkdir");
  check(mkdir("sub", 0750) != 0 && errno == EEXIST, "mkdir twice");
  check(symlink("../data", "sub/link") == 0, "symlink");
  check(link("data", "hard") == 0, "link");
  check(rename("hard", "sub/moved") == 0, "rename");
  char target[64] = {0};
  check(readlink("sub/link", target, sizeof target - 1) == 7, "readlink");
  printf("link -> %s\n", target);
  check(chmod("sub/moved", 0600) == 0, "chmod");
  const struct timespec times[2] = {{1000000000, 0}, {1234567890, 500}};
  check(utimensat(AT_FDCWD, "data", times, 0) == 0, "utimensat");
  check(utimensat(AT_FDCWD, "sub/link", times, AT_SYMLINK_NOFOLLOW) == 0, "utimensat link");
  check(stat("sub/link", &status) == 0, "stat");
  printf("through the link: nlink %ld mtime %ld.%09ld\n", (long)status.st_nlink, (long)status.st_mtim.tv_sec,
         status.st_mtim.tv_nsec);
  struct statx extended;
  check(statx(AT_FDCWD, "data", 0, STATX_SIZE | STATX_MTIME, &extended) == 0, "statx");
  printf("statx size %llu mtime %lld\n", (unsigned long long)extended.stx_size, (long long)extended.stx_mtime.tv_sec);
  check(access("data", R_OK | W_OK) == 0 && access("missing", F_OK) != 0 && errno == ENOENT, "access");
  printf("listing .\n");
  list(".");
  printf("listing sub\n");
  list("sub");

  check(unlink("sub/link") == 0 && unlink("sub/moved") == 0 && rmdir("sub") == 0, "unlink");
  check(rmdir(".") != 0, "rmdir of the working directory");
  check(unlink("data") == 0 && chdir("/") == 0 && rmdir(dir) == 0, "cleanup");
  printf("removed\n");
  return 0;
}
