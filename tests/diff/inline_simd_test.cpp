// SIMD&FP instructions translated inline (frontend/arm64/translate/advanced_simd.cpp) against
// the A64 interpreter, which the native interpreter-check compares with Unicorn: random
// instances of each inline encoding from random V registers (ordinary FP numbers, NaNs,
// infinities, denormals, tiny and huge values, bit patterns) and FPCR/FPSR, run by sae_run()
// on this (big-endian) host and by Interpret() on a copy of the state; V0-V31 and FPSR must
// agree, and X0-X30 and NZCV for the conversions and compares. The FP forms' exact path (the interpreter) is taken for the exceptional cases.
#include <cstring>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "frontend/arm64/interpreter/interpreter.h"
#include "frontend/arm64/translate/visitor.h"
#include "sae/sae.h"

namespace sae::test {
namespace {

using frontend::arm64::A64Encodings;
using frontend::arm64::DecodeEncoding;
using frontend::arm64::EncodingGroup;
using frontend::arm64::EncodingInfo;
using frontend::arm64::GroupOf;

constexpr std::uint64_t kCode = 0x1000;

// 64 bits of lanes: equal and extreme integers (so compares and min/max see ties), ordinary
// doubles and pairs of floats, and FP values that take the exact path.
std::uint64_t RandomHalf(std::mt19937_64& random) {
  const std::uint64_t bits = random();
  auto float_bits = [&](std::uint64_t r) {  // an ordinary single: exponent 100..155
    return (r & 0x807fffff) | ((100 + (r >> 23) % 56) << 23);
  };
  switch (random() % 9) {
    case 0: return 0;
    case 1: return 0x8000000080008080;
    case 2: return ~0ull;  // NaNs
    case 3: return (bits & 0x800fffffffffffff) | ((1000 + (bits >> 52) % 48) << 52);
    case 4: return float_bits(bits) | float_bits(bits >> 32) << 32;
    case 5: return bits & 0x800fffff800fffff;  // denormals
    case 6: return (bits & 0x800fffffffffffff) | 0x7fe0000000000000;  // huge: overflow
    case 7: return 0x7ff0000000000000 | (bits & 0x8000000000000000);  // infinity
    default: return bits;
  }
}
constexpr std::uint32_t kSvc0 = 0xd4000001;

TEST(InlineSimd, AgreesWithTheInterpreter) {
  std::vector<const EncodingInfo*> inline_encodings;
  for (const EncodingInfo& info : A64Encodings()) {
    if (GroupOf(info.expected) == EncodingGroup::DataProcessingFpSimd &&
        frontend::arm64::Handles<frontend::arm64::TranslatorVisitor>(info.encoding) &&
        frontend::arm64::Interprets(info.encoding)) {
      inline_encodings.push_back(&info);
    }
  }
  ASSERT_GE(inline_encodings.size(), 20u);
  std::vector<std::uint8_t> memory(64 * 1024);
  sae_vm_config config{};
  config.api_version = SAE_API_VERSION;
  config.flags = SAE_VM_USER_MODE;
  config.memory = memory.data();
  config.memory_size = memory.size();
  sae_vm* vm = nullptr;
  sae_vcpu* vcpu = nullptr;
  ASSERT_EQ(sae_vm_create(&config, &vm), 0);
  ASSERT_EQ(sae_vcpu_create(vm, &vcpu), 0);
  sae_control_block* cb = sae_vcpu_control_block(vcpu);
  std::mt19937_64 random(1);
  unsigned compared = 0;
  for (const EncodingInfo* info : inline_encodings) {
    for (unsigned n = 0; n < 200; ++n) {
      const std::uint32_t word = info->expected | (static_cast<std::uint32_t>(random()) & ~info->mask);
      if (DecodeEncoding(word) != info->encoding) continue;
      for (unsigned i = 0; i < 2; ++i) {
        const std::uint32_t w = i == 0 ? word : kSvc0;
        for (unsigned b = 0; b < 4; ++b) memory[kCode + 4 * i + b] = static_cast<std::uint8_t>(w >> (8 * b));
      }
      sae_vcpu_invalidate_code(vcpu, kCode, 8);
      for (auto& v : cb->v) {
        for (auto& half : v) half = RandomHalf(random);
      }
      for (auto& x : cb->x) {  // integers to convert: small, extreme, any
        const std::uint64_t bits = random();
        x = bits % 3 == 0 ? bits % 1000 : bits % 3 == 1 ? (bits & 0x8000000000000000) >> (bits % 64) : bits;
      }
      // Mostly what Linux programs run with (all zero), else any rounding mode, FZ and DN.
      cb->fpcr = random() % 4 != 0 ? 0 : static_cast<std::uint32_t>(random()) & 0x03c00000;
      cb->fpsr = random() % 4 != 0 ? 0 : static_cast<std::uint32_t>(random()) & 0x0800009f;
      cb->pstate = (random() & 0xf) << 28;
      cb->pc = kCode;
      sae_control_block expected = *cb;
      frontend::arm64::VectorStaging staging = {};
      ASSERT_EQ(frontend::arm64::Interpret(expected, staging, info->encoding, word),
                frontend::arm64::InterpretResult::Done);
      ASSERT_EQ(sae_run(vcpu), SAE_INTERCEPT_SYNC_EXCEPTION);
      ASSERT_EQ(cb->esr >> 26, SAE_EC_SVC64) << info->name << " " << std::hex << word;
      ++compared;
      for (unsigned r = 0; r < 31; ++r) {
        ASSERT_EQ(cb->x[r], expected.x[r]) << info->name << " " << std::hex << word << " x" << std::dec << r;
      }
      ASSERT_EQ(cb->pstate >> 28, expected.pstate >> 28) << info->name << " " << std::hex << word << " nzcv";
      ASSERT_EQ(cb->fpsr, expected.fpsr) << info->name << " " << std::hex << word << " fpcr " << cb->fpcr;
      for (unsigned r = 0; r < 32; ++r) {
        ASSERT_EQ(cb->v[r][0], expected.v[r][0]) << info->name << " " << std::hex << word << " v" << std::dec << r;
        ASSERT_EQ(cb->v[r][1], expected.v[r][1]) << info->name << " " << std::hex << word << " v" << std::dec << r;
      }
    }
  }
  EXPECT_GT(compared, 20u * 150);
  sae_vcpu_destroy(vcpu);
  sae_vm_destroy(vm);
}

}  // namespace
}  // namespace sae::test
