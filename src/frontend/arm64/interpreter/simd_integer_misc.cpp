// Integer Advanced SIMD with one source register: two-register miscellaneous (vector and
// scalar), across lanes, scalar pairwise ADDP, and the modified immediates.
#include <bit>

#include "frontend/arm64/interpreter/immediates.h"
#include "frontend/arm64/interpreter/interpreter_visitor.h"
#include "frontend/arm64/interpreter/simd_integer_lanes.h"

namespace sae::frontend::arm64 {

using simd_integer::Int128;
using simd_integer::Saturate;
using simd_integer::Shape;
using simd_integer::Vector;

namespace {

using simd_integer::AcrossLanes;
using simd_integer::Build;
using simd_integer::HalfShape;
using simd_integer::Narrowing;
using simd_integer::Read;
using simd_integer::ScalarShape;
using simd_integer::Unary;
using simd_integer::VectorShape;
using simd_integer::Widening;

Int128 AllOnesIf(bool condition) { return condition ? -1 : 0; }
Int128 Absolute(Int128 x) { return x < 0 ? -x : x; }

bool CompareWithZero(Interpreter& in, Shape shape, Vec d, Vec n, bool (*holds)(Int128)) {
  return Unary(in, shape, true, d, n, [&](Int128 a, Int128) { return AllOnesIf(holds(a)); });
}
bool Positive(Int128 a) { return a > 0; }
bool NonNegative(Int128 a) { return a >= 0; }
bool Zero(Int128 a) { return a == 0; }
bool NonPositive(Int128 a) { return a <= 0; }
bool Negative(Int128 a) { return a < 0; }

// SQABS (negate only negative values) and SQNEG.
bool SaturatingNegate(Interpreter& in, Shape shape, bool only_negative, Vec d, Vec n) {
  Saturate saturate(in);
  return Unary(in, shape, true, d, n, [&](Int128 a, Int128) {
    return saturate.Signed(only_negative && a >= 0 ? a : -a, shape.esize);
  });
}

// SUQADD (an unsigned Vn into a signed Vd) and USQADD (a signed Vn into an unsigned Vd).
bool SaturatingAccumulate(Interpreter& in, Shape shape, bool signed_result, Vec d, Vec n) {
  Saturate saturate(in);
  const Vector a = Read(in, n), acc = Read(in, d);
  return Build(in, d, shape, [&](unsigned i) {
    return saturate.To(a.Element(shape.esize, i, !signed_result) +
                           acc.Element(shape.esize, i, signed_result),
                       shape.esize, signed_result);
  });
}

// XTN, SQXTN, UQXTN and SQXTUN: each element of twice the size, truncated or saturated.
bool ExtractNarrow(Interpreter& in, Shape narrow, bool upper, bool source_signed,
                   bool saturating, bool result_signed, Vec d, Vec n) {
  Saturate saturate(in);
  const Vector a = Read(in, n);
  return Narrowing(in, d, narrow, upper, [&](unsigned i) {
    const Int128 value = a.Element(2 * narrow.esize, i, source_signed);
    return saturating ? saturate.To(value, narrow.esize, result_signed) : value;
  });
}

// SADDLP/UADDLP and, accumulating, SADALP/UADALP: sums of adjacent pairs, twice as wide.
bool AddPairsLong(Interpreter& in, bool q, unsigned size, bool is_signed, bool accumulate,
                  Vec d, Vec n) {
  const unsigned esize = 8u << size;
  const Vector a = Read(in, n), acc = Read(in, d);
  const Shape wide = VectorShape(q, size + 1);
  return Build(in, d, wide, [&](unsigned i) {
    const Int128 sum = a.Element(esize, 2 * i, is_signed) + a.Element(esize, 2 * i + 1, is_signed);
    return accumulate ? acc.Element(wide.esize, i, false) + sum : sum;
  });
}

// REV16, REV32, REV64: the order of the elements in each container of `container` bits.
bool Reverse(Interpreter& in, bool q, unsigned esize, unsigned container, Vec d, Vec n) {
  const Vector a = Read(in, n);
  const unsigned flip = container / esize - 1;
  return Build(in, d, {esize, (q ? 128u : 64u) / esize},
               [&](unsigned i) { return a.Element(esize, i ^ flip, false); });
}

unsigned LeadingZeros(std::uint64_t value, unsigned esize) {
  return static_cast<unsigned>(std::countl_zero(value)) - (64 - esize);
}

// UnsignedRecipEstimate and UnsignedRSqrtEstimate of the Arm ARM on 32-bit elements: 9-bit
// estimates from the top 9 bits, all ones where the operand is out of range.
std::uint32_t RecipEstimate(std::uint32_t top9) {
  const std::uint32_t scaled = top9 * 2 + 1;
  const std::uint32_t quotient = (1u << 19) / scaled;
  return (quotient + 1) / 2;
}
std::uint32_t RecipSqrtEstimate(std::uint32_t top9) {
  // The operand in units of 1/512 below 0.5, of 1/256 from 0.5 on, rounded to nearest.
  const std::uint64_t a = top9 < 256 ? top9 * 2 + 1 : ((top9 & ~1u) + 1) * 2;
  std::uint64_t b = 512;
  while (a * (b + 1) * (b + 1) < (1ull << 28)) ++b;
  return static_cast<std::uint32_t>((b + 1) / 2);
}

// MOVI, MVNI, ORR and BIC (vector, immediate) and FMOV (vector, immediate): `imm64` repeated
// in each 64-bit half (the lower only for a 64-bit vector) and combined with Vd.
enum class ImmediateOp { Move, MoveInverted, Or, BitClear };
bool ModifiedImmediate(Interpreter& in, bool q, Vec d, std::uint64_t imm64, ImmediateOp op) {
  const Vector acc = Read(in, d);
  return Build(in, d, {64, q ? 2u : 1u}, [&](unsigned i) {
    switch (op) {
      case ImmediateOp::Move: return Int128{imm64};
      case ImmediateOp::MoveInverted: return Int128{~imm64};
      case ImmediateOp::Or: return Int128{acc.half[i] | imm64};
      case ImmediateOp::BitClear: return Int128{acc.half[i] & ~imm64};
    }
    return Int128{0};
  });
}
std::uint64_t Imm8(Imm<3> abc, Imm<5> defgh) { return SimdImm8(abc.value, defgh.value); }
std::uint64_t Shifted32(Imm<3> abc, Imm<5> defgh, unsigned shift, bool ones) {
  return arm64::Shifted32(Imm8(abc, defgh), shift, ones);
}
std::uint64_t Shifted16(Imm<3> abc, Imm<5> defgh, unsigned shift) {
  return arm64::Shifted16(Imm8(abc, defgh), shift);
}
std::uint64_t ExpandFloat(Imm<3> abc, Imm<5> defgh, unsigned exponent_bits, unsigned bits) {
  return VfpExpandImm(Imm8(abc, defgh), exponent_bits, bits);
}

}  // namespace

// ---- Two-register miscellaneous: bit and element order

bool Interpreter::REV16_vec(bool q, Vec n, Vec d) { return Reverse(*this, q, 8, 16, d, n); }
bool Interpreter::REV32_vec(bool q, bool size, Vec n, Vec d) {
  return Reverse(*this, q, size ? 16 : 8, 32, d, n);
}
bool Interpreter::REV64_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return Reverse(*this, q, 8u << size.value, 64, d, n);
}
bool Interpreter::CLS_vec(bool q, Imm<2> size, Vec n, Vec d) {
  const Shape shape = VectorShape(q, size.value);
  return Unary(*this, shape, true, d, n, [&](Int128 a, Int128) {
    const std::uint64_t bits = static_cast<std::uint64_t>(a < 0 ? ~a : a);
    return Int128{LeadingZeros(bits, shape.esize) - 1};
  });
}
bool Interpreter::CLZ_vec(bool q, Imm<2> size, Vec n, Vec d) {
  const Shape shape = VectorShape(q, size.value);
  return Unary(*this, shape, false, d, n, [&](Int128 a, Int128) {
    return Int128{LeadingZeros(static_cast<std::uint64_t>(a), shape.esize)};
  });
}
bool Interpreter::CNT_vec(bool q, Vec n, Vec d) {
  return Unary(*this, VectorShape(q, 0), false, d, n, [](Int128 a, Int128) {
    return Int128{std::popcount(static_cast<std::uint64_t>(a))};
  });
}
bool Interpreter::NOT_vec(bool q, Vec n, Vec d) {
  return Unary(*this, VectorShape(q, 3), false, d, n, [](Int128 a, Int128) { return ~a; });
}
bool Interpreter::RBIT_vec(bool q, Vec n, Vec d) {
  return Unary(*this, VectorShape(q, 0), false, d, n, [](Int128 a, Int128) {
    unsigned reversed = 0;
    for (unsigned bit = 0; bit < 8; ++bit) reversed |= ((a >> bit) & 1) != 0 ? 0x80u >> bit : 0;
    return Int128{reversed};
  });
}

