// Integer Advanced SIMD with two source registers: three same (vector and scalar), three same
// extra (RDM, dot product), three different (widening, narrowing, doubling) and their by-element
// forms, which take the second operand as one element of Vm broadcast to every lane.
#include "frontend/arm64/interpreter/interpreter_visitor.h"
#include "frontend/arm64/interpreter/simd_integer_lanes.h"

namespace sae::frontend::arm64 {

using simd_integer::Int128;
using simd_integer::Saturate;
using simd_integer::Shape;
using simd_integer::Vector;

namespace {

using simd_integer::Elementwise;
using simd_integer::HalfShape;
using simd_integer::IndexedElement;
using simd_integer::Narrowing;
using simd_integer::Pairwise;
using simd_integer::Read;
using simd_integer::ScalarShape;
using simd_integer::ShiftElement;
using simd_integer::VectorShape;
using simd_integer::Widening;

Int128 AllOnesIf(bool condition) { return condition ? -1 : 0; }
Int128 Absolute(Int128 x) { return x < 0 ? -x : x; }
Int128 Max(Int128 x, Int128 y) { return x > y ? x : y; }
Int128 Min(Int128 x, Int128 y) { return x < y ? x : y; }
// The shift amount of the shift-by-register instructions: the low byte of the element, signed.
int ShiftAmount(Int128 element) {
  return static_cast<std::int8_t>(static_cast<std::uint8_t>(element));
}

// Carry-less product of two polynomials over GF(2) of up to 64 bits each.
simd_integer::UInt128 PolynomialMultiply(std::uint64_t x, std::uint64_t y) {
  simd_integer::UInt128 product = 0;
  for (unsigned bit = 0; bit < 64; ++bit) {
    if ((y >> bit) & 1) product ^= simd_integer::UInt128{x} << bit;
  }
  return product;
}

template <class Op>
bool Binary(Interpreter& in, Shape shape, bool is_signed, Vec d, Vec n, Vec m, Op op) {
  return Elementwise(in, shape, is_signed, d, Read(in, n), Read(in, m), op);
}

bool SaturatingAdd(Interpreter& in, Shape shape, bool is_signed, bool subtract, Vec d, Vec n,
                   Vec m) {
  Saturate saturate(in);
  return Binary(in, shape, is_signed, d, n, m, [&](Int128 a, Int128 b, Int128) {
    return saturate.To(subtract ? a - b : a + b, shape.esize, is_signed);
  });
}

// SSHL, USHL, SRSHL, URSHL and, saturating, SQSHL, UQSHL, SQRSHL, UQRSHL (register).
bool ShiftByRegister(Interpreter& in, Shape shape, bool is_signed, bool round, bool saturating,
                     Vec d, Vec n, Vec m) {
  Saturate saturate(in);
  return Binary(in, shape, is_signed, d, n, m, [&](Int128 a, Int128 b, Int128) {
    const Int128 shifted = ShiftElement(a, ShiftAmount(b), round, shape.esize);
    return saturating ? saturate.To(shifted, shape.esize, is_signed) : shifted;
  });
}

bool Compare(Interpreter& in, Shape shape, bool is_signed, Vec d, Vec n, Vec m,
             bool (*holds)(Int128, Int128)) {
  return Binary(in, shape, is_signed, d, n, m,
                [&](Int128 a, Int128 b, Int128) { return AllOnesIf(holds(a, b)); });
}
bool Greater(Int128 a, Int128 b) { return a > b; }
bool GreaterOrEqual(Int128 a, Int128 b) { return a >= b; }
bool Equal(Int128 a, Int128 b) { return a == b; }
bool AnyBitInCommon(Int128 a, Int128 b) { return (a & b) != 0; }

// SQDMULH and SQRDMULH: the high half of the doubled product.
bool DoublingMultiplyHigh(Interpreter& in, Shape shape, bool round, Vec d, const Vector& a,
                          const Vector& b) {
  Saturate saturate(in);
  const Int128 rounding = round ? Int128{1} << (shape.esize - 1) : 0;
  return Elementwise(in, shape, true, d, a, b, [&](Int128 x, Int128 y, Int128) {
    return saturate.Signed((2 * x * y + rounding) >> shape.esize, shape.esize);
  });
}

// SQRDMLAH and SQRDMLSH: the accumulation happens before the rounding and the single saturation.
bool DoublingMultiplyAccumulateHigh(Interpreter& in, Shape shape, bool subtract, Vec d,
                                    const Vector& a, const Vector& b) {
  Saturate saturate(in);
  const Int128 rounding = Int128{1} << (shape.esize - 1);
  return Elementwise(in, shape, true, d, a, b, [&](Int128 x, Int128 y, Int128 acc) {
    const Int128 product = 2 * x * y;
    const Int128 sum = (acc << shape.esize) + (subtract ? -product : product);
    return saturate.Signed((sum + rounding) >> shape.esize, shape.esize);
  });
}

// SQDMULL, SQDMLAL and SQDMLSL (accumulate +1/-1/0): the doubled product saturates, and so
// does the accumulation.
bool DoublingMultiplyLong(Interpreter& in, Shape narrow, bool upper, int accumulate, Vec d,
                          const Vector& a, const Vector& b) {
  Saturate saturate(in);
  const unsigned wide = 2 * narrow.esize;
  return Widening(in, narrow, upper, true, d, a, false, b, [&](Int128 x, Int128 y, Int128 acc) {
    const Int128 product = saturate.Signed(2 * x * y, wide);
    if (accumulate == 0) return product;
    return saturate.Signed(accumulate > 0 ? acc + product : acc - product, wide);
  });
}

// SMULL/UMULL, SMLAL/UMLAL and SMLSL/UMLSL (accumulate +1/-1/0).
bool MultiplyLong(Interpreter& in, Shape narrow, bool upper, bool is_signed, int accumulate,
                  Vec d, const Vector& a, const Vector& b) {
  return Widening(in, narrow, upper, is_signed, d, a, false, b,
                  [&](Int128 x, Int128 y, Int128 acc) {
                    return accumulate == 0 ? x * y : accumulate > 0 ? acc + x * y : acc - x * y;
                  });
}

// MUL, MLA and MLS (accumulate +1/-1/0).
bool Multiply(Interpreter& in, Shape shape, int accumulate, Vec d, const Vector& a,
              const Vector& b) {
  return Elementwise(in, shape, false, d, a, b, [&](Int128 x, Int128 y, Int128 acc) {
    return accumulate == 0 ? x * y : accumulate > 0 ? acc + x * y : acc - x * y;
  });
}

// SDOT and UDOT: each 32-bit element accumulates the four products of its bytes.
bool DotProduct(Interpreter& in, bool q, bool is_signed, Vec d, const Vector& a,
                const Vector& b) {
  const Vector acc = Read(in, d);
  return simd_integer::Build(in, d, VectorShape(q, 2), [&](unsigned i) {
    Int128 sum = acc.Element(32, i, false);
    for (unsigned k = 4 * i; k < 4 * i + 4; ++k) {
      sum += a.Element(8, k, is_signed) * b.Element(8, k, is_signed);
    }
    return sum;
  });
}

// AND, BIC, ORR, ORN, EOR, BSL, BIT, BIF: op(Vn, Vm, Vd) on 64 bits at a time.
template <class Op>
bool Bitwise(Interpreter& in, bool q, Vec d, Vec n, Vec m, Op op) {
  const Vector a = Read(in, n), b = Read(in, m), acc = Read(in, d);
  return simd_integer::Build(in, d, {64, q ? 2u : 1u}, [&](unsigned i) {
    return Int128{op(a.half[i], b.half[i], acc.half[i])};
  });
}

// ADDHN, SUBHN, RADDHN, RSUBHN: the high half of each wide sum or difference.
bool NarrowingHigh(Interpreter& in, bool q, unsigned size, bool subtract, bool round, Vec d,
                   Vec n, Vec m) {
  const Vector a = Read(in, n), b = Read(in, m);
  const Shape narrow = HalfShape(size);
  const unsigned wide = 2 * narrow.esize;
  const Int128 rounding = round ? Int128{1} << (narrow.esize - 1) : 0;
  return Narrowing(in, d, narrow, q, [&](unsigned i) {
    const Int128 x = a.Element(wide, i, false), y = b.Element(wide, i, false);
    return ((subtract ? x - y : x + y) + rounding) >> narrow.esize;
  });
}

// SADDL/UADDL/SSUBL/USUBL and the W forms, whose first operand is already wide.
bool AddLong(Interpreter& in, bool q, unsigned size, bool is_signed, bool wide_n, bool subtract,
             Vec d, Vec n, Vec m) {
  return Widening(in, HalfShape(size), q, is_signed, d, Read(in, n), wide_n, Read(in, m),
                  [&](Int128 x, Int128 y, Int128) { return subtract ? x - y : x + y; });
}

// SABDL/UABDL and, accumulating, SABAL/UABAL.
bool AbsoluteDifferenceLong(Interpreter& in, bool q, unsigned size, bool is_signed,
                            bool accumulate, Vec d, Vec n, Vec m) {
  return Widening(in, HalfShape(size), q, is_signed, d, Read(in, n), false, Read(in, m),
                  [&](Int128 x, Int128 y, Int128 acc) {
                    return (accumulate ? acc : 0) + Absolute(x - y);
                  });
}

}  // namespace

// ---- Three same: halving, saturating and plain arithmetic

bool Interpreter::SHADD_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Binary(*this, VectorShape(q, size.value), true, d, n, m,
                [](Int128 a, Int128 b, Int128) { return (a + b) >> 1; });
}
bool Interpreter::UHADD_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Binary(*this, VectorShape(q, size.value), false, d, n, m,
                [](Int128 a, Int128 b, Int128) { return (a + b) >> 1; });
}
bool Interpreter::SRHADD_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Binary(*this, VectorShape(q, size.value), true, d, n, m,
                [](Int128 a, Int128 b, Int128) { return (a + b + 1) >> 1; });
}
bool Interpreter::URHADD_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Binary(*this, VectorShape(q, size.value), false, d, n, m,
                [](Int128 a, Int128 b, Int128) { return (a + b + 1) >> 1; });
}
bool Interpreter::SHSUB_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Binary(*this, VectorShape(q, size.value), true, d, n, m,
                [](Int128 a, Int128 b, Int128) { return (a - b) >> 1; });
}
bool Interpreter::UHSUB_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Binary(*this, VectorShape(q, size.value), false, d, n, m,
                [](Int128 a, Int128 b, Int128) { return (a - b) >> 1; });
}
bool Interpreter::SQADD_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return SaturatingAdd(*this, VectorShape(q, size.value), true, false, d, n, m);
}
bool Interpreter::UQADD_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return SaturatingAdd(*this, VectorShape(q, size.value), false, false, d, n, m);
}
bool Interpreter::SQSUB_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return SaturatingAdd(*this, VectorShape(q, size.value), true, true, d, n, m);
}
bool Interpreter::UQSUB_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return SaturatingAdd(*this, VectorShape(q, size.value), false, true, d, n, m);
}
bool Interpreter::SQADD_scalar(Imm<2> size, Vec m, Vec n, Vec d) {
  return SaturatingAdd(*this, ScalarShape(size.value), true, false, d, n, m);
}
bool Interpreter::UQADD_scalar(Imm<2> size, Vec m, Vec n, Vec d) {
  return SaturatingAdd(*this, ScalarShape(size.value), false, false, d, n, m);
}
bool Interpreter::SQSUB_scalar(Imm<2> size, Vec m, Vec n, Vec d) {
  return SaturatingAdd(*this, ScalarShape(size.value), true, true, d, n, m);
}
bool Interpreter::UQSUB_scalar(Imm<2> size, Vec m, Vec n, Vec d) {
  return SaturatingAdd(*this, ScalarShape(size.value), false, true, d, n, m);
}
bool Interpreter::ADD_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Binary(*this, VectorShape(q, size.value), false, d, n, m,
                [](Int128 a, Int128 b, Int128) { return a + b; });
}
bool Interpreter::SUB_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Binary(*this, VectorShape(q, size.value), false, d, n, m,
                [](Int128 a, Int128 b, Int128) { return a - b; });
}
bool Interpreter::ADD_scalar(Vec m, Vec n, Vec d) {
  return Binary(*this, ScalarShape(3), false, d, n, m,
                [](Int128 a, Int128 b, Int128) { return a + b; });
}
bool Interpreter::SUB_scalar(Vec m, Vec n, Vec d) {
  return Binary(*this, ScalarShape(3), false, d, n, m,
                [](Int128 a, Int128 b, Int128) { return a - b; });
}

