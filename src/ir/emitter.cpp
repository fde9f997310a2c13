#include "ir/emitter.h"

namespace sae::ir {

U32U64 IREmitter::Imm(bool is64, std::uint64_t value) {
  return is64 ? U32U64(Imm64(value)) : U32U64(Imm32(static_cast<std::uint32_t>(value)));
}

U32U64 IREmitter::Sized(Opcode op32, Opcode op64, std::initializer_list<Value> arguments) {
  const Type type = arguments.begin()->type();
  assert(type == Type::U32 || type == Type::U64);
  return U32U64(Emit(type == Type::U64 ? op64 : op32, arguments));
}

U32 IREmitter::GetW(unsigned reg) {
  return reg == 31 ? Imm32(0) : U32(Emit(Opcode::GetW, {GuestReg(reg)}));
}
U64 IREmitter::GetX(unsigned reg) {
  return reg == 31 ? Imm64(0) : U64(Emit(Opcode::GetX, {GuestReg(reg)}));
}
U32U64 IREmitter::GetReg(bool is64, unsigned reg) {
  return is64 ? U32U64(GetX(reg)) : U32U64(GetW(reg));
}
void IREmitter::SetW(unsigned reg, U32 value) {
  if (reg != 31) Emit(Opcode::SetW, {GuestReg(reg), value});
}
void IREmitter::SetX(unsigned reg, U64 value) {
  if (reg != 31) Emit(Opcode::SetX, {GuestReg(reg), value});
}
void IREmitter::SetReg(unsigned reg, U32U64 value) {
  if (value.type() == Type::U64) {
    SetX(reg, U64(value));
  } else {
    SetW(reg, U32(value));
  }
}
U64 IREmitter::GetSP() { return U64(Emit(Opcode::GetSP, {})); }
void IREmitter::SetSP(U64 value) { Emit(Opcode::SetSP, {value}); }
NZCV IREmitter::GetNZCV() { return NZCV(Emit(Opcode::GetNZCV, {})); }
void IREmitter::SetNZCV(NZCV flags) { Emit(Opcode::SetNZCV, {flags}); }
NZCV IREmitter::NZCVFrom(const Value& flag_setting_op) {
  return NZCV(Emit(Opcode::GetNZCVFromOp, {flag_setting_op}));
}
void IREmitter::SetPC(U64 pc) { Emit(Opcode::SetPC, {pc}); }
U1 IREmitter::ConditionHolds(Cond cond) {
  return U1(Emit(Opcode::ConditionHolds, {Value::Immediate(Type::Cond, static_cast<unsigned>(cond))}));
}

void IREmitter::SetCheckBit(U1 value) { Emit(Opcode::SetCheckBit, {value}); }
U1 IREmitter::TestBit(U64 value, U8 bit) { return U1(Emit(Opcode::TestBit, {value, bit})); }
U32U64 IREmitter::CountLeadingZeros(U32U64 a) {
  return Sized(Opcode::CountLeadingZeros32, Opcode::CountLeadingZeros64, {a});
}
U32U64 IREmitter::ReverseBits(U32U64 a) {
  return Sized(Opcode::ReverseBits32, Opcode::ReverseBits64, {a});
}
U32U64 IREmitter::ByteReverse(U32U64 a) {
  return Sized(Opcode::ByteReverse32, Opcode::ByteReverse64, {a});
}

U32 IREmitter::CRC32(bool castagnoli, unsigned bits, U32 accumulator, U32U64 data) {
  static constexpr Opcode kIso[] = {Opcode::CRC32ISO8, Opcode::CRC32ISO16, Opcode::CRC32ISO32,
                                    Opcode::CRC32ISO64};
  static constexpr Opcode kCastagnoli[] = {Opcode::CRC32Castagnoli8, Opcode::CRC32Castagnoli16,
                                           Opcode::CRC32Castagnoli32, Opcode::CRC32Castagnoli64};
  const std::size_t index = bits == 8 ? 0 : bits == 16 ? 1 : bits == 32 ? 2 : 3;
  assert((index == 3) == (data.type() == Type::U64));
  return U32(Emit(castagnoli ? kCastagnoli[index] : kIso[index], {accumulator, data}));
}

U32U64 IREmitter::Add(U32U64 a, U32U64 b) { return Sized(Opcode::Add32, Opcode::Add64, {a, b}); }
U32U64 IREmitter::Sub(U32U64 a, U32U64 b) { return Sized(Opcode::Sub32, Opcode::Sub64, {a, b}); }
U32U64 IREmitter::AddWithCarry(U32U64 a, U32U64 b, U1 carry) {
  return Sized(Opcode::AddWithCarry32, Opcode::AddWithCarry64, {a, b, carry});
}
U32U64 IREmitter::SubWithCarry(U32U64 a, U32U64 b, U1 carry) {
  return Sized(Opcode::SubWithCarry32, Opcode::SubWithCarry64, {a, b, carry});
}
U32U64 IREmitter::Mul(U32U64 a, U32U64 b) { return Sized(Opcode::Mul32, Opcode::Mul64, {a, b}); }
U32U64 IREmitter::And(U32U64 a, U32U64 b) { return Sized(Opcode::And32, Opcode::And64, {a, b}); }
U32U64 IREmitter::AndNot(U32U64 a, U32U64 b) {
  return Sized(Opcode::AndNot32, Opcode::AndNot64, {a, b});
}
U32U64 IREmitter::Or(U32U64 a, U32U64 b) { return Sized(Opcode::Or32, Opcode::Or64, {a, b}); }
U32U64 IREmitter::Eor(U32U64 a, U32U64 b) { return Sized(Opcode::Eor32, Opcode::Eor64, {a, b}); }
U32U64 IREmitter::Not(U32U64 a) { return Sized(Opcode::Not32, Opcode::Not64, {a}); }
U32U64 IREmitter::LogicalShiftLeft(U32U64 a, U8 amount) {
  return Sized(Opcode::LogicalShiftLeft32, Opcode::LogicalShiftLeft64, {a, amount});
}
U32U64 IREmitter::LogicalShiftRight(U32U64 a, U8 amount) {
  return Sized(Opcode::LogicalShiftRight32, Opcode::LogicalShiftRight64, {a, amount});
}
U32U64 IREmitter::ArithmeticShiftRight(U32U64 a, U8 amount) {
  return Sized(Opcode::ArithmeticShiftRight32, Opcode::ArithmeticShiftRight64, {a, amount});
}
U32U64 IREmitter::RotateRight(U32U64 a, U8 amount) {
  return Sized(Opcode::RotateRight32, Opcode::RotateRight64, {a, amount});
}
U32U64 IREmitter::ConditionalSelect(Cond cond, U32U64 a, U32U64 b) {
  const Value c = Value::Immediate(Type::Cond, static_cast<unsigned>(cond));
  return U32U64(Emit(a.type() == Type::U64 ? Opcode::ConditionalSelect64 : Opcode::ConditionalSelect32,
                     {c, a, b}));
}
U1 IREmitter::IsZero(U32U64 a) {
  return U1(Emit(a.type() == Type::U64 ? Opcode::IsZero64 : Opcode::IsZero32, {a}));
}
U32 IREmitter::LeastSignificantWord(U64 a) { return U32(Emit(Opcode::LeastSignificantWord, {a})); }
U64 IREmitter::ZeroExtendToLong(U32 a) { return U64(Emit(Opcode::ZeroExtendWordToLong, {a})); }
U64 IREmitter::SignExtendToLong(U32 a) { return U64(Emit(Opcode::SignExtendWordToLong, {a})); }

U8 IREmitter::ReadMemory8(U64 address) { return U8(Emit(Opcode::ReadMemory8, {address})); }
U16 IREmitter::ReadMemory16(U64 address) { return U16(Emit(Opcode::ReadMemory16, {address})); }
U32 IREmitter::ReadMemory32(U64 address) { return U32(Emit(Opcode::ReadMemory32, {address})); }
U64 IREmitter::ReadMemory64(U64 address) { return U64(Emit(Opcode::ReadMemory64, {address})); }
void IREmitter::WriteMemory8(U64 address, U8 value) { Emit(Opcode::WriteMemory8, {address, value}); }
void IREmitter::WriteMemory16(U64 address, U16 value) {
  Emit(Opcode::WriteMemory16, {address, value});
}
void IREmitter::WriteMemory32(U64 address, U32 value) {
  Emit(Opcode::WriteMemory32, {address, value});
}
void IREmitter::WriteMemory64(U64 address, U64 value) {
  Emit(Opcode::WriteMemory64, {address, value});
}

}  // namespace sae::ir