// ---- Two-register miscellaneous: arithmetic

bool Interpreter::SADDLP_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return AddPairsLong(*this, q, size.value, true, false, d, n);
}
bool Interpreter::UADDLP_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return AddPairsLong(*this, q, size.value, false, false, d, n);
}
bool Interpreter::SADALP_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return AddPairsLong(*this, q, size.value, true, true, d, n);
}
bool Interpreter::UADALP_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return AddPairsLong(*this, q, size.value, false, true, d, n);
}
bool Interpreter::SUQADD_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return SaturatingAccumulate(*this, VectorShape(q, size.value), true, d, n);
}
bool Interpreter::USQADD_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return SaturatingAccumulate(*this, VectorShape(q, size.value), false, d, n);
}
bool Interpreter::SUQADD_scalar(Imm<2> size, Vec n, Vec d) {
  return SaturatingAccumulate(*this, ScalarShape(size.value), true, d, n);
}
bool Interpreter::USQADD_scalar(Imm<2> size, Vec n, Vec d) {
  return SaturatingAccumulate(*this, ScalarShape(size.value), false, d, n);
}
bool Interpreter::SQABS_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return SaturatingNegate(*this, VectorShape(q, size.value), true, d, n);
}
bool Interpreter::SQNEG_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return SaturatingNegate(*this, VectorShape(q, size.value), false, d, n);
}
bool Interpreter::SQABS_scalar(Imm<2> size, Vec n, Vec d) {
  return SaturatingNegate(*this, ScalarShape(size.value), true, d, n);
}
bool Interpreter::SQNEG_scalar(Imm<2> size, Vec n, Vec d) {
  return SaturatingNegate(*this, ScalarShape(size.value), false, d, n);
}
bool Interpreter::ABS_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return Unary(*this, VectorShape(q, size.value), true, d, n,
               [](Int128 a, Int128) { return Absolute(a); });
}
bool Interpreter::NEG_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return Unary(*this, VectorShape(q, size.value), true, d, n, [](Int128 a, Int128) { return -a; });
}
bool Interpreter::ABS_scalar(Vec n, Vec d) {
  return Unary(*this, ScalarShape(3), true, d, n, [](Int128 a, Int128) { return Absolute(a); });
}
bool Interpreter::NEG_scalar(Vec n, Vec d) {
  return Unary(*this, ScalarShape(3), true, d, n, [](Int128 a, Int128) { return -a; });
}