// ---- Three same: compares

bool Interpreter::CMGT_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Compare(*this, VectorShape(q, size.value), true, d, n, m, Greater);
}
bool Interpreter::CMGE_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Compare(*this, VectorShape(q, size.value), true, d, n, m, GreaterOrEqual);
}
bool Interpreter::CMHI_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Compare(*this, VectorShape(q, size.value), false, d, n, m, Greater);
}
bool Interpreter::CMHS_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Compare(*this, VectorShape(q, size.value), false, d, n, m, GreaterOrEqual);
}
bool Interpreter::CMEQ_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Compare(*this, VectorShape(q, size.value), false, d, n, m, Equal);
}
bool Interpreter::CMTST_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Compare(*this, VectorShape(q, size.value), false, d, n, m, AnyBitInCommon);
}
bool Interpreter::CMGT_scalar(Vec m, Vec n, Vec d) {
  return Compare(*this, ScalarShape(3), true, d, n, m, Greater);
}
bool Interpreter::CMGE_scalar(Vec m, Vec n, Vec d) {
  return Compare(*this, ScalarShape(3), true, d, n, m, GreaterOrEqual);
}
bool Interpreter::CMHI_scalar(Vec m, Vec n, Vec d) {
  return Compare(*this, ScalarShape(3), false, d, n, m, Greater);
}
bool Interpreter::CMHS_scalar(Vec m, Vec n, Vec d) {
  return Compare(*this, ScalarShape(3), false, d, n, m, GreaterOrEqual);
}
bool Interpreter::CMEQ_scalar(Vec m, Vec n, Vec d) {
  return Compare(*this, ScalarShape(3), false, d, n, m, Equal);
}
bool Interpreter::CMTST_scalar(Vec m, Vec n, Vec d) {
  return Compare(*this, ScalarShape(3), false, d, n, m, AnyBitInCommon);
}

