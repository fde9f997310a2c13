// Signals through the C library: handlers with and without SA_SIGINFO, masks and pending
// signals, SA_RESETHAND, a handler on an alternate stack, a timer's SIGALRM awaited with
// sigsuspend, recovery from a fault by siglongjmp, and death by an unhandled signal.
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static volatile sig_atomic_t received[NSIG];
static volatile int last_code;
static sigjmp_buf recover;
static char alternate_stack[64 * 1024];
static volatile int on_alternate_stack;

static void count(int signal) { ++received[signal]; }
static void clobber_v16(int signal) {
  __asm__ volatile("movi v16.2d, #0" ::: "v16");
  ++received[signal];
}

// V16 (which no call preserves) set, SIGUSR1 sent to this thread by a system call, and V16 read
// back: the handler's clobbering must not show.
static int v16_survives_handler(void) {
  const uint64_t pattern = 0x0123456789abcdefu;
  uint64_t low, high;
  const long pid = getpid(), tid = gettid();
  __asm__ volatile(
      "fmov d16, %[pattern]\n"
      "mvn x9, %[pattern]\n"
      "mov v16.d[1], x9\n"
      "mov x0, %[pid]\n"
      "mov x1, %[tid]\n"
      "mov x2, #10\n"  // SIGUSR1
      "mov x8, #131\n"  // tgkill
      "svc #0\n"
      "fmov %[low], d16\n"
      "mov %[high], v16.d[1]\n"
      : [low] "=&r"(low), [high] "=&r"(high)
      : [pattern] "r"(pattern), [pid] "r"(pid), [tid] "r"(tid)
      : "x0", "x1", "x2", "x8", "x9", "v16", "memory");
  return low == pattern && high == ~pattern;
}
static void with_info(int signal, siginfo_t* info, void* context) {
  (void)context;
  ++received[signal];
  last_code = info->si_code;
}
static void on_stack(int signal) {
  char local;
  on_alternate_stack = &local >= alternate_stack && &local < alternate_stack + sizeof alternate_stack;
  ++received[signal];
}
static void fault(int signal, siginfo_t* info, void* context) {
  (void)context;
  printf("signal %d (%s) at address %p\n", signal, strsignal(signal), info->si_addr);
  siglongjmp(recover, 1);
}

int main(void) {
  struct sigaction action = {0};
  action.sa_handler = count;
  sigaction(SIGUSR1, &action, NULL);
  raise(SIGUSR1);
  raise(SIGUSR1);
  printf("SIGUSR1 handled %d times\n", received[SIGUSR1]);
  action.sa_handler = clobber_v16;
  sigaction(SIGUSR1, &action, NULL);
  printf("V16 kept across a handler that clobbered it: %d (handled %d times)\n", v16_survives_handler(),
         received[SIGUSR1]);
  action.sa_handler = count;
  sigaction(SIGUSR1, &action, NULL);

  action.sa_sigaction = with_info;
  action.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR2, &action, NULL);
  kill(getpid(), SIGUSR2);
  printf("SIGUSR2 handled %d times, si_code %d (SI_USER %d)\n", received[SIGUSR2], last_code, SI_USER);

  sigset_t block, pending, old;
  sigemptyset(&block);
  sigaddset(&block, SIGUSR1);
  sigprocmask(SIG_BLOCK, &block, &old);
  raise(SIGUSR1);
  sigpending(&pending);
  printf("while blocked: handled %d times, pending %d\n", received[SIGUSR1], sigismember(&pending, SIGUSR1));
  sigprocmask(SIG_SETMASK, &old, NULL);
  printf("after unblocking: handled %d times\n", received[SIGUSR1]);

  action.sa_handler = count;
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGHUP, &action, NULL);
  raise(SIGHUP);
  struct sigaction now;
  sigaction(SIGHUP, NULL, &now);
  printf("SA_RESETHAND: handled %d, now default %d\n", received[SIGHUP], now.sa_handler == SIG_DFL);

  signal(SIGPIPE, SIG_IGN);
  raise(SIGPIPE);
  printf("ignored SIGPIPE survived\n");

  stack_t stack = {.ss_sp = alternate_stack, .ss_size = sizeof alternate_stack, .ss_flags = 0};
  sigaltstack(&stack, NULL);
  action.sa_handler = on_stack;
  action.sa_flags = SA_ONSTACK;
  sigaction(SIGWINCH, &action, NULL);
  raise(SIGWINCH);
  printf("handler on the alternate stack: %d\n", on_alternate_stack);

  action.sa_handler = count;
  action.sa_flags = 0;
  sigaction(SIGALRM, &action, NULL);
  sigset_t alarm_only, waiting;
  sigemptyset(&alarm_only);
  sigaddset(&alarm_only, SIGALRM);
  sigprocmask(SIG_BLOCK, &alarm_only, &old);
  const struct itimerval timer = {{0, 0}, {0, 20000}};
  setitimer(ITIMER_REAL, &timer, NULL);
  waiting = old;
  sigdelset(&waiting, SIGALRM);
  while (received[SIGALRM] == 0) sigsuspend(&waiting);
  sigset_t after;
  sigprocmask(SIG_SETMASK, &old, &after);
  printf("SIGALRM handled %d times in sigsuspend, blocked again after it: %d\n", received[SIGALRM],
         sigismember(&after, SIGALRM));

  action.sa_sigaction = fault;
  action.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigaction(SIGSEGV, &action, NULL);
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (sigsetjmp(recover, 1) == 0) {
      volatile int* pointer = (volatile int*)(uintptr_t)(16 + attempt * 8);
      *pointer = 1;
      printf("not reached\n");
    } else {
      printf("recovered from fault %d\n", attempt);
    }
  }
  fflush(stdout);
  signal(SIGTERM, SIG_DFL);
  raise(SIGTERM);
  printf("not reached either\n");
  return 0;
}
