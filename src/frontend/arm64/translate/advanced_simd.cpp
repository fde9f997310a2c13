// Advanced SIMD instructions translated inline: element-wise integer arithmetic, comparisons,
// minimum/maximum and bitwise operations on whole V registers (IR U128 values). Everything
// else of Advanced SIMD goes to the interpreter (block_formation.cpp).
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

}  // namespace sae::frontend::arm64
