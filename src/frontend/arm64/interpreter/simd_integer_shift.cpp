// Integer Advanced SIMD shift by immediate, vector and scalar. immh's highest set bit gives the
// element size; immh:immb encodes a right shift as 2 * esize - shift and a left shift as
// esize + shift.
#include <bit>

#include "frontend/arm64/interpreter/interpreter_visitor.h"
#include "frontend/arm64/interpreter/simd_integer_lanes.h"

namespace sae::frontend::arm64 {

using simd_integer::Int128;
using simd_integer::Saturate;
using simd_integer::Shape;
using simd_integer::Vector;

namespace {

using simd_integer::Elementwise;
using simd_integer::Narrowing;
using simd_integer::Read;
using simd_integer::ShiftElement;
using simd_integer::Widening;

// An element size and a shift amount, decoded from immh:immb.
struct ShiftImmediate {
  unsigned esize;
  unsigned immediate;  // immh:immb
  int Right() const { return static_cast<int>(2 * esize - immediate); }
  int Left() const { return static_cast<int>(immediate - esize); }
};
ShiftImmediate Decode(unsigned immh, Imm<3> immb) {
  return {8u << (std::bit_width(immh) - 1), (immh << 3) | immb.value};
}
// The 64-bit-only scalar forms fix immh<3> to 1.
ShiftImmediate Decode64(Imm<3> immh_low, Imm<3> immb) { return Decode(8 | immh_low.value, immb); }
Shape VectorOf(bool q, ShiftImmediate shift) {
  return {shift.esize, (q ? 128u : 64u) / shift.esize};
}
Shape ScalarOf(ShiftImmediate shift) { return {shift.esize, 1}; }

// SSHR, USHR, SRSHR, URSHR and, accumulating, SSRA, USRA, SRSRA, URSRA.
bool ShiftRight(Interpreter& in, Shape shape, int shift, bool is_signed, bool round,
                bool accumulate, Vec d, Vec n) {
  const Vector a = Read(in, n);
  return Elementwise(in, shape, is_signed, d, a, a, [&](Int128 x, Int128, Int128 acc) {
    return (accumulate ? acc : 0) + ShiftElement(x, -shift, round, shape.esize);
  });
}

// SHL, and SLI, which keeps the bits of Vd below the shifted-in ones.
bool ShiftLeft(Interpreter& in, Shape shape, int shift, bool insert, Vec d, Vec n) {
  const Vector a = Read(in, n);
  const Int128 kept = insert ? (Int128{1} << shift) - 1 : 0;
  return Elementwise(in, shape, false, d, a, a,
                     [&](Int128 x, Int128, Int128 acc) { return (x << shift) | (acc & kept); });
}

// SRI: Vn shifted right into Vd, whose bits above the shifted-in ones stay.
bool ShiftRightInsert(Interpreter& in, Shape shape, int shift, Vec d, Vec n) {
  const Vector a = Read(in, n);
  const Int128 inserted = ((Int128{1} << shape.esize) - 1) >> shift;
  return Elementwise(in, shape, false, d, a, a, [&](Int128 x, Int128, Int128 acc) {
    return (acc & ~inserted) | (x >> shift);
  });
}

// SQSHL, UQSHL and SQSHLU (a signed operand, an unsigned result) by immediate.
bool SaturatingShiftLeft(Interpreter& in, Shape shape, int shift, bool source_signed,
                         bool result_signed, Vec d, Vec n) {
  Saturate saturate(in);
  const Vector a = Read(in, n);
  return Elementwise(in, shape, source_signed, d, a, a, [&](Int128 x, Int128, Int128) {
    return saturate.To(x << shift, shape.esize, result_signed);
  });
}

// SHRN, RSHRN and the saturating SQSHRN, UQSHRN, SQSHRUN (and their rounding forms): elements
// of twice the size shifted right into `narrow` elements.
bool ShiftRightNarrow(Interpreter& in, Shape narrow, bool upper, int shift, bool round,
                      bool source_signed, bool saturating, bool result_signed, Vec d, Vec n) {
  Saturate saturate(in);
  const Vector a = Read(in, n);
  return Narrowing(in, d, narrow, upper, [&](unsigned i) {
    const Int128 shifted =
        ShiftElement(a.Element(2 * narrow.esize, i, source_signed), -shift, round, narrow.esize);
    return saturating ? saturate.To(shifted, narrow.esize, result_signed) : shifted;
  });
}

bool ShiftLeftLong(Interpreter& in, bool q, Imm<3> immh, Imm<3> immb, bool is_signed, Vec d,
                   Vec n) {
  const ShiftImmediate shift = Decode(immh.value, immb);
  const Vector a = Read(in, n);
  return Widening(in, {shift.esize, 64 / shift.esize}, q, is_signed, d, a, false, a,
                  [&](Int128 x, Int128, Int128) { return x << shift.Left(); });
}

}  // namespace

// ---- Vector

bool Interpreter::SSHR_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRight(*this, VectorOf(q, s), s.Right(), true, false, false, d, n);
}
bool Interpreter::USHR_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRight(*this, VectorOf(q, s), s.Right(), false, false, false, d, n);
}
bool Interpreter::SRSHR_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRight(*this, VectorOf(q, s), s.Right(), true, true, false, d, n);
}
bool Interpreter::URSHR_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRight(*this, VectorOf(q, s), s.Right(), false, true, false, d, n);
}
bool Interpreter::SSRA_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRight(*this, VectorOf(q, s), s.Right(), true, false, true, d, n);
}
bool Interpreter::USRA_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRight(*this, VectorOf(q, s), s.Right(), false, false, true, d, n);
}
bool Interpreter::SRSRA_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRight(*this, VectorOf(q, s), s.Right(), true, true, true, d, n);
}
bool Interpreter::URSRA_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRight(*this, VectorOf(q, s), s.Right(), false, true, true, d, n);
}
bool Interpreter::SHL_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftLeft(*this, VectorOf(q, s), s.Left(), false, d, n);
}
bool Interpreter::SLI_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftLeft(*this, VectorOf(q, s), s.Left(), true, d, n);
}
bool Interpreter::SRI_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRightInsert(*this, VectorOf(q, s), s.Right(), d, n);
}
bool Interpreter::SQSHL_imm_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return SaturatingShiftLeft(*this, VectorOf(q, s), s.Left(), true, true, d, n);
}
bool Interpreter::UQSHL_imm_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return SaturatingShiftLeft(*this, VectorOf(q, s), s.Left(), false, false, d, n);
}
bool Interpreter::SQSHLU_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return SaturatingShiftLeft(*this, VectorOf(q, s), s.Left(), true, false, d, n);
}
bool Interpreter::SHRN_vec(bool q, Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRightNarrow(*this, VectorOf(false, s), q, s.Right(), false, false, false, false, d,
                          n);
}
bool Interpreter::RSHRN_vec(bool q, Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRightNarrow(*this, VectorOf(false, s), q, s.Right(), true, false, false, false, d,
                          n);
}
bool Interpreter::SQSHRN_vec(bool q, Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRightNarrow(*this, VectorOf(false, s), q, s.Right(), false, true, true, true, d, n);
}
bool Interpreter::SQRSHRN_vec(bool q, Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRightNarrow(*this, VectorOf(false, s), q, s.Right(), true, true, true, true, d, n);
}
bool Interpreter::UQSHRN_vec(bool q, Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRightNarrow(*this, VectorOf(false, s), q, s.Right(), false, false, true, false, d,
                          n);
}
bool Interpreter::UQRSHRN_vec(bool q, Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRightNarrow(*this, VectorOf(false, s), q, s.Right(), true, false, true, false, d, n);
}
bool Interpreter::SQSHRUN_vec(bool q, Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRightNarrow(*this, VectorOf(false, s), q, s.Right(), false, true, true, false, d,
                          n);
}
bool Interpreter::SQRSHRUN_vec(bool q, Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRightNarrow(*this, VectorOf(false, s), q, s.Right(), true, true, true, false, d, n);
}
bool Interpreter::SSHLL_vec(bool q, Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  return ShiftLeftLong(*this, q, immh, immb, true, d, n);
}
bool Interpreter::USHLL_vec(bool q, Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  return ShiftLeftLong(*this, q, immh, immb, false, d, n);
}

