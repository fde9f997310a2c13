// Threads: clone(CLONE_THREAD) four times; each adds to a shared counter with atomics; the main
// thread waits for each through the futex word CLONE_CHILD_CLEARTID zeroes at its exit.
#include "runtime.h"

enum { SYS_futex = 98, SYS_clone = 220 };
enum { FUTEX_WAIT = 0 };
enum { kThreads = 4, kAdds = 20000 };
#define THREAD_FLAGS 0x3d0f00  // VM FS FILES SIGHAND THREAD SYSVSEM PARENT_SETTID CHILD_CLEARTID

static unsigned long counter;
static unsigned char stacks[kThreads][16384] __attribute__((aligned(16)));
static volatile int tids[kThreads];

static void add(void* argument) {
  (void)argument;
  for (int i = 0; i < kAdds; ++i) __atomic_fetch_add(&counter, 1, __ATOMIC_SEQ_CST);
}

// Runs function(argument) on a new thread on `stack_top`; returns its thread id.
static i64 spawn(void (*function)(void*), void* argument, void* stack_top, volatile int* tid) {
  register i64 x8 __asm__("x8") = SYS_clone;
  register i64 x0 __asm__("x0") = THREAD_FLAGS;
  register i64 x1 __asm__("x1") = (i64)stack_top;
  register i64 x2 __asm__("x2") = (i64)tid;
  register i64 x3 __asm__("x3") = 0;
  register i64 x4 __asm__("x4") = (i64)tid;
  register i64 x9 __asm__("x9") = (i64)function;
  register i64 x10 __asm__("x10") = (i64)argument;
  __asm__ volatile(
      "svc #0\n"
      "cbnz x0, 1f\n"
      "mov x0, x10\n"
      "blr x9\n"
      "mov x0, #0\n"
      "mov x8, #93\n"  // exit: this thread only
      "svc #0\n"
      "1:\n"
      : "+r"(x0)
      : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x9), "r"(x10)
      : "memory", "x30");
  return x0;
}

int main(int argc, char** argv, char** envp) {
  (void)argc, (void)argv, (void)envp;
  i64 ids[kThreads];
  for (int i = 0; i < kThreads; ++i) ids[i] = spawn(add, 0, stacks[i] + sizeof stacks[i], &tids[i]);
  for (int i = 0; i < kThreads; ++i) {
    int value;
    while ((value = tids[i]) != 0) syscall6(SYS_futex, (i64)&tids[i], FUTEX_WAIT, value, 0, 0, 0);
  }
  int distinct = 1;
  for (int i = 0; i < kThreads; ++i) {
    distinct &= ids[i] > 0;
    for (int j = 0; j < i; ++j) distinct &= ids[i] != ids[j];
  }
  put(distinct ? "four threads with distinct ids\n" : "thread ids wrong\n");
  put("counter ");
  put_number((i64)counter);
  put("\n");
  return 0;
}
