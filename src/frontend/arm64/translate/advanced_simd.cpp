// Advanced SIMD instructions translated inline: element-wise integer arithmetic, comparisons,
// minimum/maximum and bitwise operations on whole V registers (IR U128 values). Everything
// else of Advanced SIMD goes to the interpreter (block_formation.cpp).
#include <bit>

#include "frontend/arm64/interpreter/immediates.h"
#include "frontend/arm64/translate/visitor.h"

namespace sae::frontend::arm64 {

using namespace ir;  // NOLINT: the IR's types are this file's vocabulary

namespace {

U8 ElementBits(Imm<2> size) { return IREmitter::Imm8(static_cast<std::uint8_t>(8u << size.value)); }
Value RegisterNumber(Vec v) { return IREmitter::Imm8(v.index); }

}  // namespace

Value TranslatorVisitor::GetVector(Vec v) { return ir.Emit(Opcode::GetVector, {RegisterNumber(v)}); }

// 64-bit arrangements (Q = 0) clear bits 127:64 of the destination.
void TranslatorVisitor::SetVector(bool q, Vec d, Value value) {
  ir.Emit(Opcode::SetVector, {RegisterNumber(d), q ? value : ir.Emit(Opcode::VectorZeroUpper, {value})});
}

bool TranslatorVisitor::VectorElementwise(Opcode op, bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  const Value a = GetVector(n), b = GetVector(m);
  SetVector(q, d, ir.Emit(op, {ElementBits(size), a, b}));
  return true;
}

bool TranslatorVisitor::VectorBitwise(Opcode op, bool q, Vec m, Vec n, Vec d) {
  const Value a = GetVector(n), b = GetVector(m);
  SetVector(q, d, ir.Emit(op, {a, b}));
  return true;
}

bool TranslatorVisitor::ADD_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return VectorElementwise(Opcode::VectorAdd, q, size, m, n, d);
}
bool TranslatorVisitor::SUB_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return VectorElementwise(Opcode::VectorSub, q, size, m, n, d);
}
bool TranslatorVisitor::MUL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return VectorElementwise(Opcode::VectorMultiply, q, size, m, n, d);
}
bool TranslatorVisitor::CMEQ_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return VectorElementwise(Opcode::VectorEqual, q, size, m, n, d);
}
bool TranslatorVisitor::CMGT_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return VectorElementwise(Opcode::VectorSignedGreater, q, size, m, n, d);
}
bool TranslatorVisitor::CMHI_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return VectorElementwise(Opcode::VectorUnsignedGreater, q, size, m, n, d);
}
// n >= m is not (m > n).
bool TranslatorVisitor::CMGE_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  const Value a = GetVector(n), b = GetVector(m);
  const Value greater = ir.Emit(Opcode::VectorSignedGreater, {ElementBits(size), b, a});
  SetVector(q, d, ir.Emit(Opcode::VectorNot, {greater}));
  return true;
}
bool TranslatorVisitor::CMHS_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  const Value a = GetVector(n), b = GetVector(m);
  const Value higher = ir.Emit(Opcode::VectorUnsignedGreater, {ElementBits(size), b, a});
  SetVector(q, d, ir.Emit(Opcode::VectorNot, {higher}));
  return true;
}
// (n AND m) != 0 is not ((n AND m) == 0).
bool TranslatorVisitor::CMTST_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  const Value a = GetVector(n), b = GetVector(m);
  const Value zero_lanes = ir.Emit(Opcode::VectorEqual, {ElementBits(size), ir.Emit(Opcode::VectorAnd, {a, b}),
                                                         ir.Emit(Opcode::VectorZero, {})});
  SetVector(q, d, ir.Emit(Opcode::VectorNot, {zero_lanes}));
  return true;
}
bool TranslatorVisitor::SMAX_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return VectorElementwise(Opcode::VectorSignedMax, q, size, m, n, d);
}
bool TranslatorVisitor::SMIN_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return VectorElementwise(Opcode::VectorSignedMin, q, size, m, n, d);
}
bool TranslatorVisitor::UMAX_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return VectorElementwise(Opcode::VectorUnsignedMax, q, size, m, n, d);
}
bool TranslatorVisitor::UMIN_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return VectorElementwise(Opcode::VectorUnsignedMin, q, size, m, n, d);
}
bool TranslatorVisitor::AND_vec(bool q, Vec m, Vec n, Vec d) {
  return VectorBitwise(Opcode::VectorAnd, q, m, n, d);
}
bool TranslatorVisitor::BIC_vec(bool q, Vec m, Vec n, Vec d) {
  return VectorBitwise(Opcode::VectorAndNot, q, m, n, d);
}
bool TranslatorVisitor::ORR_vec(bool q, Vec m, Vec n, Vec d) {
  return VectorBitwise(Opcode::VectorOr, q, m, n, d);
}
bool TranslatorVisitor::ORN_vec(bool q, Vec m, Vec n, Vec d) {
  return VectorBitwise(Opcode::VectorOrNot, q, m, n, d);
}
bool TranslatorVisitor::EOR_vec(bool q, Vec m, Vec n, Vec d) {
  return VectorBitwise(Opcode::VectorEor, q, m, n, d);
}
bool TranslatorVisitor::NOT_vec(bool q, Vec n, Vec d) {
  SetVector(q, d, ir.Emit(Opcode::VectorNot, {GetVector(n)}));
  return true;
}
bool TranslatorVisitor::NEG_vec(bool q, Imm<2> size, Vec n, Vec d) {
  SetVector(q, d, ir.Emit(Opcode::VectorNegate, {ElementBits(size), GetVector(n)}));
  return true;
}
bool TranslatorVisitor::ABS_vec(bool q, Imm<2> size, Vec n, Vec d) {
  SetVector(q, d, ir.Emit(Opcode::VectorAbs, {ElementBits(size), GetVector(n)}));
  return true;
}

