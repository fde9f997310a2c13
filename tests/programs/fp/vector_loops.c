// Loops that GCC auto-vectorizes at -O3 into Advanced SIMD: integer arithmetic of every lane
// size, saturation by clamping, minimum/maximum, absolute values, shifts, widening and
// narrowing, reductions, float and double arithmetic (with fused multiply-add), conversions
// and comparisons. Each prints a checksum.
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

#define N 1024
static int8_t a8[N], b8[N], c8[N];
static int16_t a16[N], b16[N], c16[N];
static int32_t a32[N], b32[N], c32[N];
static int64_t a64[N], b64[N], c64[N];
static uint8_t u8[N], v8[N];
static float af[N], bf[N], cf[N];
static double ad[N], bd[N], cd[N];

static uint64_t state = 7;
static uint64_t next(void) {
  state = state * 6364136223846793005u + 1442695040888963407u;
  return state >> 17;
}

static uint64_t sum_bytes(const void* p, unsigned bytes) {
  const uint8_t* s = p;
  uint64_t h = 0;
  for (unsigned i = 0; i < bytes; ++i) h = h * 31 + s[i];
  return h;
}

int main(void) {
  for (int i = 0; i < N; ++i) {
    a8[i] = (int8_t)next(); b8[i] = (int8_t)next();
    a16[i] = (int16_t)next(); b16[i] = (int16_t)next();
    a32[i] = (int32_t)next(); b32[i] = (int32_t)next();
    a64[i] = (int64_t)(next() << 20 ^ next()); b64[i] = (int64_t)next();
    u8[i] = (uint8_t)next(); v8[i] = (uint8_t)next();
    af[i] = (float)((int32_t)next()) / 65536.0f; bf[i] = (float)(next() % 1000) / 7.0f;
    ad[i] = (double)((int64_t)next()) / 3.0; bd[i] = (double)(next() % 100000) / 9.0;
  }
  for (int i = 0; i < N; ++i) c8[i] = (int8_t)(a8[i] + b8[i] * 3);
  for (int i = 0; i < N; ++i) c16[i] = (int16_t)(a16[i] * b16[i] - (a16[i] >> 3));
  for (int i = 0; i < N; ++i) c32[i] = a32[i] > b32[i] ? a32[i] - b32[i] : b32[i] ^ 0x5a5a;
  for (int i = 0; i < N; ++i) c64[i] = a64[i] * 5 + (b64[i] >> 7);
  printf("int lanes %016" PRIx64 " %016" PRIx64 " %016" PRIx64 " %016" PRIx64 "\n",
         sum_bytes(c8, sizeof c8), sum_bytes(c16, sizeof c16), sum_bytes(c32, sizeof c32),
         sum_bytes(c64, sizeof c64));

  for (int i = 0; i < N; ++i) {  // saturating add of bytes, by clamping
    int s = u8[i] + v8[i];
    u8[i] = (uint8_t)(s > 255 ? 255 : s);
  }
  for (int i = 0; i < N; ++i) {
    int s = a16[i] + b16[i];
    c16[i] = (int16_t)(s > 32767 ? 32767 : s < -32768 ? -32768 : s);
  }
  for (int i = 0; i < N; ++i) c32[i] = (a32[i] < 0 ? -a32[i] : a32[i]) >> (i & 7);
  for (int i = 0; i < N; ++i) c8[i] = (int8_t)((a8[i] < b8[i] ? a8[i] : b8[i]) | (c8[i] & 1));
  printf("saturate/min/abs %016" PRIx64 " %016" PRIx64 " %016" PRIx64 " %016" PRIx64 "\n",
         sum_bytes(u8, sizeof u8), sum_bytes(c16, sizeof c16), sum_bytes(c32, sizeof c32),
         sum_bytes(c8, sizeof c8));

  int64_t wide = 0;
  for (int i = 0; i < N; ++i) wide += (int32_t)a16[i] * b16[i];  // widening multiply-add
  uint32_t bytes = 0;
  for (int i = 0; i < N; ++i) bytes += u8[i];
  int32_t maximum = a32[0];
  for (int i = 0; i < N; ++i) maximum = a32[i] > maximum ? a32[i] : maximum;
  for (int i = 0; i < N; ++i) c8[i] = (int8_t)(a32[i] >> 24);  // narrowing
  printf("reductions %" PRId64 " %u %d %016" PRIx64 "\n", wide, bytes, maximum,
         sum_bytes(c8, sizeof c8));

  for (int i = 0; i < N; ++i) cf[i] = af[i] * bf[i] + cf[i];
  for (int i = 0; i < N; ++i) cd[i] = ad[i] / (bd[i] + 1.0) - cd[i] * 0.5;
  float dotf = 0;
  for (int i = 0; i < N; ++i) dotf += af[i] * bf[i];
  double maxd = -1e300;
  for (int i = 0; i < N; ++i) maxd = ad[i] > maxd ? ad[i] : maxd;
  for (int i = 0; i < N; ++i) c32[i] = (int32_t)cf[i];  // conversions
  for (int i = 0; i < N; ++i) bf[i] = (float)a32[i] * 0.25f;
  for (int i = 0; i < N; ++i) c64[i] = ad[i] < bd[i] ? 1 : -1;
  printf("fp %016" PRIx64 " %016" PRIx64 " %a %a %016" PRIx64 " %016" PRIx64 " %016" PRIx64 "\n",
         sum_bytes(cf, sizeof cf), sum_bytes(cd, sizeof cd), (double)dotf, maxd,
         sum_bytes(c32, sizeof c32), sum_bytes(bf, sizeof bf), sum_bytes(c64, sizeof c64));
  return 0;
}
