// Building blocks of the integer Advanced SIMD instructions: each operation shape (element-wise,
// pairwise, widening, narrowing, across lanes) exists once here, and the instructions pass the
// arithmetic of one element. Elements are computed as exact 128-bit integers, as the Arm ARM's
// pseudocode computes with unbounded integers, and truncated or saturated at the end.
#pragma once

#include <cstdint>

#include "frontend/arm64/interpreter/interpreter_visitor.h"

namespace sae::frontend::arm64::simd_integer {

// GCC and Clang provide 128-bit integers on every 64-bit host we build for; __extension__ keeps
// -Wpedantic quiet about them.
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

inline constexpr std::uint32_t kFpsrQc = 1u << 27;

// A copy of a V register, so that results can be assembled while operands are still read.
struct Vector {
  std::uint64_t half[2] = {0, 0};

  std::uint64_t Bits(unsigned esize, unsigned index) const { return GetLane(half, esize, index); }
  Int128 Element(unsigned esize, unsigned index, bool is_signed) const {
    const std::uint64_t bits = Bits(esize, index);
    if (!is_signed || esize == 64) {
      return is_signed ? Int128{static_cast<std::int64_t>(bits)} : Int128{bits};
    }
    const std::uint64_t sign = 1ull << (esize - 1);
    return Int128{static_cast<std::int64_t>((bits ^ sign) - sign)};
  }
  void Set(unsigned esize, unsigned index, Int128 value) {
    SetLane(half, esize, index, static_cast<std::uint64_t>(value));
  }
};

inline Vector Read(Interpreter& in, Vec n) { return Vector{{in.V(n)[0], in.V(n)[1]}}; }
inline void Write(Interpreter& in, Vec d, const Vector& value) {
  in.V(d)[0] = value.half[0];
  in.V(d)[1] = value.half[1];
}

// Element size and count of an operation: a vector (64 or 128 bits) or a scalar (one element).
struct Shape {
  unsigned esize;
  unsigned elements;
};
inline Shape VectorShape(bool q, unsigned size) {
  const unsigned esize = 8u << size;
  return {esize, (q ? 128u : 64u) / esize};
}
inline Shape ScalarShape(unsigned size) { return {8u << size, 1}; }
// The narrow half of a widening or narrowing operation: 64 bits of elements of `size`.
inline Shape HalfShape(unsigned size) { return {8u << size, 64u >> (3 + size)}; }

// SignedSatQ and UnsignedSatQ of the Arm ARM, which set FPSR.QC when they clamp.
class Saturate {
 public:
  explicit Saturate(Interpreter& in) : in_(in) {}
  Int128 Signed(Int128 value, unsigned bits) {
    const Int128 max = (Int128{1} << (bits - 1)) - 1;
    return Clamp(value, -max - 1, max);
  }
  Int128 Unsigned(Int128 value, unsigned bits) {
    return Clamp(value, 0, (Int128{1} << bits) - 1);
  }
  Int128 To(Int128 value, unsigned bits, bool is_signed) {
    return is_signed ? Signed(value, bits) : Unsigned(value, bits);
  }