// ---- Two-register miscellaneous: compares with zero

bool Interpreter::CMGT_zero_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return CompareWithZero(*this, VectorShape(q, size.value), d, n, Positive);
}
bool Interpreter::CMGE_zero_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return CompareWithZero(*this, VectorShape(q, size.value), d, n, NonNegative);
}
bool Interpreter::CMEQ_zero_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return CompareWithZero(*this, VectorShape(q, size.value), d, n, Zero);
}
bool Interpreter::CMLE_zero_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return CompareWithZero(*this, VectorShape(q, size.value), d, n, NonPositive);
}
bool Interpreter::CMLT_zero_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return CompareWithZero(*this, VectorShape(q, size.value), d, n, Negative);
}
bool Interpreter::CMGT_zero_scalar(Vec n, Vec d) {
  return CompareWithZero(*this, ScalarShape(3), d, n, Positive);
}
bool Interpreter::CMGE_zero_scalar(Vec n, Vec d) {
  return CompareWithZero(*this, ScalarShape(3), d, n, NonNegative);
}
bool Interpreter::CMEQ_zero_scalar(Vec n, Vec d) {
  return CompareWithZero(*this, ScalarShape(3), d, n, Zero);
}
bool Interpreter::CMLE_zero_scalar(Vec n, Vec d) {
  return CompareWithZero(*this, ScalarShape(3), d, n, NonPositive);
}
bool Interpreter::CMLT_zero_scalar(Vec n, Vec d) {
  return CompareWithZero(*this, ScalarShape(3), d, n, Negative);
}

// ---- Two-register miscellaneous: narrowing and widening