// ---- Shifts by immediate: immh:immb gives the element size (its highest set bit) and the
// amount (SHL: immh:immb - esize; right shifts: 2 * esize - immh:immb, 1 to esize).
namespace {
unsigned ShiftElementBits(Imm<4> immh) { return 8u << (31 - std::countl_zero(std::uint32_t{immh.value}) ); }
}  // namespace

bool TranslatorVisitor::SHL_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const unsigned esize = ShiftElementBits(immh);
  const unsigned amount = ((immh.value << 3) | immb.value) - esize;
  SetVector(q, d, ir.Emit(Opcode::VectorShiftLeft,
                          {IREmitter::Imm8(static_cast<std::uint8_t>(esize)), GetVector(n),
                           IREmitter::Imm8(static_cast<std::uint8_t>(amount))}));
  return true;
}
// A shift by the whole element leaves copies of the sign (SSHR, as by esize - 1) or zero (USHR).
bool TranslatorVisitor::ShiftRight(bool arithmetic, bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const unsigned esize = ShiftElementBits(immh);
  const unsigned amount = 2 * esize - ((immh.value << 3) | immb.value);
  const U8 bits = IREmitter::Imm8(static_cast<std::uint8_t>(esize));
  Value result;
  if (amount == esize && !arithmetic) {
    result = ir.Emit(Opcode::VectorZero, {});
  } else {
    result = ir.Emit(arithmetic ? Opcode::VectorArithmeticShiftRight : Opcode::VectorLogicalShiftRight,
                     {bits, GetVector(n),
                      IREmitter::Imm8(static_cast<std::uint8_t>(amount == esize ? esize - 1 : amount))});
  }
  SetVector(q, d, result);
  return true;
}
bool TranslatorVisitor::SSHR_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  return ShiftRight(true, q, immh, immb, n, d);
}
bool TranslatorVisitor::USHR_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  return ShiftRight(false, q, immh, immb, n, d);
}

// ---- DUP (general): imm5's lowest set bit selects the element size; 31 is the zero register.
bool TranslatorVisitor::DUP_gen(bool q, Imm<5> imm5, Reg n, Vec d) {
  const unsigned esize = 8u << std::countr_zero(std::uint32_t{imm5.value});
  SetVector(q, d, ir.Emit(Opcode::VectorBroadcast,
                          {IREmitter::Imm8(static_cast<std::uint8_t>(esize)), ir.GetX(n.index)}));
  return true;
}

