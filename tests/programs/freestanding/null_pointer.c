// A guest that dereferences a null pointer dies of SIGSEGV (status 128 + 11).
#include "runtime.h"

int main(int argc, char** argv, char** envp) {
  (void)argv, (void)envp;
  put("before\n");
  volatile int* volatile pointer = (int*)(u64)(argc - 1);
  return *pointer;
}