// ---- Three same: shifts by register

bool Interpreter::SSHL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return ShiftByRegister(*this, VectorShape(q, size.value), true, false, false, d, n, m);
}
bool Interpreter::USHL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return ShiftByRegister(*this, VectorShape(q, size.value), false, false, false, d, n, m);
}
bool Interpreter::SRSHL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return ShiftByRegister(*this, VectorShape(q, size.value), true, true, false, d, n, m);
}
bool Interpreter::URSHL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return ShiftByRegister(*this, VectorShape(q, size.value), false, true, false, d, n, m);
}
bool Interpreter::SQSHL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return ShiftByRegister(*this, VectorShape(q, size.value), true, false, true, d, n, m);
}
bool Interpreter::UQSHL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return ShiftByRegister(*this, VectorShape(q, size.value), false, false, true, d, n, m);
}
bool Interpreter::SQRSHL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return ShiftByRegister(*this, VectorShape(q, size.value), true, true, true, d, n, m);
}
bool Interpreter::UQRSHL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return ShiftByRegister(*this, VectorShape(q, size.value), false, true, true, d, n, m);
}
bool Interpreter::SSHL_scalar(Vec m, Vec n, Vec d) {
  return ShiftByRegister(*this, ScalarShape(3), true, false, false, d, n, m);
}
bool Interpreter::USHL_scalar(Vec m, Vec n, Vec d) {
  return ShiftByRegister(*this, ScalarShape(3), false, false, false, d, n, m);
}
bool Interpreter::SRSHL_scalar(Vec m, Vec n, Vec d) {
  return ShiftByRegister(*this, ScalarShape(3), true, true, false, d, n, m);
}
bool Interpreter::URSHL_scalar(Vec m, Vec n, Vec d) {
  return ShiftByRegister(*this, ScalarShape(3), false, true, false, d, n, m);
}
bool Interpreter::SQSHL_scalar(Imm<2> size, Vec m, Vec n, Vec d) {
  return ShiftByRegister(*this, ScalarShape(size.value), true, false, true, d, n, m);
}
bool Interpreter::UQSHL_scalar(Imm<2> size, Vec m, Vec n, Vec d) {
  return ShiftByRegister(*this, ScalarShape(size.value), false, false, true, d, n, m);
}
bool Interpreter::SQRSHL_scalar(Imm<2> size, Vec m, Vec n, Vec d) {
  return ShiftByRegister(*this, ScalarShape(size.value), true, true, true, d, n, m);
}
bool Interpreter::UQRSHL_scalar(Imm<2> size, Vec m, Vec n, Vec d) {
  return ShiftByRegister(*this, ScalarShape(size.value), false, true, true, d, n, m);
}

