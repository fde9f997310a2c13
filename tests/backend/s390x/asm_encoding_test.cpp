// Every instruction of insns.inc, encoded with random operands (extremes included), is checked
// against LLVM MC both ways: LLVM disassembles our bytes to the same instruction, and LLVM
// assembling our operands gives our bytes. Each entry's facility is checked too: LLVM accepts it
// at its architecture level and rejects it one level below. Runs per format; the seed and the
// number of operand sets per instruction come from SAE_ASM_SEED / SAE_ASM_ITERATIONS.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "backend/s390x/asm/assembler.h"
#include "support/llvm_assembler.h"
#include "support/llvm_disassembler.h"

namespace sae::backend::s390x {
namespace {

unsigned EnvOr(const char* name, unsigned fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? static_cast<unsigned>(std::strtoul(value, nullptr, 0)) : fallback;
}

// LLVM knows CPUs from arch8 (z10) on; older facilities are checked at arch8.
constexpr unsigned kOldestLlvmLevel = 8;

template <OperandKind K>
typename KindType<K>::Type FromField(const Field& f) {
  using T = typename KindType<K>::Type;
  if constexpr (std::is_same_v<T, Gpr> || std::is_same_v<T, Fpr> || std::is_same_v<T, Vr>) {
    return T(static_cast<unsigned>(f.value));
  } else if constexpr (std::is_same_v<T, Cond>) {
    return static_cast<Cond>(f.value);
  } else if constexpr (std::is_same_v<T, Mask>) {
    return Mask(static_cast<unsigned>(f.value));
  } else if constexpr (std::is_same_v<T, Mem>) {
    return Mem(Gpr(f.base), Gpr(f.index), static_cast<std::int32_t>(f.value));
  } else if constexpr (std::is_same_v<T, BaseDisp>) {
    return BaseDisp(Gpr(f.base), static_cast<std::int32_t>(f.value));
  } else if constexpr (std::is_same_v<T, Rel16> || std::is_same_v<T, Rel32>) {
    return T(f.value);
  } else {
    return T(f.value);
  }
}

// Emits through the typed method, the API code generators use.
void EmitTyped(Assembler& as, Insn insn, const Operands& o) {
#define SAE_FROM_FIELD(kind, n) FromField<OperandKind::kind>(o[n - 1])
#define INSN(mnemonic, format, opcode, facility, ...) \
  case Insn::mnemonic:                                \
    as.mnemonic(SAE_PP_MAP(SAE_FROM_FIELD, __VA_ARGS__)); \
    return;
  switch (insn) {
#include "backend/s390x/asm/insns.inc"
  }
#undef INSN
#undef SAE_FROM_FIELD
}

class OperandGenerator {
 public:
  explicit OperandGenerator(std::uint64_t seed) : random_(seed) {}

  Field Make(OperandKind kind) {
    switch (kind) {
      case OperandKind::R: case OperandKind::F: case OperandKind::M: case OperandKind::C:
        return {Pick(0, 15)};
      case OperandKind::RE: return {Pick(0, 7) * 2};
      case OperandKind::V: return {Pick(0, 31)};
      case OperandKind::U1: return {Pick(0, 1)};
      case OperandKind::U2: return {Pick(0, 3)};
      case OperandKind::U3: return {Pick(0, 7)};
      case OperandKind::U4: return {Pick(0, 15)};
      case OperandKind::U6: return {Pick(0, 63)};
      case OperandKind::U8: return {Pick(U8::kMin, U8::kMax)};
      case OperandKind::U12: return {Pick(U12::kMin, U12::kMax)};
      case OperandKind::U16: return {Pick(U16::kMin, U16::kMax)};
      case OperandKind::U32: return {Pick(U32::kMin, U32::kMax)};
      case OperandKind::S8: return {Pick(S8::kMin, S8::kMax)};
      case OperandKind::S16: return {Pick(S16::kMin, S16::kMax)};
      case OperandKind::S32: return {Pick(S32::kMin, S32::kMax)};
      case OperandKind::MX12: return {Pick(0, 4095), Reg(), Reg()};
      case OperandKind::MX20: return {Pick(-(1 << 19), (1 << 19) - 1), Reg(), Reg()};
      case OperandKind::BD12: return {Pick(0, 4095), Reg()};
      case OperandKind::BD20: return {Pick(-(1 << 19), (1 << 19) - 1), Reg()};
      case OperandKind::P16: return {Pick(S16::kMin, S16::kMax)};
      case OperandKind::P32: return {Pick(S32::kMin, S32::kMax)};
    }
    return {};
  }

