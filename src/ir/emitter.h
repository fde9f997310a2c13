// Builds IR into a block. Typed facades pick the 32- or 64-bit opcode from the operand type
// (Add of two U64 is Add64), so translator code reads like the Arm ARM's pseudocode.
#pragma once

#include <cstdint>

#include "ir/block.h"

namespace sae::ir {

class IREmitter {
 public:
  explicit IREmitter(Block& block) : block_(block), pc_(block.start_pc()) {}
  Block& block() { return block_; }
  // The guest instruction being translated; instructions emitted from now on belong to it.
  void set_pc(std::uint64_t pc) { pc_ = pc; }

  // ---- Immediates
  static U1 Imm1(bool value) { return U1(Value::Immediate(Type::U1, value)); }
  static U8 Imm8(std::uint8_t value) { return U8(Value::Immediate(Type::U8, value)); }
  static U32 Imm32(std::uint32_t value) { return U32(Value::Immediate(Type::U32, value)); }
  static U64 Imm64(std::uint64_t value) { return U64(Value::Immediate(Type::U64, value)); }
  static U32U64 Imm(bool is64, std::uint64_t value);

  // ---- Guest state (register 31 reads as zero and ignores writes here; SP has its own calls)
  U32 GetW(unsigned reg);
  U64 GetX(unsigned reg);
  U32U64 GetReg(bool is64, unsigned reg);
  void SetW(unsigned reg, U32 value);
  void SetX(unsigned reg, U64 value);
  void SetReg(unsigned reg, U32U64 value);
  U64 GetSP();
  void SetSP(U64 value);
  NZCV GetNZCV();
  void SetNZCV(NZCV flags);
  NZCV NZCVFrom(const Value& flag_setting_op);  // the flags of an arithmetic result
  void SetPC(U64 pc);
  U1 ConditionHolds(Cond cond);
  void SetCheckBit(U1 value);
  U1 TestBit(U64 value, U8 bit);
  U32U64 CountLeadingZeros(U32U64 a);
  U32U64 ReverseBits(U32U64 a);
  U32U64 ByteReverse(U32U64 a);
  // One CRC32 (or, castagnoli, CRC32C) step over the low `bits` (8, 16, 32, 64) bits of data.
  U32 CRC32(bool castagnoli, unsigned bits, U32 accumulator, U32U64 data);

  // ---- Arithmetic and logic (both operands of the same width)
  U32U64 Add(U32U64 a, U32U64 b);
  U32U64 Sub(U32U64 a, U32U64 b);
  U32U64 AddWithCarry(U32U64 a, U32U64 b, U1 carry);
  U32U64 SubWithCarry(U32U64 a, U32U64 b, U1 carry);
  U32U64 Mul(U32U64 a, U32U64 b);
  U32U64 And(U32U64 a, U32U64 b);
  U32U64 AndNot(U32U64 a, U32U64 b);
  U32U64 Or(U32U64 a, U32U64 b);
  U32U64 Eor(U32U64 a, U32U64 b);
  U32U64 Not(U32U64 a);
  U32U64 LogicalShiftLeft(U32U64 a, U8 amount);
  U32U64 LogicalShiftRight(U32U64 a, U8 amount);
  U32U64 ArithmeticShiftRight(U32U64 a, U8 amount);
  U32U64 RotateRight(U32U64 a, U8 amount);
  U32U64 ConditionalSelect(Cond cond, U32U64 a, U32U64 b);
  U1 IsZero(U32U64 a);
  U32 LeastSignificantWord(U64 a);
  U64 ZeroExtendToLong(U32 a);
  U64 SignExtendToLong(U32 a);

  // ---- Memory
  U8 ReadMemory8(U64 address);
  U16 ReadMemory16(U64 address);
  U32 ReadMemory32(U64 address);
  U64 ReadMemory64(U64 address);
  void WriteMemory8(U64 address, U8 value);
  void WriteMemory16(U64 address, U16 value);
  void WriteMemory32(U64 address, U32 value);
  void WriteMemory64(U64 address, U64 value);

  void SetTerm(Terminal terminal) { block_.set_terminal(std::move(terminal)); }

  Value Emit(Opcode opcode, std::initializer_list<Value> arguments) {
    Inst* inst = block_.Append(opcode, arguments);
    inst->set_pc(pc_);
    return Value(inst);
  }

 private:
  static Value GuestReg(unsigned reg) { return Value::Immediate(Type::GuestReg, reg); }
  // The 32- or 64-bit opcode, by the width of the first operand.
  U32U64 Sized(Opcode op32, Opcode op64, std::initializer_list<Value> arguments);

  Block& block_;
  std::uint64_t pc_;
};

}  // namespace sae::ir
