// Integer arithmetic through the C library: 128-bit products, division and remainder of every
// sign, overflow checks, bit operations, qsort and bsearch, printf of integers.
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

static int compare(const void* a, const void* b) {
  const int64_t x = *(const int64_t*)a, y = *(const int64_t*)b;
  return (x > y) - (x < y);
}

int main(void) {
  unsigned __int128 product = (unsigned __int128)0xfedcba9876543210u * 0x123456789abcdef1u;
  printf("128-bit product %016" PRIx64 "%016" PRIx64 "\n", (uint64_t)(product >> 64), (uint64_t)product);
  const int64_t dividends[] = {7, -7, INT64_MAX, INT64_MIN + 1};
  const int64_t divisors[] = {2, -2, 3, -1000000007};
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < 4; ++j) {
      printf("%" PRId64 " / %" PRId64 " = %" PRId64 " rem %" PRId64 "\n", dividends[i], divisors[j],
             dividends[i] / divisors[j], dividends[i] % divisors[j]);
    }
  }
  int64_t sum, product64;
  const int added = __builtin_add_overflow(INT64_MAX, 1, &sum);
  const int multiplied = __builtin_mul_overflow(INT64_MAX / 2, 3, &product64);
  printf("overflow %d %d, wrapped %" PRId64 " %" PRId64 "\n", added, multiplied, sum, product64);
  const uint64_t bits = 0x00f0000000000100u;
  printf("clz %d ctz %d popcount %d parity %d bswap %016" PRIx64 "\n", __builtin_clzll(bits), __builtin_ctzll(bits),
         __builtin_popcountll(bits), __builtin_parityll(bits), __builtin_bswap64(bits));
  uint32_t hash = 2166136261u;  // FNV-1a over the numbers below
  int64_t values[64];
  uint64_t state = 88172645463325252u;
  for (int i = 0; i < 64; ++i) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    values[i] = (int64_t)(state % 2000001) - 1000000;
    hash = (hash ^ (uint32_t)values[i]) * 16777619u;
  }
  qsort(values, 64, sizeof values[0], compare);
  printf("sorted: min %" PRId64 " median %" PRId64 " max %" PRId64 " hash %08x\n", values[0], values[32], values[63], hash);
  const int64_t key = values[17];
  const int64_t* found = bsearch(&key, values, 64, sizeof values[0], compare);
  printf("bsearch finds index %td\n", found - values);
  printf("%d %5d|%-5d|%+d|%x|%X|%o|%#x|%lld|%llu|%hhd|%hu\n", 0, 42, -42, 7, 255, 255, 8, 255, -9000000000000LL,
         18446744073709551615ULL, (char)300, (unsigned short)70000);
  printf("div %lld ldiv %ld labs %ld\n", llabs(-5LL) * lldiv(100, 7).quot, ldiv(-100, 7).rem, labs(-3));
  return 0;
}