// ---- Three same: maximum, minimum, absolute difference

bool Interpreter::SMAX_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Binary(*this, VectorShape(q, size.value), true, d, n, m,
                [](Int128 a, Int128 b, Int128) { return Max(a, b); });
}
bool Interpreter::UMAX_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Binary(*this, VectorShape(q, size.value), false, d, n, m,
                [](Int128 a, Int128 b, Int128) { return Max(a, b); });
}
bool Interpreter::SMIN_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Binary(*this, VectorShape(q, size.value), true, d, n, m,
                [](Int128 a, Int128 b, Int128) { return Min(a, b); });
}
bool Interpreter::UMIN_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Binary(*this, VectorShape(q, size.value), false, d, n, m,
                [](Int128 a, Int128 b, Int128) { return Min(a, b); });
}
bool Interpreter::SMAXP_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Pairwise(*this, VectorShape(q, size.value), true, d, n, m, Max);
}
bool Interpreter::UMAXP_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Pairwise(*this, VectorShape(q, size.value), false, d, n, m, Max);
}
bool Interpreter::SMINP_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Pairwise(*this, VectorShape(q, size.value), true, d, n, m, Min);
}
bool Interpreter::UMINP_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Pairwise(*this, VectorShape(q, size.value), false, d, n, m, Min);
}
bool Interpreter::ADDP_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Pairwise(*this, VectorShape(q, size.value), false, d, n, m,
                  [](Int128 a, Int128 b) { return a + b; });
}
bool Interpreter::SABD_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Binary(*this, VectorShape(q, size.value), true, d, n, m,
                [](Int128 a, Int128 b, Int128) { return Absolute(a - b); });
}
bool Interpreter::UABD_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Binary(*this, VectorShape(q, size.value), false, d, n, m,
                [](Int128 a, Int128 b, Int128) { return Absolute(a - b); });
}
bool Interpreter::SABA_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Binary(*this, VectorShape(q, size.value), true, d, n, m,
                [](Int128 a, Int128 b, Int128 acc) { return acc + Absolute(a - b); });
}
bool Interpreter::UABA_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Binary(*this, VectorShape(q, size.value), false, d, n, m,
                [](Int128 a, Int128 b, Int128 acc) { return acc + Absolute(a - b); });
}