 private:
  // Uniform over [low, high], with the extremes and zero each a few times as likely.
  std::int64_t Pick(std::int64_t low, std::int64_t high) {
    switch (std::uniform_int_distribution<int>(0, 9)(random_)) {
      case 0: return low;
      case 1: return high;
      case 2: return std::clamp<std::int64_t>(0, low, high);
      default: return std::uniform_int_distribution<std::int64_t>(low, high)(random_);
    }
  }
  std::uint8_t Reg() { return static_cast<std::uint8_t>(Pick(0, 15)); }

  std::mt19937_64 random_;
};

// Our operands in LLVM's assembly syntax (which is also how LLVM prints them).
std::string Text(const InsnInfo& info, const Operands& o) {
  std::string text;
  for (char c : info.mnemonic) text += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (unsigned i = 0; i < info.operand_count; ++i) {
    text += i == 0 ? " " : ", ";
    const Field& f = o[i];
    switch (info.operands[i]) {
      case OperandKind::R: case OperandKind::RE: text += "%r" + std::to_string(f.value); break;
      case OperandKind::F: text += "%f" + std::to_string(f.value); break;
      case OperandKind::V: text += "%v" + std::to_string(f.value); break;
      case OperandKind::MX12: case OperandKind::MX20: case OperandKind::BD12: case OperandKind::BD20:
        text += std::to_string(f.value);
        if (f.base != 0 || f.index != 0) {
          text += "(";
          if (f.index != 0) text += "%r" + std::to_string(f.index) + ",";
          text += f.base != 0 ? "%r" + std::to_string(f.base) : "0";
          text += ")";
        }
        break;
      case OperandKind::P16: case OperandKind::P32:
        text += std::to_string(f.value * 2);  // LLVM: a constant is a byte offset from "."
        break;
      default: text += std::to_string(f.value); break;
    }
  }
  return text;
}

bool HasRelative(const InsnInfo& info) {
  for (unsigned i = 0; i < info.operand_count; ++i) {
    if (info.operands[i] == OperandKind::P16 || info.operands[i] == OperandKind::P32) return true;
  }
  return false;
}

std::string Hex(std::span<const std::uint8_t> bytes) {
  std::string s;
  char byte[4];
  for (auto b : bytes) {
    std::snprintf(byte, sizeof byte, "%02x", b);
    s += byte;
  }
  return s;
}

unsigned FacilityLevel(Facility facility) {
  return KnownFacilities()[static_cast<std::size_t>(facility)].arch_level;
}

class AsmEncoding : public testing::TestWithParam<Format> {
 protected:
  static void SetUpTestSuite() {
    disassembler_ = new test::LlvmDisassembler("s390x-linux-gnu", "arch14", "");
    assembler_ = new test::LlvmAssembler("s390x-linux-gnu");
  }
  static void TearDownTestSuite() {
    delete disassembler_;
    delete assembler_;
  }
  static test::LlvmDisassembler* disassembler_;
  static test::LlvmAssembler* assembler_;
};
test::LlvmDisassembler* AsmEncoding::disassembler_ = nullptr;
test::LlvmAssembler* AsmEncoding::assembler_ = nullptr;

TEST_P(AsmEncoding, MatchesLlvmBothWays) {
  const unsigned iterations = EnvOr("SAE_ASM_ITERATIONS", 24);
  const unsigned seed = EnvOr("SAE_ASM_SEED", 20261121);
  unsigned checked = 0;
  for (const InsnInfo& info : InstructionTable()) {
    if (info.format != GetParam()) continue;
    ++checked;
    OperandGenerator generate(seed ^ static_cast<unsigned>(info.insn) * 0x9e3779b9u);
    const bool relative = HasRelative(info);
    for (unsigned iteration = 0; iteration < iterations; ++iteration) {
      Operands operands{};
      for (unsigned i = 0; i < info.operand_count; ++i) operands[i] = generate.Make(info.operands[i]);
      std::byte typed_memory[8]{}, generic_memory[8]{};
      CodeBuffer typed_buffer(typed_memory), generic_buffer(generic_memory);
      Assembler typed(typed_buffer), generic(generic_buffer);
      EmitTyped(typed, info.insn, operands);
      generic.Emit(info.insn, operands);
      const std::span<const std::uint8_t> ours(reinterpret_cast<const std::uint8_t*>(typed_memory),
                                               typed_buffer.size());
      const std::string text = Text(info, operands);
      SCOPED_TRACE(text + " -> " + Hex(ours));
      ASSERT_EQ(typed_buffer.size(), FormatLength(info.format));
      ASSERT_TRUE(std::equal(typed_buffer.bytes().begin(), typed_buffer.bytes().end(),
                             generic_buffer.bytes().begin(), generic_buffer.bytes().end()))
          << "typed and generic emission differ";

      const auto decoded = disassembler_->Disassemble(ours);
      ASSERT_TRUE(decoded.has_value()) << "LLVM does not decode our bytes";
      EXPECT_EQ(decoded->size, ours.size());
      std::string error;
      const auto assembled = assembler_->Assemble(text, "arch14", &error);
      ASSERT_TRUE(assembled.has_value()) << "LLVM rejects our text: " << error;
      EXPECT_EQ(Hex(*assembled), Hex(ours)) << "LLVM encodes our text differently";
      if (relative) {
        // LLVM prints branches with extended mnemonics (JNE for BRC 7) and the target as an
        // address; we disassemble at address 0, so the target is our offset.
        char target[32];
        std::snprintf(target, sizeof target, " 0x%llx",
                      static_cast<unsigned long long>(operands[info.operand_count - 1].value * 2));
        EXPECT_TRUE(decoded->text.ends_with(target)) << decoded->text << " does not end in" << target;
      } else if (decoded->text != text) {
        // LLVM prints some encodings with an extended mnemonic (e.g. VA with M4=0 as VAB);
        // then its text must still mean our bytes.
        const auto reassembled = assembler_->Assemble(decoded->text, "arch14", &error);
        ASSERT_TRUE(reassembled.has_value()) << decoded->text << ": " << error;
        EXPECT_EQ(Hex(*reassembled), Hex(ours)) << "LLVM decodes our bytes as " << decoded->text;
      }
      if (iteration == 0) {
        const unsigned level = std::max(FacilityLevel(info.facility), kOldestLlvmLevel);
        EXPECT_TRUE(assembler_->Assemble(text, "arch" + std::to_string(level), &error))
            << "rejected at its facility's level arch" << level << ": " << error;
        if (level > kOldestLlvmLevel) {
          EXPECT_FALSE(assembler_->Assemble(text, "arch" + std::to_string(level - 1)))
              << "accepted below its facility's level, at arch" << level - 1;
        }
      }
    }
  }
  if (checked == 0) GTEST_SKIP() << "no instruction of this format in the table";
}

std::vector<Format> AllFormats() {
  std::vector<Format> formats;
#define FORMAT(name, length, operands) formats.push_back(Format::name);
#include "backend/s390x/asm/formats.inc"
#undef FORMAT
  return formats;
}

INSTANTIATE_TEST_SUITE_P(Table, AsmEncoding, testing::ValuesIn(AllFormats()),
                         [](const testing::TestParamInfo<Format>& format) {
                           return std::string(FormatName(format.param));
                         });

}  // namespace
}  // namespace sae::backend::s390x
