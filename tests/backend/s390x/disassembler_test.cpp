#include "backend/s390x/disassembler.h"

#include <gtest/gtest.h>

#include "backend/s390x/asm/assembler.h"

namespace sae::backend::s390x {
namespace {

TEST(Disassembler, ListsGeneratedCode) {
  std::byte memory[64];
  CodeBuffer buffer(memory);
  Assembler as(buffer);
  as.AGRK(r1, r2, r3);
  as.LRVG(r4, Mem(r5, r6, -8));
  as.BCR(Cond::Always, r14);
  EXPECT_EQ(Disassemble(buffer.bytes(), 0x1000),
            "0x00001000: b9e83012     agrk %r1, %r2, %r3\n"
            "0x00001004: e3465ff8ff0f lrvg %r4, -8(%r6,%r5)\n"
            "0x0000100a: 07fe         br %r14\n");
}

TEST(Disassembler, ListsUndecodableBytesWithoutSkipping) {
  const std::byte garbage[] = {std::byte{0x00}, std::byte{0x00}, std::byte{0x07}, std::byte{0xfe}};
  EXPECT_EQ(Disassemble(garbage),
            "0x00000000: 0000         .byte 0x00, 0x00\n"
            "0x00000002: 07fe         br %r14\n");
}

}  // namespace
}  // namespace sae::backend::s390x
