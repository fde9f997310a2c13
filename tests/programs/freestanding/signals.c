// Signals: a handler for the program's own fault that resumes it past the faulting instruction
// through the signal frame, kill() of itself with a handler, a blocked signal delivered when
// unblocked, a handler on the alternate stack, and finally a signal with the default action.
#include "runtime.h"

enum { SYS_sigaltstack = 132, SYS_rt_sigaction = 134, SYS_rt_sigprocmask = 135, SYS_kill = 129 };
enum { SIGILL = 4, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGTERM = 15 };
enum { SA_SIGINFO = 4, SA_RESTORER = 0x04000000, SA_ONSTACK = 0x08000000 };

void restorer(void);
__asm__(".global restorer\nrestorer:\n  mov x8, #139\n  svc #0\n");

struct action {
  u64 handler, flags, restorer, mask;
};
static void handle(int signal, void (*handler)(int, void*, void*), u64 flags) {
  struct action action = {(u64)handler, flags | SA_SIGINFO | SA_RESTORER, (u64)restorer, 0};
  syscall6(SYS_rt_sigaction, signal, (i64)&action, 0, 8, 0, 0);
}

static volatile int counter;
static unsigned char alternate[16384];

// The ucontext's saved PC: mcontext at 176, pc at 264 in it.
static u64* saved_pc(void* ucontext) { return (u64*)((unsigned char*)ucontext + 176 + 264); }

static void on_fault(int signal, void* info, void* ucontext) {
  put(signal == SIGSEGV ? "SIGSEGV" : "SIGILL");
  put(" caught, address ");
  put_hex(*(u64*)((unsigned char*)info + 16));
  put("\n");
  *saved_pc(ucontext) += 4;  // resume after the faulting instruction
}
static void on_user(int signal, void* info, void* ucontext) {
  (void)info, (void)ucontext;
  counter += signal;
}
static void on_alternate(int signal, void* info, void* ucontext) {
  (void)signal, (void)info, (void)ucontext;
  unsigned char here;
  const int inside = &here >= alternate && &here < alternate + sizeof alternate;
  put(inside ? "handler ran on the alternate stack\n" : "handler not on the alternate stack\n");
}

int main(int argc, char** argv, char** envp) {
  (void)argv, (void)envp;
  const i64 pid = SYSCALL3(SYS_getpid, 0, 0, 0);

  handle(SIGSEGV, on_fault, 0);
  volatile int* volatile null = (int*)(u64)(argc - 1);
  *null = 1;
  put("resumed after the fault\n");
  handle(SIGILL, on_fault, 0);
  __asm__ volatile(".word 0x00000000");  // udf #0
  put("resumed after UNDEFINED\n");

  handle(SIGUSR1, on_user, 0);
  SYSCALL3(SYS_kill, pid, SIGUSR1, 0);
  put("after kill: counter ");
  put_number(counter);
  put("\n");

  handle(SIGUSR2, on_user, 0);
  u64 set = 1ul << (SIGUSR2 - 1), old = 0;
  syscall6(SYS_rt_sigprocmask, 0, (i64)&set, (i64)&old, 8, 0, 0);  // SIG_BLOCK
  SYSCALL3(SYS_kill, pid, SIGUSR2, 0);
  put("blocked: counter ");
  put_number(counter);
  put("\n");
  syscall6(SYS_rt_sigprocmask, 1, (i64)&set, 0, 8, 0, 0);  // SIG_UNBLOCK
  put("unblocked: counter ");
  put_number(counter);
  put("\n");

  struct {
    u64 sp;
    int flags;
    u64 size;
  } stack = {(u64)alternate, 0, sizeof alternate};
  put(SYSCALL3(SYS_sigaltstack, &stack, 0, 0) == 0 ? "alternate stack set\n" : "sigaltstack failed\n");
  handle(SIGUSR1, on_alternate, SA_ONSTACK);
  SYSCALL3(SYS_kill, pid, SIGUSR1, 0);

  put("now the default action of SIGTERM\n");
  SYSCALL3(SYS_kill, pid, SIGTERM, 0);
  put("not reached\n");
  return 0;
}