 private:
  Int128 Clamp(Int128 value, Int128 min, Int128 max) {
    if (value >= min && value <= max) return value;
    in_.cpu.fpsr |= kFpsrQc;
    return value < min ? min : max;
  }
  Interpreter& in_;
};

// Each element of Vd from op(index), elements beyond `shape` zero: the Q = 0 vector and the
// scalar forms clear the rest of the register.
template <class Op>
bool Build(Interpreter& in, Vec d, Shape shape, Op op) {
  Vector result;
  for (unsigned i = 0; i < shape.elements; ++i) result.Set(shape.esize, i, op(i));
  Write(in, d, result);
  return true;
}

// op(element of Vn, element of Vm, element of Vd): the previous Vd serves the accumulating forms.
template <class Op>
bool Elementwise(Interpreter& in, Shape shape, bool is_signed, Vec d, const Vector& a,
                 const Vector& b, Op op) {
  const Vector acc = Read(in, d);
  return Build(in, d, shape, [&](unsigned i) {
    return op(a.Element(shape.esize, i, is_signed), b.Element(shape.esize, i, is_signed),
              acc.Element(shape.esize, i, is_signed));
  });
}

// op(element of Vn, element of Vd).
template <class Op>
bool Unary(Interpreter& in, Shape shape, bool is_signed, Vec d, Vec n, Op op) {
  const Vector a = Read(in, n);
  const Vector acc = Read(in, d);
  return Build(in, d, shape, [&](unsigned i) {
    return op(a.Element(shape.esize, i, is_signed), acc.Element(shape.esize, i, is_signed));
  });
}

// Adjacent pairs of the concatenation Vm:Vn (Vn's elements first).
template <class Op>
bool Pairwise(Interpreter& in, Shape shape, bool is_signed, Vec d, Vec n, Vec m, Op op) {
  const Vector a = Read(in, n), b = Read(in, m);
  const auto element = [&](unsigned j) {
    return j < shape.elements ? a.Element(shape.esize, j, is_signed)
                              : b.Element(shape.esize, j - shape.elements, is_signed);
  };
  return Build(in, d, shape, [&](unsigned i) { return op(element(2 * i), element(2 * i + 1)); });
}

// Elements of twice the size from `narrow` elements: op(element of Vn, element of Vm, element of
// Vd). The narrow operands come from their upper half when `upper` (the "2" forms); a `wide_a`
// operand is already of the result size (the W forms).
template <class Op>
bool Widening(Interpreter& in, Shape narrow, bool upper, bool is_signed, Vec d, const Vector& a,
              bool wide_a, const Vector& b, Op op) {
  const Vector acc = Read(in, d);
  const unsigned first = upper ? narrow.elements : 0;
  const unsigned wide = 2 * narrow.esize;
  return Build(in, d, {wide, narrow.elements}, [&](unsigned i) {
    const Int128 x = wide_a ? a.Element(wide, i, is_signed)
                            : a.Element(narrow.esize, first + i, is_signed);
    return op(x, b.Element(narrow.esize, first + i, is_signed),
              acc.Element(wide, i, is_signed));
  });
}

// Elements of `narrow` from op(index): into the lower half of Vd, clearing the upper half, or,
// for the "2" forms (`upper`), into the upper half, keeping the lower one.
template <class Op>
bool Narrowing(Interpreter& in, Vec d, Shape narrow, bool upper, Op op) {
  Vector part;
  for (unsigned i = 0; i < narrow.elements; ++i) part.Set(narrow.esize, i, op(i));
  Vector result = Read(in, d);
  if (upper) {
    result.half[1] = part.half[0];
  } else {
    result = part;
  }
  Write(in, d, result);
  return true;
}

// Vn's elements in order, combined by op into a value of `result_bits`, alone in Vd.
template <class Op>
bool AcrossLanes(Interpreter& in, Shape shape, bool is_signed, unsigned result_bits, Vec d,
                 Vec n, Op op) {
  const Vector a = Read(in, n);
  Int128 value = a.Element(shape.esize, 0, is_signed);
  for (unsigned i = 1; i < shape.elements; ++i) {
    value = op(value, a.Element(shape.esize, i, is_signed));
  }
  Vector result;
  result.Set(result_bits, 0, value);
  Write(in, d, result);
  return true;
}

// Every element of esize set to `value` (the by-element forms' second operand).
inline Vector Broadcast(std::uint64_t value, unsigned esize) {
  Vector v;
  for (unsigned i = 0; i < 128 / esize; ++i) v.Set(esize, i, value);
  return v;
}

// The element a by-element form names: H:L:M indexes H elements in V0-V15, H:L indexes S
// elements in any register (M is then Vm<4>).
inline Vector IndexedElement(Interpreter& in, unsigned size, bool h, bool l, bool m_high,
                             Imm<4> m) {
  const unsigned index = size == 1 ? (h ? 4u : 0u) | (l ? 2u : 0u) | (m_high ? 1u : 0u)
                                   : (h ? 2u : 0u) | (l ? 1u : 0u);
  const Vec reg{size == 1 ? m.value : m.value | (m_high ? 16u : 0u)};
  const unsigned esize = 8u << size;
  return Broadcast(Read(in, reg).Bits(esize, index), esize);
}

// x shifted left by `shift` (right when negative, rounding to nearest with `round`), exactly,
// for |x| < 2^64. A left shift of esize or more, whose esize-bit truncation is zero, stands in as
// a value of the right sign that is too large for any saturation.
inline Int128 ShiftElement(Int128 x, int shift, bool round, unsigned esize) {
  if (shift >= 0) {
    if (shift < static_cast<int>(esize)) return x << shift;
    const Int128 huge = Int128{1} << (esize + 1);
    return x == 0 ? 0 : x < 0 ? -huge : huge;
  }
  // A right shift beyond 65 leaves nothing of a 64-bit value, with or without rounding.
  const int right = -shift < 100 ? -shift : 100;
  const Int128 round_const = round ? Int128{1} << (right - 1) : 0;
  return (x + round_const) >> right;
}

}  // namespace sae::frontend::arm64::simd_integer
