// The C library's mathematics over many inputs, each result printed exactly (%a): glibc's libm
// uses FMA, conversions, rounding and comparisons of doubles and floats, so any inexact FP
// instruction shows here.
#include <math.h>
#include <stdint.h>
#include <stdio.h>

static uint64_t state = 12345;
static double uniform(double low, double high) {  // deterministic LCG
  state = state * 6364136223846793005u + 1442695040888963407u;
  return low + (high - low) * (double)(state >> 11) / 9007199254740992.0;
}

int main(void) {
  for (int i = 0; i < 400; ++i) {
    const double x = uniform(-20, 20), y = uniform(0.001, 50), z = uniform(-3, 3);
    printf("%a %a %a %a %a %a %a %a %a %a %a %a\n", sin(x), cos(x), tan(z), exp(z * 10),
           log(y), log2(y), log10(y), pow(y, z), sqrt(y), cbrt(x), atan2(x, z), fmod(x, z));
    const float xf = (float)x, yf = (float)y, zf = (float)z;
    printf("%a %a %a %a %a %a %a %a\n", (double)sinf(xf), (double)cosf(xf), (double)expf(zf),
           (double)logf(yf), (double)powf(yf, zf), (double)sqrtf(yf), (double)hypotf(xf, zf),
           (double)erff(zf));
    printf("%a %a %a %a %ld %a %a\n", floor(x), ceil(x), round(x), trunc(x), lround(x * 1000),
           rint(x * 3), nearbyint(z * 7));
  }
  return 0;
}
