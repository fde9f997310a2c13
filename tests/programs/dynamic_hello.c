// A dynamically linked program: PT_INTERP names the arm64 ld.so.
#include <unistd.h>

int main(void) {
  write(1, "dynamic hello\n", 14);
  return 3;
}
