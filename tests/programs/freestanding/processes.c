// Processes: fork with a pipe to the parent, wait4 for the child's status, and (given the
// argument "exec") execve of this program again with other arguments.
#include "runtime.h"

enum { SYS_pipe2 = 59, SYS_clone = 220, SYS_execve = 221, SYS_wait4 = 260 };
enum { SIGCHLD = 17 };

static i64 fork_(void) { return syscall6(SYS_clone, SIGCHLD, 0, 0, 0, 0, 0); }
static int wait_status(i64 pid) {
  int status = 0;
  syscall6(SYS_wait4, pid, (i64)&status, 0, 0, 0, 0);
  return status;
}

int main(int argc, char** argv, char** envp) {
  if (argc == 3 && same(argv[1], "exec'd")) {
    put("exec'd program says ");
    put(argv[2]);
    put("\n");
    return 5;
  }
  int fds[2];
  SYSCALL3(SYS_pipe2, fds, 0, 0);
  const i64 child = fork_();
  if (child == 0) {
    const char message[] = "hello through the pipe";
    SYSCALL3(SYS_write, fds[1], message, sizeof message);
    return 3;
  }
  char buffer[64] = {0};
  SYSCALL3(SYS_read, fds[0], buffer, sizeof buffer - 1);
  put("parent read: ");
  put(buffer);
  put("\n");
  const int status = wait_status(child);
  put("child exited: ");
  put_number((status & 0x7f) == 0 ? (status >> 8) & 0xff : -1);
  put("\n");

  if (argc == 2 && same(argv[1], "exec")) {
    const i64 second = fork_();
    if (second == 0) {
      char* arguments[] = {argv[0], "exec'd", "with two arguments", 0};
      SYSCALL3(SYS_execve, argv[0], arguments, envp);
      put("execve failed\n");
      return 1;
    }
    const int exec_status = wait_status(second);
    put("exec'd child exited: ");
    put_number((exec_status >> 8) & 0xff);
    put("\n");
    char* missing[] = {"/nonexistent", 0};
    put_number(SYSCALL3(SYS_execve, "/nonexistent", missing, envp));
    put(" from execve of a missing program\n");
  }
  return 0;
}
