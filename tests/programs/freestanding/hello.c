// The smallest program: a line on stdout and an exit status.
#include "runtime.h"

int main(int argc, char** argv, char** envp) {
  (void)argc, (void)argv, (void)envp;
  put("hello from arm64\n");
  return 7;
}