bool Interpreter::XTN_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return ExtractNarrow(*this, HalfShape(size.value), q, false, false, false, d, n);
}
bool Interpreter::SQXTN_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return ExtractNarrow(*this, HalfShape(size.value), q, true, true, true, d, n);
}
bool Interpreter::UQXTN_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return ExtractNarrow(*this, HalfShape(size.value), q, false, true, false, d, n);
}
bool Interpreter::SQXTUN_vec(bool q, Imm<2> size, Vec n, Vec d) {
  return ExtractNarrow(*this, HalfShape(size.value), q, true, true, false, d, n);
}
bool Interpreter::SQXTN_scalar(Imm<2> size, Vec n, Vec d) {
  return ExtractNarrow(*this, ScalarShape(size.value), false, true, true, true, d, n);
}
bool Interpreter::UQXTN_scalar(Imm<2> size, Vec n, Vec d) {
  return ExtractNarrow(*this, ScalarShape(size.value), false, false, true, false, d, n);
}
bool Interpreter::SQXTUN_scalar(Imm<2> size, Vec n, Vec d) {
  return ExtractNarrow(*this, ScalarShape(size.value), false, true, true, false, d, n);
}
bool Interpreter::SHLL_vec(bool q, Imm<2> size, Vec n, Vec d) {
  const Shape narrow = HalfShape(size.value);
  const Vector a = Read(*this, n);
  return Widening(*this, narrow, q, false, d, a, false, a,
                  [&](Int128 x, Int128, Int128) { return x << narrow.esize; });
}

// ---- Two-register miscellaneous: reciprocal estimates

bool Interpreter::URECPE_vec(bool q, Vec n, Vec d) {
  return Unary(*this, VectorShape(q, 2), false, d, n, [](Int128 a, Int128) {
    const auto bits = static_cast<std::uint32_t>(a);
    if ((bits >> 31) == 0) return Int128{0xffffffff};
    return Int128{RecipEstimate(bits >> 23) << 23};
  });
}
bool Interpreter::URSQRTE_vec(bool q, Vec n, Vec d) {
  return Unary(*this, VectorShape(q, 2), false, d, n, [](Int128 a, Int128) {
    const auto bits = static_cast<std::uint32_t>(a);
    if ((bits >> 30) == 0) return Int128{0xffffffff};
    return Int128{RecipSqrtEstimate(bits >> 23) << 23};
  });
}

// ---- Across lanes, and scalar pairwise

bool Interpreter::ADDV(bool q, Imm<2> size, Vec n, Vec d) {
  const Shape shape = VectorShape(q, size.value);
  return AcrossLanes(*this, shape, false, shape.esize, d, n,
                     [](Int128 a, Int128 b) { return a + b; });
}
bool Interpreter::SADDLV(bool q, Imm<2> size, Vec n, Vec d) {
  const Shape shape = VectorShape(q, size.value);
  return AcrossLanes(*this, shape, true, 2 * shape.esize, d, n,
                     [](Int128 a, Int128 b) { return a + b; });
}
bool Interpreter::UADDLV(bool q, Imm<2> size, Vec n, Vec d) {
  const Shape shape = VectorShape(q, size.value);
  return AcrossLanes(*this, shape, false, 2 * shape.esize, d, n,
                     [](Int128 a, Int128 b) { return a + b; });
}
bool Interpreter::SMAXV(bool q, Imm<2> size, Vec n, Vec d) {
  const Shape shape = VectorShape(q, size.value);
  return AcrossLanes(*this, shape, true, shape.esize, d, n,
                     [](Int128 a, Int128 b) { return a > b ? a : b; });
}
bool Interpreter::UMAXV(bool q, Imm<2> size, Vec n, Vec d) {
  const Shape shape = VectorShape(q, size.value);
  return AcrossLanes(*this, shape, false, shape.esize, d, n,
                     [](Int128 a, Int128 b) { return a > b ? a : b; });
}
bool Interpreter::SMINV(bool q, Imm<2> size, Vec n, Vec d) {
  const Shape shape = VectorShape(q, size.value);
  return AcrossLanes(*this, shape, true, shape.esize, d, n,
                     [](Int128 a, Int128 b) { return a < b ? a : b; });
}
bool Interpreter::UMINV(bool q, Imm<2> size, Vec n, Vec d) {
  const Shape shape = VectorShape(q, size.value);
  return AcrossLanes(*this, shape, false, shape.esize, d, n,
                     [](Int128 a, Int128 b) { return a < b ? a : b; });
}
bool Interpreter::ADDP_scalar(Vec n, Vec d) {
  return AcrossLanes(*this, VectorShape(true, 3), false, 64, d, n,
                     [](Int128 a, Int128 b) { return a + b; });
}

