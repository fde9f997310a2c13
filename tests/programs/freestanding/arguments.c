// What the process starts with: arguments, one environment variable, and the auxiliary vector's
// page size, program headers and random bytes.
#include "runtime.h"

int main(int argc, char** argv, char** envp) {
  put("argc=");
  put_number(argc);
  put("\n");
  for (int i = 1; i < argc; ++i) {
    put("argv[");
    put_number(i);
    put("]=");
    put(argv[i]);
    put("\n");
  }
  char** env = envp;
  for (; *env != 0; ++env) {
    const char* name = "SAE_TEST_VARIABLE=";
    const char* v = *env;
    const char* n = name;
    while (*n != 0 && *v == *n) ++v, ++n;
    if (*n == 0) {
      put("variable=");
      put(v);
      put("\n");
    }
  }
  u64* auxv = (u64*)(env + 1);
  for (; auxv[0] != 0; auxv += 2) {
    if (auxv[0] == 6) put(auxv[1] == 4096 ? "page size 4096\n" : "page size wrong\n");
    if (auxv[0] == 5) put(auxv[1] > 0 ? "program headers counted\n" : "no program headers\n");
    if (auxv[0] == 25) {
      const unsigned char* random = (const unsigned char*)auxv[1];
      int any = 0;
      for (int i = 0; i < 16; ++i) any |= random[i];
      put(any ? "random bytes\n" : "random bytes all zero\n");
    }
  }
  return 0;
}
