// The case generator (tools/sae-fuzz/generate.h): words of the requested class that decode to
// an encoding libsae translates (every encoding of the SIMD&FP classes), forward branches inside
// longer blocks, special floating-point values and FPCR modes, reproducible seeds.
#include <gtest/gtest.h>

#include <set>

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

// The class a SIMD&FP word's encoding belongs to, by its name (generate.h).
CaseClass SimdFpClassOfName(std::string_view name) {
  for (const std::string_view crypto :
       {"AES", "SHA", "SM3", "SM4", "RAX1", "EOR3", "BCAX", "XAR", "PMULL_"}) {
    if (name.starts_with(crypto)) return CaseClass::kCrypto;
  }
  const bool fp = name.starts_with("F") || name.starts_with("SCVTF") || name.starts_with("UCVTF");
  return fp ? CaseClass::kFp : CaseClass::kSimd;
}

TEST(Generate, SimdAndFpClassesDrawEveryEncodingOfTheirGroups) {
  for (const CaseClass case_class : {CaseClass::kFp, CaseClass::kSimd, CaseClass::kCrypto}) {
    std::set<frontend::arm64::Encoding> in_table, drawn;
    for (const auto& info : frontend::arm64::A64Encodings()) {
      const EncodingGroup group = GroupOf(info.expected);
      const bool vector_load_store =
          group == EncodingGroup::LoadStore && (info.mask & info.expected & (1u << 26)) != 0;
      if (group != EncodingGroup::DataProcessingFpSimd && !vector_load_store) continue;
      if ((vector_load_store ? CaseClass::kSimd : SimdFpClassOfName(info.name)) == case_class) {
        in_table.insert(info.encoding);
      }
    }
    Generator generator(case_class, 1, 3);
    for (int n = 0; n < 30000 && drawn.size() < in_table.size(); ++n) {
      const std::uint32_t word = generator.Next(n).code.at(0);
      const auto encoding = DecodeEncoding(word);
      ASSERT_TRUE(encoding.has_value()) << std::hex << word;
      ASSERT_TRUE(in_table.contains(*encoding))
          << CaseClassName(case_class) << ": " << std::hex << word;
      drawn.insert(*encoding);
    }
    // Translated or not: every one of them.
    EXPECT_EQ(drawn.size(), in_table.size()) << CaseClassName(case_class);
  }
}

TEST(Generate, SimdAndFpCasesHaveSpecialValuesAndEveryFpcrMode) {
  Generator generator(CaseClass::kFp, 1, 5);
  std::set<std::uint64_t> values;
  std::set<std::uint32_t> rounding_modes;
  std::uint32_t fpcr_bits = 0;
  unsigned zero_fpcr = 0, sticky_fpsr = 0;
  constexpr int kCases = 2000;
  for (int n = 0; n < kCases; ++n) {
    const Case c = generator.Next(n);
    for (const VectorRegister& v : c.in.v) {
      values.insert(v[0] & 0xffff);
      values.insert(v[0] & 0xffffffff);
      values.insert(v[1]);
    }
    rounding_modes.insert(c.in.fpcr >> 22 & 3);
    fpcr_bits |= c.in.fpcr;
    zero_fpcr += c.in.fpcr == 0;
    sticky_fpsr += c.in.fpsr != 0;
    EXPECT_EQ(c.in.fpsr & ~0x0800009fu, 0u);
  }
  // Infinities, zeros, NaNs quiet and signalling, denormals, extreme normals; half, single and
  // double precision.
  for (const std::uint64_t special :
       {0x7c00ull, 0x8000ull, 0x0001ull, 0x7bffull, 0x7f800000ull, 0xff800000ull, 0x7fc00000ull,
        0x80000000ull, 0x00800000ull, 0x7ff0000000000000ull, 0xfff8000000000000ull,
        0x000fffffffffffffull, 0x43e0000000000000ull}) {
    EXPECT_TRUE(values.contains(special)) << std::hex << special;
  }
  EXPECT_EQ(rounding_modes.size(), 4u);
  EXPECT_EQ(fpcr_bits, 0x07c80000u);  // AHP, DN, FZ, RMode, FZ16
  EXPECT_GT(zero_fpcr, kCases / 3);
  EXPECT_LT(zero_fpcr, kCases * 2 / 3);
  EXPECT_GT(sticky_fpsr, kCases / 8);
}

TEST(Generate, SimdAndFpBlocksShareRegisters) {
  Generator generator(CaseClass::kFp, 5, 9);
  unsigned low_destinations = 0, words = 0;
  for (int n = 0; n < 200; ++n) {
    for (const std::uint32_t word : generator.Next(n).code) {
      low_destinations += (word & 31) < 4;  // Rd
      ++words;
    }
  }
  EXPECT_GT(low_destinations, words / 2);
}

TEST(Generate, OtherClassesLeaveTheVectorStateZero) {
  for (const CaseClass case_class : {CaseClass::kInt, CaseClass::kMem, CaseClass::kAll}) {
    Generator generator(case_class, 1, 7);
    for (int n = 0; n < 100; ++n) {
      const Case c = generator.Next(n);
      EXPECT_EQ(c.in.v, (std::array<VectorRegister, 32>{}));
      EXPECT_EQ(c.in.fpcr, 0u);
      EXPECT_EQ(c.in.fpsr, 0u);
    }
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
