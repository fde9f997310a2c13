// Each pass on small blocks, checked on the printed IR before and after.
#include <gtest/gtest.h>

#include "ir/emitter.h"
#include "ir/passes/passes.h"
#include "ir/printer.h"
#include "ir/verifier.h"

namespace sae::ir {
namespace {

std::string Body(const Block& block) {
  std::string text = Print(block);
  return text.substr(text.find('\n') + 1);  // without the header line
}

void ExpectValid(const Block& block) {
  const auto errors = Verify(block);
  EXPECT_TRUE(errors.empty()) << errors.front() << "\n" << Print(block);
}

TEST(GetSetElimination, ForwardsWritesAndReadsAndDropsDeadWrites) {
  Block block(0);
  IREmitter ir(block);
  ir.SetX(1, ir.GetX(2));
  ir.SetX(3, ir.GetX(1));  // sees x2's value
  ir.SetX(1, ir.GetX(2));  // the first write to x1 was never observed; x2 read again
  ir.SetTerm(term::ReturnToDispatch{});
  GetSetElimination(block);
  IdentityRemoval(block);
  DeadCodeElimination(block);
  ExpectValid(block);
  EXPECT_EQ(Body(block),
            "  %1 = GetX x2\n"
            "  SetX x3, %1\n"
            "  SetX x1, %1\n"
            "  terminal ReturnToDispatch\n");
}

// Interpret and FloatingPointConvert may write general registers their properties do not name
// (FMOV to a general register, FCVTZS): what was known about any register is forgotten.
TEST(GetSetElimination, ForgetsRegistersAcrossOperationsThatWriteThem) {
  for (const Opcode op : {Opcode::Interpret, Opcode::FloatingPointConvert}) {
    Block block(0);
    IREmitter ir(block);
    ir.SetX(3, ir.GetX(0));
    if (op == Opcode::Interpret) {
      ir.Emit(op, {IREmitter::Imm32(0x9e660020), Value::Immediate(Type::U16, 0)});
    } else {
      ir.Emit(op, {IREmitter::Imm8(0), IREmitter::Imm32(0), IREmitter::Imm32(0),
                   Value::Immediate(Type::U16, 0)});
    }
    ir.SetX(4, ir.GetX(0));  // x0 is read again, not taken from before the call
    ir.SetTerm(term::ReturnToDispatch{});
    GetSetElimination(block);
    IdentityRemoval(block);
    DeadCodeElimination(block);
    ExpectValid(block);
    EXPECT_NE(Body(block).find("%2 = GetX x0\n  SetX x4, %2\n"), std::string::npos) << Body(block);
  }
}

TEST(GetSetElimination, KeepsWritesAMemoryAccessCanObserve) {
  Block block(0);
  IREmitter ir(block);
  ir.SetX(1, IREmitter::Imm64(1));
  ir.ReadMemory64(ir.GetX(2));  // may fault: x1 must hold 1 in the guest state then
  ir.SetX(1, IREmitter::Imm64(2));
  ir.SetTerm(term::ReturnToDispatch{});
  GetSetElimination(block);
  ExpectValid(block);
  EXPECT_EQ(Body(block),
            "  SetX x1, #0x1\n"
            "  %1 = GetX x2\n"
            "  %2 = ReadMemory64 %1\n"
            "  SetX x1, #0x2\n"
            "  terminal ReturnToDispatch\n");
}

TEST(GetSetElimination, DoesNotForwardAcrossWidths) {
  Block block(0);
  IREmitter ir(block);
  ir.SetW(1, ir.GetW(2));
  ir.SetX(3, ir.GetX(1));  // X view of a W write: must read the (zero-extended) state
  ir.SetTerm(term::ReturnToDispatch{});
  GetSetElimination(block);
  ExpectValid(block);
  EXPECT_EQ(Body(block),
            "  %1 = GetW x2\n"
            "  SetW x1, %1\n"
            "  %2 = GetX x1\n"
            "  SetX x3, %2\n"
            "  terminal ReturnToDispatch\n");
}

TEST(ConstantFolding, ComputesImmediatesAndIdentities) {
  Block block(0);
  IREmitter ir(block);
  const U32U64 a = ir.Add(U32U64(IREmitter::Imm32(0xfffffff0)), U32U64(IREmitter::Imm32(0x20)));
  ir.SetW(0, U32(a));                                               // wraps to 0x10
  const U32U64 x = ir.GetReg(true, 1);
  ir.SetX(1, U64(ir.Or(x, U32U64(IREmitter::Imm64(0)))));             // x | 0 = x
  ir.SetX(2, U64(ir.And(x, U32U64(IREmitter::Imm64(0)))));            // x & 0 = 0
  ir.SetX(3, U64(ir.ArithmeticShiftRight(U32U64(IREmitter::Imm64(0x8000000000000000)),
                                         IREmitter::Imm8(4))));
  ir.SetW(4, U32(ir.RotateRight(U32U64(IREmitter::Imm32(0x12345678)), IREmitter::Imm8(36))));
  ir.SetTerm(term::ReturnToDispatch{});
  ConstantFolding(block);
  IdentityRemoval(block);
  DeadCodeElimination(block);
  ExpectValid(block);
  EXPECT_EQ(Body(block),
            "  SetW x0, #0x10\n"
            "  %1 = GetX x1\n"
            "  SetX x1, %1\n"
            "  SetX x2, #0x0\n"
            "  SetX x3, #0xf800000000000000\n"
            "  SetW x4, #0x81234567\n"
            "  terminal ReturnToDispatch\n");
}

TEST(ConstantFolding, KeepsOperationsWhoseFlagsAreWanted) {
  Block block(0);
  IREmitter ir(block);
  const U32U64 x = ir.GetReg(true, 1);
  const U32U64 same = ir.Add(x, U32U64(IREmitter::Imm64(0)));  // ADDS x, #0: C and V matter
  ir.SetX(0, U64(same));
  ir.SetNZCV(ir.NZCVFrom(same));
  const U32U64 zero = ir.And(U32U64(IREmitter::Imm64(0)), U32U64(IREmitter::Imm64(0xff)));
  ir.SetX(2, U64(zero));
  ir.SetNZCV(ir.NZCVFrom(zero));  // ANDS of immediates: the flags fold too (Z)
  const U32U64 borrow = ir.Sub(U32U64(IREmitter::Imm32(1)), U32U64(IREmitter::Imm32(2)));
  ir.SetNZCV(ir.NZCVFrom(borrow));  // 1 - 2: N, no carry
  ir.SetTerm(term::ReturnToDispatch{});
  ConstantFolding(block);
  IdentityRemoval(block);
  DeadCodeElimination(block);
  ExpectValid(block);
  EXPECT_EQ(Body(block),
            "  %1 = GetX x1\n"
            "  %2 = Add64 %1, #0x0\n"
            "  SetX x0, %2\n"
            "  %3 = GetNZCVFromOp %2\n"
            "  SetNZCV %3\n"
            "  SetX x2, #0x0\n"
            "  SetNZCV #0x40000000\n"
            "  SetNZCV #0x80000000\n"
            "  terminal ReturnToDispatch\n");
}

TEST(NZCVLiveness, DropsFlagsOverwrittenBeforeAnyRead) {
  Block block(0);
  IREmitter ir(block);
  const U32U64 x = ir.GetReg(true, 1);
  const U32U64 first = ir.Sub(x, U32U64(IREmitter::Imm64(1)));   // SUBS, flags never read
  ir.SetNZCV(ir.NZCVFrom(first));
  const U32U64 second = ir.Sub(x, U32U64(IREmitter::Imm64(2)));  // SUBS, flags read by CSEL
  ir.SetNZCV(ir.NZCVFrom(second));
  ir.SetX(0, U64(ir.ConditionalSelect(Cond::EQ, first, second)));
  const U32U64 third = ir.Add(x, x);                              // ADDS before a load
  ir.SetNZCV(ir.NZCVFrom(third));
  ir.ReadMemory8(U64(x));
  ir.SetNZCV(ir.NZCVFrom(ir.Add(x, U32U64(IREmitter::Imm64(3)))));
  ir.SetTerm(term::ReturnToDispatch{});
  NZCVLiveness(block);
  DeadCodeElimination(block);
  ExpectValid(block);
  EXPECT_EQ(Body(block),
            "  %1 = GetX x1\n"
            "  %2 = Sub64 %1, #0x1\n"
            "  %3 = Sub64 %1, #0x2\n"
            "  %4 = GetNZCVFromOp %3\n"
            "  SetNZCV %4\n"
            "  %5 = ConditionalSelect64 EQ, %2, %3\n"
            "  SetX x0, %5\n"
            "  %6 = Add64 %1, %1\n"
            "  %7 = GetNZCVFromOp %6\n"
            "  SetNZCV %7\n"
            "  %8 = ReadMemory8 %1\n"
            "  %9 = Add64 %1, #0x3\n"
            "  %10 = GetNZCVFromOp %9\n"
            "  SetNZCV %10\n"
            "  terminal ReturnToDispatch\n");
}

TEST(DeadCodeElimination, RemovesUnusedChainsButKeepsEffects) {
  Block block(0);
  IREmitter ir(block);
  const U32U64 x = ir.GetReg(true, 1);
  ir.Not(ir.Add(x, x));              // unused chain
  ir.ReadMemory32(U64(x));           // unused, but may fault: stays
  ir.Emit(Opcode::DataMemoryBarrier, {});
  ir.SetTerm(term::ReturnToDispatch{});
  DeadCodeElimination(block);
  ExpectValid(block);
  EXPECT_EQ(Body(block),
            "  %1 = GetX x1\n"
            "  %2 = ReadMemory32 %1\n"
            "  DataMemoryBarrier\n"
            "  terminal ReturnToDispatch\n");
}

TEST(Optimize, RunsAllPassesToAFixedPoint) {
  // ADD x0, x1, #0; SUBS x2, x0, #0 (flags dead); SUBS x2, x0, #4 (flags live at the end)
  Block block(0x4000);
  IREmitter ir(block);
  ir.SetX(0, U64(ir.Add(ir.GetReg(true, 1), IREmitter::Imm(true, 0))));
  const U32U64 a = ir.Sub(ir.GetReg(true, 0), IREmitter::Imm(true, 0));
  ir.SetX(2, U64(a));
  ir.SetNZCV(ir.NZCVFrom(a));
  const U32U64 b = ir.Sub(ir.GetReg(true, 0), IREmitter::Imm(true, 4));
  ir.SetX(2, U64(b));
  ir.SetNZCV(ir.NZCVFrom(b));
  block.set_guest_instructions(3);
  ir.SetTerm(term::LinkBlock{0x400c});
  Optimize(block);
  ExpectValid(block);
  EXPECT_EQ(Body(block),
            "  %1 = GetX x1\n"
            "  SetX x0, %1\n"
            "  %2 = Sub64 %1, #0x4\n"
            "  SetX x2, %2\n"
            "  %3 = GetNZCVFromOp %2\n"
            "  SetNZCV %3\n"
            "  terminal LinkBlock 0x400c\n");
}

}  // namespace
}  // namespace sae::ir