// ---- Scalar

bool Interpreter::SSHR_scalar(Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode64(immh, immb);
  return ShiftRight(*this, ScalarOf(s), s.Right(), true, false, false, d, n);
}
bool Interpreter::USHR_scalar(Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode64(immh, immb);
  return ShiftRight(*this, ScalarOf(s), s.Right(), false, false, false, d, n);
}
bool Interpreter::SRSHR_scalar(Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode64(immh, immb);
  return ShiftRight(*this, ScalarOf(s), s.Right(), true, true, false, d, n);
}
bool Interpreter::URSHR_scalar(Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode64(immh, immb);
  return ShiftRight(*this, ScalarOf(s), s.Right(), false, true, false, d, n);
}
bool Interpreter::SSRA_scalar(Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode64(immh, immb);
  return ShiftRight(*this, ScalarOf(s), s.Right(), true, false, true, d, n);
}
bool Interpreter::USRA_scalar(Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode64(immh, immb);
  return ShiftRight(*this, ScalarOf(s), s.Right(), false, false, true, d, n);
}
bool Interpreter::SRSRA_scalar(Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode64(immh, immb);
  return ShiftRight(*this, ScalarOf(s), s.Right(), true, true, true, d, n);
}
bool Interpreter::URSRA_scalar(Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode64(immh, immb);
  return ShiftRight(*this, ScalarOf(s), s.Right(), false, true, true, d, n);
}
bool Interpreter::SHL_scalar(Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode64(immh, immb);
  return ShiftLeft(*this, ScalarOf(s), s.Left(), false, d, n);
}
bool Interpreter::SLI_scalar(Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode64(immh, immb);
  return ShiftLeft(*this, ScalarOf(s), s.Left(), true, d, n);
}
bool Interpreter::SRI_scalar(Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode64(immh, immb);
  return ShiftRightInsert(*this, ScalarOf(s), s.Right(), d, n);
}
bool Interpreter::SQSHL_imm_scalar(Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return SaturatingShiftLeft(*this, ScalarOf(s), s.Left(), true, true, d, n);
}
bool Interpreter::UQSHL_imm_scalar(Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return SaturatingShiftLeft(*this, ScalarOf(s), s.Left(), false, false, d, n);
}
bool Interpreter::SQSHLU_scalar(Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return SaturatingShiftLeft(*this, ScalarOf(s), s.Left(), true, false, d, n);
}
bool Interpreter::SQSHRN_scalar(Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRightNarrow(*this, ScalarOf(s), false, s.Right(), false, true, true, true, d, n);
}
bool Interpreter::SQRSHRN_scalar(Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRightNarrow(*this, ScalarOf(s), false, s.Right(), true, true, true, true, d, n);
}
bool Interpreter::UQSHRN_scalar(Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRightNarrow(*this, ScalarOf(s), false, s.Right(), false, false, true, false, d, n);
}
bool Interpreter::UQRSHRN_scalar(Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRightNarrow(*this, ScalarOf(s), false, s.Right(), true, false, true, false, d, n);
}
bool Interpreter::SQSHRUN_scalar(Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRightNarrow(*this, ScalarOf(s), false, s.Right(), false, true, true, false, d, n);
}
bool Interpreter::SQRSHRUN_scalar(Imm<3> immh, Imm<3> immb, Vec n, Vec d) {
  const ShiftImmediate s = Decode(immh.value, immb);
  return ShiftRightNarrow(*this, ScalarOf(s), false, s.Right(), true, true, true, false, d, n);
}

}  // namespace sae::frontend::arm64
