// A few lines of runtime for arm64 test programs that need no C library (and so no FP/SIMD
// code): the entry point, raw system calls, and output helpers. Each program defines
// `int main(int argc, char** argv, char** envp)`.
#pragma once

typedef unsigned long u64;
typedef long i64;

int main(int argc, char** argv, char** envp);

static inline i64 syscall6(i64 number, i64 a, i64 b, i64 c, i64 d, i64 e, i64 f) {
  register i64 x8 __asm__("x8") = number;
  register i64 x0 __asm__("x0") = a;
  register i64 x1 __asm__("x1") = b;
  register i64 x2 __asm__("x2") = c;
  register i64 x3 __asm__("x3") = d;
  register i64 x4 __asm__("x4") = e;
  register i64 x5 __asm__("x5") = f;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5) : "memory");
  return x0;
}
#define SYSCALL3(n, a, b, c) syscall6((n), (i64)(a), (i64)(b), (i64)(c), 0, 0, 0)

enum { SYS_openat = 56, SYS_close = 57, SYS_getdents64 = 61, SYS_lseek = 62, SYS_read = 63,
       SYS_write = 64, SYS_fstat = 80, SYS_exit_group = 94, SYS_uname = 160, SYS_getpid = 172,
       SYS_brk = 214, SYS_munmap = 215, SYS_mmap = 222, SYS_unlinkat = 35, SYS_clock_gettime = 113,
       SYS_getrandom = 278 };

static inline u64 length(const char* text) {
  u64 n = 0;
  while (text[n] != 0) ++n;
  return n;
}
static inline void put(const char* text) { SYSCALL3(SYS_write, 1, text, length(text)); }
static inline void put_number(i64 value) {
  char digits[24];
  int at = 23;
  digits[at] = 0;
  const int negative = value < 0;
  u64 magnitude = negative ? (u64)(-value) : (u64)value;
  do {
    digits[--at] = (char)('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (negative) digits[--at] = '-';
  put(digits + at);
}
static inline void put_hex(u64 value) {
  char digits[17];
  for (int i = 15; i >= 0; --i, value >>= 4) digits[i] = "0123456789abcdef"[value & 15];
  digits[16] = 0;
  put(digits);
}
static inline int same(const char* a, const char* b) {
  while (*a != 0 && *a == *b) ++a, ++b;
  return *a == *b;
}

// The kernel starts a process with argc at [sp], then argv, NULL, envp, NULL, auxv.
void start_c(u64* sp) {
  const int argc = (int)sp[0];
  char** argv = (char**)(sp + 1);
  char** envp = argv + argc + 1;
  syscall6(SYS_exit_group, main(argc, argv, envp), 0, 0, 0, 0, 0);
}
__asm__(".global _start\n_start:\n  mov x0, sp\n  bl start_c\n");
