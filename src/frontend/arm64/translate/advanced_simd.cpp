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

}  // namespace sae::frontend::arm64