// ---- Three same: multiplies

bool Interpreter::MUL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Multiply(*this, VectorShape(q, size.value), 0, d, Read(*this, n), Read(*this, m));
}
bool Interpreter::MLA_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Multiply(*this, VectorShape(q, size.value), 1, d, Read(*this, n), Read(*this, m));
}
bool Interpreter::MLS_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return Multiply(*this, VectorShape(q, size.value), -1, d, Read(*this, n), Read(*this, m));
}
bool Interpreter::PMUL_vec(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, VectorShape(q, 0), false, d, n, m, [](Int128 a, Int128 b, Int128) {
    return Int128(PolynomialMultiply(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b)));
  });
}
bool Interpreter::SQDMULH_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return DoublingMultiplyHigh(*this, VectorShape(q, size.value), false, d, Read(*this, n),
                              Read(*this, m));
}
bool Interpreter::SQRDMULH_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return DoublingMultiplyHigh(*this, VectorShape(q, size.value), true, d, Read(*this, n),
                              Read(*this, m));
}
bool Interpreter::SQDMULH_scalar(Imm<2> size, Vec m, Vec n, Vec d) {
  return DoublingMultiplyHigh(*this, ScalarShape(size.value), false, d, Read(*this, n),
                              Read(*this, m));
}
bool Interpreter::SQRDMULH_scalar(Imm<2> size, Vec m, Vec n, Vec d) {
  return DoublingMultiplyHigh(*this, ScalarShape(size.value), true, d, Read(*this, n),
                              Read(*this, m));
}

// ---- Three same: logical

bool Interpreter::AND_vec(bool q, Vec m, Vec n, Vec d) {
  return Bitwise(*this, q, d, n, m,
                 [](std::uint64_t a, std::uint64_t b, std::uint64_t) { return a & b; });
}
bool Interpreter::BIC_vec(bool q, Vec m, Vec n, Vec d) {
  return Bitwise(*this, q, d, n, m,
                 [](std::uint64_t a, std::uint64_t b, std::uint64_t) { return a & ~b; });
}
bool Interpreter::ORR_vec(bool q, Vec m, Vec n, Vec d) {
  return Bitwise(*this, q, d, n, m,
                 [](std::uint64_t a, std::uint64_t b, std::uint64_t) { return a | b; });
}
bool Interpreter::ORN_vec(bool q, Vec m, Vec n, Vec d) {
  return Bitwise(*this, q, d, n, m,
                 [](std::uint64_t a, std::uint64_t b, std::uint64_t) { return a | ~b; });
}
bool Interpreter::EOR_vec(bool q, Vec m, Vec n, Vec d) {
  return Bitwise(*this, q, d, n, m,
                 [](std::uint64_t a, std::uint64_t b, std::uint64_t) { return a ^ b; });
}
// Vd selects: Vn where its bits are set, Vm where clear.
bool Interpreter::BSL_vec(bool q, Vec m, Vec n, Vec d) {
  return Bitwise(*this, q, d, n, m, [](std::uint64_t a, std::uint64_t b, std::uint64_t acc) {
    return b ^ ((b ^ a) & acc);
  });
}
// Vn's bits go into Vd where Vm's are set (BIT), or clear (BIF).
bool Interpreter::BIT_vec(bool q, Vec m, Vec n, Vec d) {
  return Bitwise(*this, q, d, n, m, [](std::uint64_t a, std::uint64_t b, std::uint64_t acc) {
    return acc ^ ((acc ^ a) & b);
  });
}
bool Interpreter::BIF_vec(bool q, Vec m, Vec n, Vec d) {
  return Bitwise(*this, q, d, n, m, [](std::uint64_t a, std::uint64_t b, std::uint64_t acc) {
    return acc ^ ((acc ^ a) & ~b);
  });
}