// ---- Modified immediate

bool Interpreter::MOVI_32_lsl0(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 0, false), ImmediateOp::Move);
}
bool Interpreter::MOVI_32_lsl8(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 8, false), ImmediateOp::Move);
}
bool Interpreter::MOVI_32_lsl16(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 16, false), ImmediateOp::Move);
}
bool Interpreter::MOVI_32_lsl24(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 24, false), ImmediateOp::Move);
}
bool Interpreter::MOVI_32_msl8(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 8, true), ImmediateOp::Move);
}
bool Interpreter::MOVI_32_msl16(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 16, true), ImmediateOp::Move);
}
bool Interpreter::MOVI_16_lsl0(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted16(abc, defgh, 0), ImmediateOp::Move);
}
bool Interpreter::MOVI_16_lsl8(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted16(abc, defgh, 8), ImmediateOp::Move);
}
bool Interpreter::MOVI_8(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Replicate8(Imm8(abc, defgh)), ImmediateOp::Move);
}
bool Interpreter::MOVI_64(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, ByteMask(Imm8(abc, defgh)), ImmediateOp::Move);
}
bool Interpreter::MVNI_32_lsl0(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 0, false), ImmediateOp::MoveInverted);
}
bool Interpreter::MVNI_32_lsl8(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 8, false), ImmediateOp::MoveInverted);
}
bool Interpreter::MVNI_32_lsl16(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 16, false),
                           ImmediateOp::MoveInverted);
}
bool Interpreter::MVNI_32_lsl24(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 24, false),
                           ImmediateOp::MoveInverted);
}
bool Interpreter::MVNI_32_msl8(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 8, true), ImmediateOp::MoveInverted);
}
bool Interpreter::MVNI_32_msl16(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 16, true), ImmediateOp::MoveInverted);
}
bool Interpreter::MVNI_16_lsl0(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted16(abc, defgh, 0), ImmediateOp::MoveInverted);
}
bool Interpreter::MVNI_16_lsl8(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted16(abc, defgh, 8), ImmediateOp::MoveInverted);
}
bool Interpreter::ORR_asimd_32_lsl0(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 0, false), ImmediateOp::Or);
}
bool Interpreter::ORR_asimd_32_lsl8(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 8, false), ImmediateOp::Or);
}
bool Interpreter::ORR_asimd_32_lsl16(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 16, false), ImmediateOp::Or);
}
bool Interpreter::ORR_asimd_32_lsl24(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 24, false), ImmediateOp::Or);
}
bool Interpreter::ORR_asimd_16_lsl0(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted16(abc, defgh, 0), ImmediateOp::Or);
}
bool Interpreter::ORR_asimd_16_lsl8(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted16(abc, defgh, 8), ImmediateOp::Or);
}
bool Interpreter::BIC_asimd_32_lsl0(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 0, false), ImmediateOp::BitClear);
}
bool Interpreter::BIC_asimd_32_lsl8(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 8, false), ImmediateOp::BitClear);
}
bool Interpreter::BIC_asimd_32_lsl16(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 16, false), ImmediateOp::BitClear);
}
bool Interpreter::BIC_asimd_32_lsl24(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted32(abc, defgh, 24, false), ImmediateOp::BitClear);
}
bool Interpreter::BIC_asimd_16_lsl0(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted16(abc, defgh, 0), ImmediateOp::BitClear);
}
bool Interpreter::BIC_asimd_16_lsl8(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Shifted16(abc, defgh, 8), ImmediateOp::BitClear);
}
bool Interpreter::FMOV_asimd_16(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Replicate16(ExpandFloat(abc, defgh, 5, 16)),
                           ImmediateOp::Move);
}
bool Interpreter::FMOV_asimd_32(bool q, Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, q, d, Replicate32(ExpandFloat(abc, defgh, 8, 32)),
                           ImmediateOp::Move);
}
bool Interpreter::FMOV_asimd_64(Imm<3> abc, Imm<5> defgh, Vec d) {
  return ModifiedImmediate(*this, true, d, ExpandFloat(abc, defgh, 11, 64), ImmediateOp::Move);
}

}  // namespace sae::frontend::arm64
