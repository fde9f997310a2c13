#include <gtest/gtest.h>

#include "ir/emitter.h"
#include "ir/printer.h"
#include "ir/verifier.h"

namespace sae::ir {
namespace {

TEST(IR, PrintsStableText) {
  Block block(0x1000);
  IREmitter ir(block);
  const U64 x1 = ir.GetX(1);
  const U32U64 sum = ir.Add(U32U64(x1), U32U64(IREmitter::Imm64(1)));
  ir.SetX(0, U64(sum));
  ir.SetNZCV(ir.NZCVFrom(sum));
  block.set_guest_instructions(2);
  ir.SetTerm(MakeIf(Cond::NE, term::LinkBlock{0x1008}, term::ReturnToDispatch{}));
  EXPECT_EQ(Print(block),
            "block 0x1000, 2 guest instructions\n"
            "  %1 = GetX x1\n"
            "  %2 = Add64 %1, #0x1\n"
            "  SetX x0, %2\n"
            "  %3 = GetNZCVFromOp %2\n"
            "  SetNZCV %3\n"
            "  terminal If NE then LinkBlock 0x1008 else ReturnToDispatch\n");
  EXPECT_TRUE(Verify(block).empty());
}

TEST(IR, EmitterPicksWidthFromOperands) {
  Block block(0);
  IREmitter ir(block);
  const U32U64 narrow = ir.Sub(U32U64(ir.GetW(2)), U32U64(IREmitter::Imm32(5)));
  const U32U64 wide = ir.Sub(U32U64(ir.GetX(2)), U32U64(IREmitter::Imm64(5)));
  EXPECT_EQ(narrow.inst()->opcode(), Opcode::Sub32);
  EXPECT_EQ(wide.inst()->opcode(), Opcode::Sub64);
  // Register 31 is the zero register for GetW/GetX and ignores SetW/SetX.
  EXPECT_TRUE(ir.GetX(31).IsImmediate());
  ir.SetX(31, U64(wide));
  EXPECT_EQ(block.instructions().size(), 4u);
}

TEST(IR, VerifierRejectsWrongTypesAndMissingTerminal) {
  Block block(0);
  IREmitter ir(block);
  const Value w = ir.GetW(1);
  ir.Emit(Opcode::Add64, {w, IREmitter::Imm64(1)});  // a U32 where U64 belongs
  const auto errors = Verify(block);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("is U32, expected U64"), std::string::npos) << errors[0];
  EXPECT_EQ(errors[1], "no terminal");
}

TEST(IR, VerifierRejectsUseBeforeDefinition) {
  Block block(0);
  IREmitter ir(block);
  const Value late = ir.GetX(1);
  const Value sum = ir.Emit(Opcode::Add64, {late, late});
  // Make the earlier GetX use the later Add: a cycle the block order cannot satisfy.
  late.inst()->ReplaceUsesWith(Value());
  late.inst()->SetArg(0, sum);
  ir.SetTerm(term::ReturnToDispatch{});
  const auto errors = Verify(block);
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].find("not defined earlier"), std::string::npos) << errors[0];
}

}  // namespace
}  // namespace sae::ir