// ---- Three same extra: rounding doubling multiply accumulate, dot product

bool Interpreter::SQRDMLAH_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return DoublingMultiplyAccumulateHigh(*this, VectorShape(q, size.value), false, d,
                                        Read(*this, n), Read(*this, m));
}
bool Interpreter::SQRDMLSH_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return DoublingMultiplyAccumulateHigh(*this, VectorShape(q, size.value), true, d,
                                        Read(*this, n), Read(*this, m));
}
bool Interpreter::SQRDMLAH_scalar(Imm<2> size, Vec m, Vec n, Vec d) {
  return DoublingMultiplyAccumulateHigh(*this, ScalarShape(size.value), false, d,
                                        Read(*this, n), Read(*this, m));
}
bool Interpreter::SQRDMLSH_scalar(Imm<2> size, Vec m, Vec n, Vec d) {
  return DoublingMultiplyAccumulateHigh(*this, ScalarShape(size.value), true, d,
                                        Read(*this, n), Read(*this, m));
}
bool Interpreter::SDOT_vec(bool q, Vec m, Vec n, Vec d) {
  return DotProduct(*this, q, true, d, Read(*this, n), Read(*this, m));
}
bool Interpreter::UDOT_vec(bool q, Vec m, Vec n, Vec d) {
  return DotProduct(*this, q, false, d, Read(*this, n), Read(*this, m));
}

// ---- Three different

bool Interpreter::SADDL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return AddLong(*this, q, size.value, true, false, false, d, n, m);
}
bool Interpreter::UADDL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return AddLong(*this, q, size.value, false, false, false, d, n, m);
}
bool Interpreter::SSUBL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return AddLong(*this, q, size.value, true, false, true, d, n, m);
}
bool Interpreter::USUBL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return AddLong(*this, q, size.value, false, false, true, d, n, m);
}
bool Interpreter::SADDW_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return AddLong(*this, q, size.value, true, true, false, d, n, m);
}
bool Interpreter::UADDW_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return AddLong(*this, q, size.value, false, true, false, d, n, m);
}
bool Interpreter::SSUBW_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return AddLong(*this, q, size.value, true, true, true, d, n, m);
}
bool Interpreter::USUBW_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return AddLong(*this, q, size.value, false, true, true, d, n, m);
}
bool Interpreter::ADDHN_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return NarrowingHigh(*this, q, size.value, false, false, d, n, m);
}
bool Interpreter::RADDHN_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return NarrowingHigh(*this, q, size.value, false, true, d, n, m);
}
bool Interpreter::SUBHN_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return NarrowingHigh(*this, q, size.value, true, false, d, n, m);
}
bool Interpreter::RSUBHN_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return NarrowingHigh(*this, q, size.value, true, true, d, n, m);
}
bool Interpreter::SABAL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return AbsoluteDifferenceLong(*this, q, size.value, true, true, d, n, m);
}
bool Interpreter::UABAL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return AbsoluteDifferenceLong(*this, q, size.value, false, true, d, n, m);
}
bool Interpreter::SABDL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return AbsoluteDifferenceLong(*this, q, size.value, true, false, d, n, m);
}
bool Interpreter::UABDL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return AbsoluteDifferenceLong(*this, q, size.value, false, false, d, n, m);
}
bool Interpreter::SMLAL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return MultiplyLong(*this, HalfShape(size.value), q, true, 1, d, Read(*this, n), Read(*this, m));
}
bool Interpreter::UMLAL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return MultiplyLong(*this, HalfShape(size.value), q, false, 1, d, Read(*this, n),
                      Read(*this, m));
}
bool Interpreter::SMLSL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return MultiplyLong(*this, HalfShape(size.value), q, true, -1, d, Read(*this, n),
                      Read(*this, m));
}
bool Interpreter::UMLSL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return MultiplyLong(*this, HalfShape(size.value), q, false, -1, d, Read(*this, n),
                      Read(*this, m));
}
bool Interpreter::SMULL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return MultiplyLong(*this, HalfShape(size.value), q, true, 0, d, Read(*this, n), Read(*this, m));
}
bool Interpreter::UMULL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return MultiplyLong(*this, HalfShape(size.value), q, false, 0, d, Read(*this, n),
                      Read(*this, m));
}
bool Interpreter::SQDMLAL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return DoublingMultiplyLong(*this, HalfShape(size.value), q, 1, d, Read(*this, n),
                              Read(*this, m));
}
bool Interpreter::SQDMLSL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return DoublingMultiplyLong(*this, HalfShape(size.value), q, -1, d, Read(*this, n),
                              Read(*this, m));
}
bool Interpreter::SQDMULL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return DoublingMultiplyLong(*this, HalfShape(size.value), q, 0, d, Read(*this, n),
                              Read(*this, m));
}
bool Interpreter::SQDMLAL_scalar(Imm<2> size, Vec m, Vec n, Vec d) {
  return DoublingMultiplyLong(*this, ScalarShape(size.value), false, 1, d, Read(*this, n),
                              Read(*this, m));
}
bool Interpreter::SQDMLSL_scalar(Imm<2> size, Vec m, Vec n, Vec d) {
  return DoublingMultiplyLong(*this, ScalarShape(size.value), false, -1, d, Read(*this, n),
                              Read(*this, m));
}
bool Interpreter::SQDMULL_scalar(Imm<2> size, Vec m, Vec n, Vec d) {
  return DoublingMultiplyLong(*this, ScalarShape(size.value), false, 0, d, Read(*this, n),
                              Read(*this, m));
}
// PMULL: eight 8-bit polynomial products, or (size 11, the AES extension) one 64-bit product.
bool Interpreter::PMULL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  const Vector a = Read(*this, n), b = Read(*this, m);
  if (size.value == 3) {
    const simd_integer::UInt128 product = PolynomialMultiply(a.half[q], b.half[q]);
    simd_integer::Write(*this, d,
                        Vector{{static_cast<std::uint64_t>(product),
                                static_cast<std::uint64_t>(product >> 64)}});
    return true;
  }
  return Widening(*this, HalfShape(0), q, false, d, a, false, b, [](Int128 x, Int128 y, Int128) {
    return Int128(PolynomialMultiply(static_cast<std::uint64_t>(x), static_cast<std::uint64_t>(y)));
  });
}

