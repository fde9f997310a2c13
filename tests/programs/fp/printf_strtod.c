// printf and strtod/strtof round trips over many doubles and floats: random bit patterns,
// powers of ten, halfway cases and the special values. glibc's printf and strtod do
// multi-precision integer arithmetic and FP conversions; every line must match qemu-aarch64.
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 0x9e3779b97f4a7c15u;
static uint64_t next(void) {  // SplitMix64: deterministic across hosts
  uint64_t z = (state += 0x9e3779b97f4a7c15u);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

static double from_bits(uint64_t bits) {
  double d;
  memcpy(&d, &bits, sizeof d);
  return d;
}
static uint64_t bits_of(double d) {
  uint64_t bits;
  memcpy(&bits, &d, sizeof bits);
  return bits;
}
static uint32_t float_bits(float f) {
  uint32_t bits;
  memcpy(&bits, &f, sizeof bits);
  return bits;
}

int main(void) {
  char text[512];
  unsigned round_trip_failures = 0;
  uint64_t checksum = 0;
  for (int i = 0; i < 3000; ++i) {
    double d;
    switch (i % 6) {
      case 0: d = from_bits(next()); break;                            // anything, NaNs too
      case 1: d = ldexp((double)(next() >> 11), (int)(next() % 200) - 150); break;
      case 2: d = pow(10.0, (double)((int)(next() % 600) - 300)); break;
      case 3: d = (double)(int64_t)next() / 1024.0; break;
      case 4: d = ((double)(next() % 100000) + 0.5) / 100.0; break;    // decimal halfway cases
      default: d = from_bits(next() & 0x000fffffffffffffu); break;     // denormals
    }
    snprintf(text, sizeof text, "%.17g", d);
    const double back = strtod(text, NULL);
    if (!isnan(d) && bits_of(back) != bits_of(d)) ++round_trip_failures;
    int n = snprintf(text, sizeof text, "%.17g|%a|%.3e|%.10f|%g|%.0f", d, d, d, d, d,
                     fabs(d) < 1e30 ? d : 0.0);
    for (int k = 0; k < n; ++k) checksum = checksum * 131 + (unsigned char)text[k];
    if (i % 100 == 0) printf("%s\n", text);
    const float f = (float)d;
    snprintf(text, sizeof text, "%.9g", (double)f);
    const float fback = strtof(text, NULL);
    if (!isnan(f) && float_bits(fback) != float_bits(f)) ++round_trip_failures;
    for (char* c = text; *c; ++c) checksum = checksum * 131 + (unsigned char)*c;
  }
  static const char* const inputs[] = {"0x1.fffffffffffffp+1023", "1e-400", "-0", "inf", "-nan",
                                       "2.2250738585072011e-308", "4.9e-324", "1e23",
                                       "0.1", "123456789012345678901234567890", "3.4028235e38"};
  for (unsigned i = 0; i < sizeof inputs / sizeof *inputs; ++i) {
    printf("strtod(%s) = %a, strtof = %a\n", inputs[i], strtod(inputs[i], NULL),
           (double)strtof(inputs[i], NULL));
  }
  printf("round-trip failures %u, checksum %016" PRIx64 "\n", round_trip_failures, checksum);
  return round_trip_failures == 0 ? 0 : 1;
}
