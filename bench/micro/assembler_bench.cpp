// How fast the baseline assembler emits code: bytes and instructions per second for a mix that
// looks like translated arm64 (loads/stores with byte reversal, three-operand arithmetic, compare
// and branch, bit fields, vector loads), and for constant materialization.
#include <benchmark/benchmark.h>

#include <vector>

#include "backend/s390x/asm/assembler.h"

namespace sae::backend::s390x {
namespace {

constexpr std::size_t kBufferSize = 1 << 16;
constexpr int kInstructionsPerMix = 16;

void EmitMix(Assembler& as, int i) {
  const Gpr a(static_cast<unsigned>(2 + i % 6)), b(static_cast<unsigned>(8 + i % 4));
  as.LRVG(a, Mem(r11, b, (i * 8) & 0xfff));
  as.AGRK(a, a, b);
  as.LG(b, Mem(r13, 0x100 + (i & 0xff) * 8));
  as.SGRK(r1, a, b);
  as.RISBG(a, b, 32, 63 | 0x80, 0);
  as.NGRK(r0, a, b);
  as.STRVG(a, Mem(r11, b, -8));
  as.LOCGR(a, b, Cond::Equal);
  as.CGIJ(a, 0, Cond::NotEqual, Rel16(12));
  as.MSGRKC(a, a, b);
  as.STG(a, Mem(r13, 0x100 + (i & 0xff) * 8));
  as.VL(Vr(16 + i % 16), Mem(r11, b, 0), 0);
  as.VA(Vr(16 + i % 16), Vr(16 + i % 16), Vr(i % 16), 3);
  as.VST(Vr(16 + i % 16), Mem(r11, b, 16), 0);
  as.LGHI(a, i & 0x7fff);
  as.BRCL(Cond::Always, Rel32(1000));
}

void BM_EmitMix(benchmark::State& state) {
  std::vector<std::byte> memory(kBufferSize);
  CodeBuffer buffer(memory);
  Assembler as(buffer);
  std::int64_t bytes = 0, instructions = 0;
  int i = 0;
  for (auto _ : state) {
    if (buffer.size() > kBufferSize - 256) buffer.Rewind(0);
    const std::size_t before = buffer.size();
    EmitMix(as, i++);
    bytes += static_cast<std::int64_t>(buffer.size() - before);
    instructions += kInstructionsPerMix;
  }
  benchmark::DoNotOptimize(memory.data());
  state.SetBytesProcessed(bytes);
  state.counters["insns/s"] = benchmark::Counter(static_cast<double>(instructions),
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EmitMix);

void BM_LoadConstant(benchmark::State& state) {
  std::vector<std::byte> memory(kBufferSize);
  CodeBuffer buffer(memory);
  Assembler as(buffer);
  std::uint64_t value = 0x123456789abcdef0ull;
  std::int64_t constants = 0;
  for (auto _ : state) {
    if (buffer.size() > kBufferSize - 64) buffer.Rewind(0);
    as.LoadConstant(r2, value);
    value = value * 6364136223846793005ull + 1442695040888963407ull;  // all shapes of constants
    ++constants;
  }
  benchmark::DoNotOptimize(memory.data());
  state.counters["constants/s"] = benchmark::Counter(static_cast<double>(constants),
                                                     benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LoadConstant);

}  // namespace
}  // namespace sae::backend::s390x

BENCHMARK_MAIN();