// ---- Vector x indexed element

bool Interpreter::MUL_elt_vec(bool q, Imm<2> size, bool l, bool m_high, Imm<4> m, bool h, Vec n,
                              Vec d) {
  return Multiply(*this, VectorShape(q, size.value), 0, d, Read(*this, n),
                  IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::MLA_elt_vec(bool q, Imm<2> size, bool l, bool m_high, Imm<4> m, bool h, Vec n,
                              Vec d) {
  return Multiply(*this, VectorShape(q, size.value), 1, d, Read(*this, n),
                  IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::MLS_elt_vec(bool q, Imm<2> size, bool l, bool m_high, Imm<4> m, bool h, Vec n,
                              Vec d) {
  return Multiply(*this, VectorShape(q, size.value), -1, d, Read(*this, n),
                  IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::SMULL_elt_vec(bool q, Imm<2> size, bool l, bool m_high, Imm<4> m, bool h,
                                Vec n, Vec d) {
  return MultiplyLong(*this, HalfShape(size.value), q, true, 0, d, Read(*this, n),
                      IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::UMULL_elt_vec(bool q, Imm<2> size, bool l, bool m_high, Imm<4> m, bool h,
                                Vec n, Vec d) {
  return MultiplyLong(*this, HalfShape(size.value), q, false, 0, d, Read(*this, n),
                      IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::SMLAL_elt_vec(bool q, Imm<2> size, bool l, bool m_high, Imm<4> m, bool h,
                                Vec n, Vec d) {
  return MultiplyLong(*this, HalfShape(size.value), q, true, 1, d, Read(*this, n),
                      IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::UMLAL_elt_vec(bool q, Imm<2> size, bool l, bool m_high, Imm<4> m, bool h,
                                Vec n, Vec d) {
  return MultiplyLong(*this, HalfShape(size.value), q, false, 1, d, Read(*this, n),
                      IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::SMLSL_elt_vec(bool q, Imm<2> size, bool l, bool m_high, Imm<4> m, bool h,
                                Vec n, Vec d) {
  return MultiplyLong(*this, HalfShape(size.value), q, true, -1, d, Read(*this, n),
                      IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::UMLSL_elt_vec(bool q, Imm<2> size, bool l, bool m_high, Imm<4> m, bool h,
                                Vec n, Vec d) {
  return MultiplyLong(*this, HalfShape(size.value), q, false, -1, d, Read(*this, n),
                      IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::SQDMULL_elt_vec(bool q, Imm<2> size, bool l, bool m_high, Imm<4> m, bool h,
                                  Vec n, Vec d) {
  return DoublingMultiplyLong(*this, HalfShape(size.value), q, 0, d, Read(*this, n),
                              IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::SQDMLAL_elt_vec(bool q, Imm<2> size, bool l, bool m_high, Imm<4> m, bool h,
                                  Vec n, Vec d) {
  return DoublingMultiplyLong(*this, HalfShape(size.value), q, 1, d, Read(*this, n),
                              IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::SQDMLSL_elt_vec(bool q, Imm<2> size, bool l, bool m_high, Imm<4> m, bool h,
                                  Vec n, Vec d) {
  return DoublingMultiplyLong(*this, HalfShape(size.value), q, -1, d, Read(*this, n),
                              IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::SQDMULH_elt_vec(bool q, Imm<2> size, bool l, bool m_high, Imm<4> m, bool h,
                                  Vec n, Vec d) {
  return DoublingMultiplyHigh(*this, VectorShape(q, size.value), false, d, Read(*this, n),
                              IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::SQRDMULH_elt_vec(bool q, Imm<2> size, bool l, bool m_high, Imm<4> m, bool h,
                                   Vec n, Vec d) {
  return DoublingMultiplyHigh(*this, VectorShape(q, size.value), true, d, Read(*this, n),
                              IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::SQRDMLAH_elt_vec(bool q, Imm<2> size, bool l, bool m_high, Imm<4> m, bool h,
                                   Vec n, Vec d) {
  return DoublingMultiplyAccumulateHigh(*this, VectorShape(q, size.value), false, d,
                                        Read(*this, n),
                                        IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::SQRDMLSH_elt_vec(bool q, Imm<2> size, bool l, bool m_high, Imm<4> m, bool h,
                                   Vec n, Vec d) {
  return DoublingMultiplyAccumulateHigh(*this, VectorShape(q, size.value), true, d,
                                        Read(*this, n),
                                        IndexedElement(*this, size.value, h, l, m_high, m));
}
// The dot products index 32-bit groups of four bytes, like S elements.
bool Interpreter::SDOT_elt_vec(bool q, bool l, bool m_high, Imm<4> m, bool h, Vec n, Vec d) {
  return DotProduct(*this, q, true, d, Read(*this, n), IndexedElement(*this, 2, h, l, m_high, m));
}
bool Interpreter::UDOT_elt_vec(bool q, bool l, bool m_high, Imm<4> m, bool h, Vec n, Vec d) {
  return DotProduct(*this, q, false, d, Read(*this, n), IndexedElement(*this, 2, h, l, m_high, m));
}

// ---- Scalar x indexed element

bool Interpreter::SQDMULL_elt_scalar(Imm<2> size, bool l, bool m_high, Imm<4> m, bool h, Vec n,
                                     Vec d) {
  return DoublingMultiplyLong(*this, ScalarShape(size.value), false, 0, d, Read(*this, n),
                              IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::SQDMLAL_elt_scalar(Imm<2> size, bool l, bool m_high, Imm<4> m, bool h, Vec n,
                                     Vec d) {
  return DoublingMultiplyLong(*this, ScalarShape(size.value), false, 1, d, Read(*this, n),
                              IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::SQDMLSL_elt_scalar(Imm<2> size, bool l, bool m_high, Imm<4> m, bool h, Vec n,
                                     Vec d) {
  return DoublingMultiplyLong(*this, ScalarShape(size.value), false, -1, d, Read(*this, n),
                              IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::SQDMULH_elt_scalar(Imm<2> size, bool l, bool m_high, Imm<4> m, bool h, Vec n,
                                     Vec d) {
  return DoublingMultiplyHigh(*this, ScalarShape(size.value), false, d, Read(*this, n),
                              IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::SQRDMULH_elt_scalar(Imm<2> size, bool l, bool m_high, Imm<4> m, bool h, Vec n,
                                      Vec d) {
  return DoublingMultiplyHigh(*this, ScalarShape(size.value), true, d, Read(*this, n),
                              IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::SQRDMLAH_elt_scalar(Imm<2> size, bool l, bool m_high, Imm<4> m, bool h, Vec n,
                                      Vec d) {
  return DoublingMultiplyAccumulateHigh(*this, ScalarShape(size.value), false, d,
                                        Read(*this, n),
                                        IndexedElement(*this, size.value, h, l, m_high, m));
}
bool Interpreter::SQRDMLSH_elt_scalar(Imm<2> size, bool l, bool m_high, Imm<4> m, bool h, Vec n,
                                      Vec d) {
  return DoublingMultiplyAccumulateHigh(*this, ScalarShape(size.value), true, d,
                                        Read(*this, n),
                                        IndexedElement(*this, size.value, h, l, m_high, m));
}

}  // namespace sae::frontend::arm64