// ---- MOVI: the expanded immediate in each 64-bit half (the low one for 64-bit vectors).
bool TranslatorVisitor::MoveImmediate(bool q, std::uint64_t imm64, Vec d) {
  SetVector(true, d, ir.Emit(Opcode::VectorFromHalves,
                             {IREmitter::Imm64(imm64), IREmitter::Imm64(q ? imm64 : 0)}));
  return true;
}
#define SAE_MOVI(name, expansion)                                           \
  bool TranslatorVisitor::name(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {   \
    const std::uint64_t imm8 = SimdImm8(abc.value, defgh.value);            \
    return MoveImmediate(q, expansion, d);                                  \
  }
SAE_MOVI(MOVI_32_lsl0, Shifted32(imm8, 0, false))
SAE_MOVI(MOVI_32_lsl8, Shifted32(imm8, 8, false))
SAE_MOVI(MOVI_32_lsl16, Shifted32(imm8, 16, false))
SAE_MOVI(MOVI_32_lsl24, Shifted32(imm8, 24, false))
SAE_MOVI(MOVI_32_msl8, Shifted32(imm8, 8, true))
SAE_MOVI(MOVI_32_msl16, Shifted32(imm8, 16, true))
SAE_MOVI(MOVI_16_lsl0, Shifted16(imm8, 0))
SAE_MOVI(MOVI_16_lsl8, Shifted16(imm8, 8))
SAE_MOVI(MOVI_8, Replicate8(imm8))
SAE_MOVI(MOVI_64, ByteMask(imm8))
#undef SAE_MOVI

// ---- FP arithmetic: inline with the interpreter as the exact path (the FloatingPoint
// operation). Half precision goes to the interpreter alone.
bool TranslatorVisitor::FloatingPoint(Encoding encoding, FPOperation operation, bool double_precision,
                                      bool vector, bool q, unsigned d, unsigned n, unsigned m,
                                      unsigned a) {
  const FPForm form{operation, double_precision, vector, q};
  ir.Emit(Opcode::FloatingPoint,
          {IREmitter::Imm8(form.Pack()), IREmitter::Imm32(PackFPRegisters(d, n, m, a)),
           IREmitter::Imm32(word_), Value::Immediate(Type::U16, static_cast<std::uint16_t>(encoding))});
  return true;
}

// Scalar ftype: 00 single, 01 double, 11 half (10 is reserved: reserved.cpp).
#define SAE_FP_SCALAR_2(name, operation)                                                       \
  bool TranslatorVisitor::name(Imm<2> type, Vec m, Vec n, Vec d) {                             \
    if (type.value == 3) return NotTranslated(Encoding::name, word_);                         \
    return FloatingPoint(Encoding::name, FPOperation::operation, type.value == 1, false, false, \
                         d.index, n.index, m.index, 0);                                        \
  }
#define SAE_FP_SCALAR_3(name, operation)                                                       \
  bool TranslatorVisitor::name(Imm<2> type, Vec m, Vec a, Vec n, Vec d) {                      \
    if (type.value == 3) return NotTranslated(Encoding::name, word_);                         \
    return FloatingPoint(Encoding::name, FPOperation::operation, type.value == 1, false, false, \
                         d.index, n.index, m.index, a.index);                                  \
  }
#define SAE_FP_VECTOR(name, operation)                                                           \
  bool TranslatorVisitor::name(bool q, bool sz, Vec m, Vec n, Vec d) {                           \
    return FloatingPoint(Encoding::name, FPOperation::operation, sz, true, q, d.index, n.index, \
                         m.index, d.index);                                                      \
  }
SAE_FP_SCALAR_2(FADD_float, Add)
SAE_FP_SCALAR_2(FSUB_float, Sub)
SAE_FP_SCALAR_2(FMUL_float, Mul)
SAE_FP_SCALAR_2(FDIV_float, Div)
SAE_FP_SCALAR_3(FMADD_float, MulAdd)
SAE_FP_SCALAR_3(FMSUB_float, MulSub)
SAE_FP_SCALAR_3(FNMADD_float, NegMulAdd)
SAE_FP_SCALAR_3(FNMSUB_float, NegMulSub)
SAE_FP_VECTOR(FADD_vec, Add)
SAE_FP_VECTOR(FSUB_vec, Sub)
SAE_FP_VECTOR(FMUL_vec, Mul)
SAE_FP_VECTOR(FDIV_vec, Div)
SAE_FP_VECTOR(FMLA_vec, MulAdd)
SAE_FP_VECTOR(FMLS_vec, MulSub)
#undef SAE_FP_VECTOR
#undef SAE_FP_SCALAR_3
#undef SAE_FP_SCALAR_2

// ---- Conversions between integers and FP, and between single and double (the
// FloatingPointConvert operation; half precision goes to the interpreter alone).
bool TranslatorVisitor::FloatingPointConvert(Encoding encoding, FPConversion conversion,
                                             bool double_precision, bool int64, unsigned d,
                                             unsigned n) {
  const FPConvertForm form{conversion, double_precision, int64};
  ir.Emit(Opcode::FloatingPointConvert,
          {IREmitter::Imm8(form.Pack()), IREmitter::Imm32(PackFPRegisters(d, n, 0, 0)),
           IREmitter::Imm32(word_), Value::Immediate(Type::U16, static_cast<std::uint16_t>(encoding))});
  return true;
}

#define SAE_FP_FROM_INTEGER(name, conversion)                                                   \
  bool TranslatorVisitor::name(bool z, Imm<2> type, Reg n, Vec d) {                             \
    if (type.value == 3) return NotTranslated(Encoding::name, word_);                          \
    return FloatingPointConvert(Encoding::name, FPConversion::conversion, type.value == 1, z,    \
                                d.index, n.index);                                              \
  }
#define SAE_FP_TO_INTEGER(name, conversion)                                                     \
  bool TranslatorVisitor::name(bool z, Imm<2> type, Vec n, Reg d) {                             \
    if (type.value == 3) return NotTranslated(Encoding::name, word_);                          \
    return FloatingPointConvert(Encoding::name, FPConversion::conversion, type.value == 1, z,    \
                                d.index, n.index);                                              \
  }
SAE_FP_FROM_INTEGER(SCVTF_float_int, SignedToFloat)
SAE_FP_FROM_INTEGER(UCVTF_float_int, UnsignedToFloat)
SAE_FP_TO_INTEGER(FCVTZS_float_int, FloatToSigned)
SAE_FP_TO_INTEGER(FCVTZU_float_int, FloatToUnsigned)
#undef SAE_FP_TO_INTEGER
#undef SAE_FP_FROM_INTEGER

// FCVT: ftype is the source precision, opc the destination's (00 single, 01 double, 11 half).
bool TranslatorVisitor::FCVT_float(Imm<2> type, Imm<2> opc, Vec n, Vec d) {
  if (type.value == 0 && opc.value == 1) {
    return FloatingPointConvert(Encoding::FCVT_float, FPConversion::SingleToDouble, false, false,
                                d.index, n.index);
  }
  if (type.value == 1 && opc.value == 0) {
    return FloatingPointConvert(Encoding::FCVT_float, FPConversion::DoubleToSingle, true, false,
                                d.index, n.index);
  }
  return NotTranslated(Encoding::FCVT_float, word_);
}

// ---- FMOV (register), FABS, FNEG: bit operations on the low 16, 32 or 64 bits (never
// arithmetic: no flags, no flushing, NaNs keep their payload), the rest of V[d] cleared.
bool TranslatorVisitor::FloatingPointSignOp(Imm<2> type, Vec n, Vec d, bool clear_sign, bool flip_sign) {
  const unsigned bits = type.value == 3 ? 16 : type.value == 1 ? 64 : 32;
  const std::uint64_t mask = bits == 64 ? ~0ull : (1ull << bits) - 1;
  const std::uint64_t sign = 1ull << (bits - 1);
  const U64 value = U64(ir.Emit(Opcode::GetVectorHalf, {IREmitter::Imm8(n.index), IREmitter::Imm1(false)}));
  U64 result = U64(ir.And(U32U64(value), U32U64(IREmitter::Imm64(clear_sign ? mask & ~sign : mask))));
  if (flip_sign) result = U64(ir.Eor(U32U64(result), U32U64(IREmitter::Imm64(sign))));
  ir.Emit(Opcode::SetVectorHalf, {IREmitter::Imm8(d.index), IREmitter::Imm1(false), result});
  ir.Emit(Opcode::SetVectorHalf, {IREmitter::Imm8(d.index), IREmitter::Imm1(true), IREmitter::Imm64(0)});
  return true;
}
bool TranslatorVisitor::FMOV_float(Imm<2> type, Vec n, Vec d) {
  return FloatingPointSignOp(type, n, d, false, false);
}
bool TranslatorVisitor::FABS_float(Imm<2> type, Vec n, Vec d) {
  return FloatingPointSignOp(type, n, d, true, false);
}
bool TranslatorVisitor::FNEG_float(Imm<2> type, Vec n, Vec d) {
  return FloatingPointSignOp(type, n, d, false, true);
}

// ---- FCMP, FCMPE (the FloatingPointCompare operation); half precision to the interpreter.
bool TranslatorVisitor::FloatingPointCompare(Encoding encoding, Imm<2> type, Vec m, Vec n, bool with_zero) {
  if (type.value == 3) return NotTranslated(encoding, word_);
  const unsigned form = (type.value == 1 ? 1u : 0u) | (with_zero ? 2u : 0u);
  ir.Emit(Opcode::FloatingPointCompare,
          {IREmitter::Imm8(static_cast<std::uint8_t>(form)),
           IREmitter::Imm32(PackFPRegisters(n.index, m.index, 0, 0)), IREmitter::Imm32(word_),
           Value::Immediate(Type::U16, static_cast<std::uint16_t>(encoding))});
  return true;
}
bool TranslatorVisitor::FCMP_float(Imm<2> type, Vec m, Vec n) {
  return FloatingPointCompare(Encoding::FCMP_float, type, m, n, false);
}
bool TranslatorVisitor::FCMP_float_zero(Imm<2> type, Vec m, Vec n) {
  return FloatingPointCompare(Encoding::FCMP_float_zero, type, m, n, true);
}
bool TranslatorVisitor::FCMPE_float(Imm<2> type, Vec m, Vec n) {
  return FloatingPointCompare(Encoding::FCMPE_float, type, m, n, false);
}
bool TranslatorVisitor::FCMPE_float_zero(Imm<2> type, Vec m, Vec n) {
  return FloatingPointCompare(Encoding::FCMPE_float_zero, type, m, n, true);
}

// ---- FMOV (general), 32 and 64 bits and the top half: bit copies (half precision forms go to
// the interpreter). Writing S or D clears the rest of V[d]; the top half leaves the bottom.
bool TranslatorVisitor::FMOV_to_gen_32(Vec n, Reg d) {
  const U64 value = U64(ir.Emit(Opcode::GetVectorHalf, {IREmitter::Imm8(n.index), IREmitter::Imm1(false)}));
  ir.SetW(d.index, U32(ir.Emit(Opcode::LeastSignificantWord, {value})));
  return true;
}
bool TranslatorVisitor::FMOV_to_gen_64(Vec n, Reg d) {
  ir.SetX(d.index, U64(ir.Emit(Opcode::GetVectorHalf, {IREmitter::Imm8(n.index), IREmitter::Imm1(false)})));
  return true;
}
bool TranslatorVisitor::FMOV_to_gen_top(Vec n, Reg d) {
  ir.SetX(d.index, U64(ir.Emit(Opcode::GetVectorHalf, {IREmitter::Imm8(n.index), IREmitter::Imm1(true)})));
  return true;
}
bool TranslatorVisitor::FMOV_from_gen_32(Reg n, Vec d) {
  ir.Emit(Opcode::SetVectorHalf, {IREmitter::Imm8(d.index), IREmitter::Imm1(false), ir.ZeroExtendToLong(ir.GetW(n.index))});
  ir.Emit(Opcode::SetVectorHalf, {IREmitter::Imm8(d.index), IREmitter::Imm1(true), IREmitter::Imm64(0)});
  return true;
}
bool TranslatorVisitor::FMOV_from_gen_64(Reg n, Vec d) {
  ir.Emit(Opcode::SetVectorHalf, {IREmitter::Imm8(d.index), IREmitter::Imm1(false), ir.GetX(n.index)});
  ir.Emit(Opcode::SetVectorHalf, {IREmitter::Imm8(d.index), IREmitter::Imm1(true), IREmitter::Imm64(0)});
  return true;
}
bool TranslatorVisitor::FMOV_from_gen_top(Reg n, Vec d) {
  ir.Emit(Opcode::SetVectorHalf, {IREmitter::Imm8(d.index), IREmitter::Imm1(true), ir.GetX(n.index)});
  return true;
}

}  // namespace sae::frontend::arm64
