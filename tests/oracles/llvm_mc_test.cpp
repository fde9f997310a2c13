// The LLVM MC oracle path: LLVM 19 is linked in-process and decodes both host and guest code.
#include <gtest/gtest.h>

#include "support/llvm_disassembler.h"

namespace sae::test {
namespace {

TEST(LlvmMc, DisassemblesS390x) {
  const LlvmDisassembler s390x("s390x-linux-gnu", "z15", "");
  // AGRK %r1,%r2,%r3 (RRF-a, distinct operands): s390x code is big-endian in memory.
  const std::uint8_t agrk[] = {0xb9, 0xe8, 0x30, 0x12};
  const auto decoded = s390x.Disassemble(agrk);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->text, "agrk %r1, %r2, %r3");
  EXPECT_EQ(decoded->size, 4u);
  // A z15 instruction (SELGR, misc-instruction-extensions 3) decodes with the z15 CPU.
  const std::uint8_t selgr[] = {0xb9, 0xe3, 0x40, 0x12, 0x00, 0x00};
  const auto z15 = s390x.Disassemble(selgr);
  ASSERT_TRUE(z15.has_value());
  EXPECT_EQ(z15->text.substr(0, 3), "sel");
}

TEST(LlvmMc, DisassemblesArm64) {
  const LlvmDisassembler arm64("aarch64-linux-gnu", "", "+v8.2a");
  // SUBS X0, X1, X2 = 0xeb020020, little-endian in memory as on arm64.
  const std::uint8_t subs[] = {0x20, 0x00, 0x02, 0xeb};
  const auto decoded = arm64.Disassemble(subs);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->text, "subs x0, x1, x2");
  EXPECT_EQ(decoded->size, 4u);
}

TEST(LlvmMc, RejectsUnallocatedArm64Word) {
  const LlvmDisassembler arm64("aarch64-linux-gnu", "", "+v8.2a");
  // 0x00000000 is UDF #0 in newer architecture versions; 0x04000000 stays unallocated.
  const std::uint8_t unallocated[] = {0x00, 0x00, 0x00, 0x04};
  EXPECT_FALSE(arm64.Disassemble(unallocated).has_value());
}

}  // namespace
}  // namespace sae::test
