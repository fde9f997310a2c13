// The heap and anonymous and file mappings: brk grows and shrinks, mmap finds room, and what is
// written reads back.
#include "runtime.h"

static u64 checksum(const unsigned char* bytes, u64 size) {
  u64 sum = 0;
  for (u64 i = 0; i < size; ++i) sum = sum * 31 + bytes[i];
  return sum;
}

int main(int argc, char** argv, char** envp) {
  (void)argc, (void)envp;
  const u64 start = (u64)SYSCALL3(SYS_brk, 0, 0, 0);
  const u64 grown = (u64)SYSCALL3(SYS_brk, start + 100000, 0, 0);
  put(grown == start + 100000 ? "brk grew\n" : "brk did not grow\n");
  unsigned char* heap = (unsigned char*)start;
  for (u64 i = 0; i < 100000; ++i) heap[i] = (unsigned char)(i * 7);
  put("heap checksum ");
  put_hex(checksum(heap, 100000));
  put("\n");
  put((u64)SYSCALL3(SYS_brk, start, 0, 0) == start ? "brk shrank\n" : "brk did not shrink\n");

  const u64 size = 1 << 20;
  unsigned char* map = (unsigned char*)syscall6(SYS_mmap, 0, size, 3, 0x22, -1, 0);  // RW, private anonymous
  put((i64)map > 0 ? "mmap anonymous\n" : "mmap anonymous failed\n");
  int zero = 1;
  for (u64 i = 0; i < size; ++i) zero &= map[i] == 0;
  put(zero ? "zero filled\n" : "not zero filled\n");
  for (u64 i = 0; i < size; ++i) map[i] = (unsigned char)(i ^ (i >> 8));
  put("mapping checksum ");
  put_hex(checksum(map, size));
  put("\n");
  put(SYSCALL3(SYS_munmap, map, size, 0) == 0 ? "munmap\n" : "munmap failed\n");

  // The program itself, mapped from its file: its ELF magic.
  const i64 fd = SYSCALL3(SYS_openat, -100, argv[0], 0);
  const unsigned char* file = (const unsigned char*)syscall6(SYS_mmap, 0, 4096, 1, 2, fd, 0);
  put(fd >= 0 && (i64)file > 0 && file[0] == 0x7f && file[1] == 'E' ? "file mapping reads the ELF header\n"
                                                                     : "file mapping failed\n");
  SYSCALL3(SYS_close, fd, 0, 0);
  return 0;
}
