// The case generator (tools/sae-fuzz/generate.h): words of the requested class that decode to
// an encoding libsae translates, forward branches inside longer blocks, reproducible seeds.
#include <gtest/gtest.h>

#include "frontend/arm64/translate/visitor.h"
#include "generate.h"

namespace sae::fuzz {
namespace {

using frontend::arm64::DecodeEncoding;
using frontend::arm64::EncodingGroup;
using frontend::arm64::GroupOf;

TEST(Generate, WordsBelongToTheirClassAndAreTranslated) {
  const std::pair<CaseClass, EncodingGroup> classes[] = {
      {CaseClass::kMem, EncodingGroup::LoadStore},
      {CaseClass::kBranch, EncodingGroup::BranchExceptionSystem}};
  for (const auto& [case_class, group] : classes) {
    Generator generator(case_class, 1, 7);
    for (int n = 0; n < 500; ++n) {
      const std::uint32_t word = generator.Next(n).code.at(0);
      const auto encoding = DecodeEncoding(word);
      ASSERT_TRUE(encoding.has_value()) << std::hex << word;
      EXPECT_TRUE(frontend::arm64::Handles<frontend::arm64::TranslatorVisitor>(*encoding));
      EXPECT_EQ(GroupOf(word), group) << std::hex << word;
    }
  }
  Generator integers(CaseClass::kInt, 1, 7);
  for (int n = 0; n < 500; ++n) {
    const EncodingGroup group = GroupOf(integers.Next(n).code.at(0));
    EXPECT_TRUE(group == EncodingGroup::DataProcessingImmediate ||
                group == EncodingGroup::DataProcessingRegister);
  }
}

TEST(Generate, BranchesInLongerBlocksStayInsideTheBlock) {
  Generator generator(CaseClass::kBranch, 20, 11);
  unsigned branches = 0;
  for (int n = 0; n < 200; ++n) {
    const Case c = generator.Next(n);
    ASSERT_EQ(c.code.size(), 20u);
    for (std::size_t i = 0; i < c.code.size(); ++i) {
      const std::uint32_t word = c.code[i];
      std::int64_t offset = 0;
      if ((word & 0x7c000000) == 0x14000000) {  // B, BL: imm26
        offset = static_cast<std::int32_t>(word << 6) >> 6;
      } else if ((word & 0xff000010) == 0x54000000 || (word & 0x7e000000) == 0x34000000) {
        offset = static_cast<std::int32_t>((word >> 5) << 13) >> 13;  // B.cond, CBZ/CBNZ: imm19
      } else if ((word & 0x7e000000) == 0x36000000) {
        offset = static_cast<std::int32_t>((word >> 5) << 18) >> 18;  // TBZ/TBNZ: imm14
      } else {
        continue;
      }
      ++branches;
      EXPECT_GE(offset, 1) << std::hex << word;
      EXPECT_LE(i + offset, c.code.size()) << std::hex << word;
    }
  }
  EXPECT_GT(branches, 100u);
}

TEST(Generate, SameSeedSameCasesAndRegistersPointIntoTheWindow) {
  Generator first(CaseClass::kAll, 5, 99), second(CaseClass::kAll, 5, 99);
  unsigned in_window = 0, total = 0;
  for (int n = 0; n < 100; ++n) {
    const Case a = first.Next(n), b = second.Next(n);
    EXPECT_EQ(a.code, b.code);
    EXPECT_EQ(a.in, b.in);
    EXPECT_EQ(a.fill_seed, b.fill_seed);
    EXPECT_EQ(a.id, static_cast<std::uint64_t>(n));
    for (const std::uint64_t x : a.in.x) {
      in_window += x >= kWindowBase && x < kWindowBase + kWindowSize;
      ++total;
    }
  }
  EXPECT_GT(in_window, total / 5);
}

}  // namespace
}  // namespace sae::fuzz
