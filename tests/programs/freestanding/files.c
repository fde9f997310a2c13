// Files through system calls: create, write, seek, read back, fstat, unlink.
#include "runtime.h"

int main(int argc, char** argv, char** envp) {
  (void)envp;
  if (argc < 2) return 2;
  const char* path = argv[1];
  const i64 fd = SYSCALL3(SYS_openat, -100, path, 0102 | 01000);  // O_RDWR | O_CREAT | O_TRUNC
  if (fd < 0) {
    put("open failed\n");
    return 1;
  }
  const char text[] = "line one\nline two\n";
  put_number(SYSCALL3(SYS_write, fd, text, sizeof text - 1));
  put(" bytes written\n");
  put_number(SYSCALL3(SYS_lseek, fd, 5, 0));
  put(" after seek\n");
  char buffer[32] = {0};
  const i64 got = SYSCALL3(SYS_read, fd, buffer, 8);
  put_number(got);
  put(" bytes read: ");
  put(buffer);
  put("\n");
  unsigned char status[128];
  SYSCALL3(SYS_fstat, fd, status, 0);
  const i64 size = *(i64*)(status + 48);
  const unsigned mode = *(unsigned*)(status + 16);
  put("size ");
  put_number(size);
  put((mode & 0170000) == 0100000 ? ", a regular file\n" : ", not a regular file\n");
  SYSCALL3(SYS_close, fd, 0, 0);
  put(SYSCALL3(SYS_unlinkat, -100, path, 0) == 0 ? "unlinked\n" : "unlink failed\n");
  put(SYSCALL3(SYS_openat, -100, path, 0) == -2 ? "gone (ENOENT)\n" : "still there\n");
  return 0;
}
