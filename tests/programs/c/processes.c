// Processes through the C library: fork and wait with exit statuses, a child killed by a signal,
// pipes in both directions, dup2 onto standard output, and a pipeline of two children.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void describe(const char* what, int status) {
  if (WIFEXITED(status)) printf("%s exited with %d\n", what, WEXITSTATUS(status));
  if (WIFSIGNALED(status)) printf("%s killed by signal %d\n", what, WTERMSIG(status));
}

int main(void) {
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) _exit(42);
  int status;
  printf("waited for the right child: %d\n", waitpid(child, &status, 0) == child);
  describe("child", status);

  child = fork();
  if (child == 0) {
    raise(SIGKILL);
    _exit(0);
  }
  waitpid(child, &status, 0);
  describe("child", status);

  int to_child[2], from_child[2];
  pipe(to_child);
  pipe(from_child);
  child = fork();
  if (child == 0) {
    close(to_child[1]);
    close(from_child[0]);
    char buffer[64];
    ssize_t got, total = 0;
    long sum = 0;
    while ((got = read(to_child[0], buffer, sizeof buffer)) > 0) {
      for (ssize_t i = 0; i < got; ++i) sum += buffer[i];
      total += got;
    }
    dprintf(from_child[1], "child read %zd bytes summing to %ld", total, sum);
    _exit(0);
  }
  close(to_child[0]);
  close(from_child[1]);
  for (int i = 0; i < 1000; ++i) write(to_child[1], "0123456789", 10);
  close(to_child[1]);
  char reply[128] = {0};
  for (size_t used = 0; read(from_child[0], reply + used, 1) == 1 && used < sizeof reply - 2;) ++used;
  printf("%s\n", reply);
  waitpid(child, &status, 0);
  describe("pipe child", status);

  // A pipeline: the first child writes lines to standard output (dup2 onto a pipe), the second
  // counts them from standard input.
  int pipeline[2];
  pipe(pipeline);
  fflush(stdout);
  const pid_t writer = fork();
  if (writer == 0) {
    dup2(pipeline[1], STDOUT_FILENO);
    close(pipeline[0]);
    close(pipeline[1]);
    for (int i = 0; i < 500; ++i) printf("line %d\n", i);
    exit(3);
  }
  const pid_t counter = fork();
  if (counter == 0) {
    dup2(pipeline[0], STDIN_FILENO);
    close(pipeline[0]);
    close(pipeline[1]);
    int lines = 0, c;
    while ((c = getchar()) != EOF) lines += c == '\n';
    printf("counted %d lines\n", lines);
    exit(4);
  }
  close(pipeline[0]);
  close(pipeline[1]);
  int writer_status, counter_status;
  waitpid(counter, &counter_status, 0);
  waitpid(writer, &writer_status, 0);
  describe("writer", writer_status);
  describe("counter", counter_status);
  printf("no more children: %d\n", wait(NULL) == -1);
  return 0;
}
