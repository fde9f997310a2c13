// Block formation: where blocks end when no branch ends them.
#include <gtest/gtest.h>

#include "frontend/arm64/translate/translator.h"
#include "ir/printer.h"

namespace sae::frontend::arm64 {
namespace {

constexpr std::uint32_t kAddX0One = 0x91000400;  // add x0, x0, #1

CodeReader Repeat(std::uint32_t word) {
  return [word](std::uint64_t) -> std::optional<std::uint32_t> { return word; };
}

std::string Terminal(const ir::Block& block) { return ir::Print(block.terminal()); }

TEST(BlockFormation, EndsAtPageBoundary) {
  ir::Block block(0x10ff8);
  TranslateBlock(block, Repeat(kAddX0One));
  EXPECT_EQ(block.guest_instructions(), 2u);
  EXPECT_EQ(Terminal(block), "LinkBlock 0x11000");
}

TEST(BlockFormation, EndsAfterMaximumLength) {
  ir::Block block(0x20000);
  TranslateBlock(block, Repeat(kAddX0One), {.max_instructions = 5});
  EXPECT_EQ(block.guest_instructions(), 5u);
  EXPECT_EQ(Terminal(block), "LinkBlock 0x20014");
}

TEST(BlockFormation, FetchFaultEndsBlockBeforeTheInstruction) {
  auto reader = [](std::uint64_t address) -> std::optional<std::uint32_t> {
    if (address >= 0x30008) return std::nullopt;
    return kAddX0One;
  };
  ir::Block block(0x30000);
  TranslateBlock(block, reader);
  EXPECT_EQ(block.guest_instructions(), 2u);
  EXPECT_EQ(Terminal(block), "LinkBlock 0x30008");

  ir::Block faulting(0x30008);
  TranslateBlock(faulting, reader);
  EXPECT_EQ(faulting.guest_instructions(), 0u);
  EXPECT_EQ(Terminal(faulting), "Exception InstructionAbort at 0x30008 #0x0");
}

}  // namespace
}  // namespace sae::frontend::arm64
