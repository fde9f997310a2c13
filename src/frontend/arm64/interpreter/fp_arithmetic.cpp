#include "frontend/arm64/interpreter/fp_arithmetic.h"

#include <algorithm>
#include <bit>

namespace sae::frontend::arm64::fp {
namespace {

// The index of the most significant set bit of a nonzero value.
int HighestBit(Wide value) {
  const auto high = static_cast<std::uint64_t>(value >> 64);
  if (high != 0) return 127 - std::countl_zero(high);
  return 63 - std::countl_zero(static_cast<std::uint64_t>(value));
}

// What a split-off part below the last place is worth, in units of that place.
enum class Remainder : std::uint8_t { None, BelowHalf, Half, AboveHalf };

// value = quotient * 2^shift + remainder.
struct Split {
  Wide quotient;
  Remainder remainder;
};
Split SplitAt(Wide value, int shift) {
  if (shift == 0) return {value, Remainder::None};
  if (shift > 128) return {0, value == 0 ? Remainder::None : Remainder::BelowHalf};
  const Wide rest = shift == 128 ? value : value & ((Wide{1} << shift) - 1);
  const Wide half = Wide{1} << (shift - 1);
  const Wide quotient = shift == 128 ? 0 : value >> shift;
  const Remainder remainder = rest == 0      ? Remainder::None
                              : rest < half  ? Remainder::BelowHalf
                              : rest == half ? Remainder::Half
                                             : Remainder::AboveHalf;
  return {quotient, remainder};
}

// Whether rounding the magnitude of a value of `sign` away from its truncation is due.
bool RoundsUp(Rounding rounding, Remainder remainder, bool sign, bool odd) {
  switch (rounding) {
    case Rounding::TieEven:
      return remainder == Remainder::AboveHalf || (remainder == Remainder::Half && odd);
    case Rounding::TieAway:
      return remainder == Remainder::AboveHalf || remainder == Remainder::Half;
    case Rounding::PlusInfinity:
      return remainder != Remainder::None && !sign;
    case Rounding::MinusInfinity:
      return remainder != Remainder::None && sign;
    case Rounding::Zero:
    case Rounding::Odd:
      return false;
  }
  return false;
}

Value UnpackBase(Format format, std::uint64_t bits, const Control& control) {
  const bool sign = (bits & format.SignBit()) != 0;
  const std::uint64_t exponent = format.ExponentField(bits);
  const std::uint64_t fraction = bits & format.FractionMask();
  const int fraction_bits = static_cast<int>(format.fraction_bits);
  Value value{Type::Zero, sign, 0, 0, bits};
  if (exponent == 0) {
    if (fraction == 0) return value;
    if (control.FlushToZero(format)) {
      // Flushing a half-precision input is not an Input Denormal exception.
      if (format.bits != 16) control.Raise(kInputDenormal);
      return value;
    }
    value.type = Type::Finite;
    value.exponent = format.MinimumExponent() - fraction_bits;
    value.mantissa = fraction;
    return value;
  }
  if (exponent == format.MaxExponentField() && !(format.bits == 16 && control.AlternativeHalf())) {
    if (fraction == 0) {
      value.type = Type::Infinity;
    } else {
      value.type = (fraction >> (fraction_bits - 1)) & 1 ? Type::QuietNaN : Type::SignallingNaN;
    }
    return value;
  }
  value.type = Type::Finite;
  value.exponent = static_cast<int>(exponent) - format.Bias() - fraction_bits;
  value.mantissa = fraction | 1ull << fraction_bits;
  return value;
}

std::uint64_t RoundBase(Format format, bool sign, int exponent, Wide mantissa,
                        const Control& control, Rounding rounding) {
  const int fraction_bits = static_cast<int>(format.fraction_bits);
  const int unbiased = exponent + HighestBit(mantissa);
  if (control.FlushToZero(format) && unbiased < format.MinimumExponent()) {
    control.Raise(kUnderflow);
    return Zero(format, sign);
  }
  int biased = std::max(unbiased - format.MinimumExponent() + 1, 0);
  const int last_place = (biased == 0 ? format.MinimumExponent() : unbiased) - fraction_bits;
  const int shift = last_place - exponent;
  const Split split =
      shift >= 0 ? SplitAt(mantissa, shift) : Split{mantissa << -shift, Remainder::None};
  auto integer = static_cast<std::uint64_t>(split.quotient);
  Remainder remainder = split.remainder;
  // Tininess is judged before rounding.
  if (biased == 0 && remainder != Remainder::None) control.Raise(kUnderflow);
  if (RoundsUp(rounding, remainder, sign, integer & 1)) {
    ++integer;
    if (integer == 1ull << fraction_bits) biased = 1;
    if (integer == 2ull << fraction_bits) {
      ++biased;
      integer >>= 1;
    }
  }
  if (rounding == Rounding::Odd && remainder != Remainder::None) integer |= 1;
  std::uint64_t result;
  if (format.bits != 16 || !control.AlternativeHalf()) {
    if (biased >= static_cast<int>(format.MaxExponentField())) {
      const bool to_infinity = rounding == Rounding::TieEven || rounding == Rounding::TieAway ||
                               (rounding == Rounding::PlusInfinity && !sign) ||
                               (rounding == Rounding::MinusInfinity && sign);
      result = to_infinity ? Infinity(format, sign) : MaxNormal(format, sign);
      control.Raise(kOverflow);
      remainder = Remainder::AboveHalf;
    } else {
      result = Zero(format, sign) | static_cast<std::uint64_t>(biased) << fraction_bits |
               (integer & format.FractionMask());
    }
  } else if (biased > static_cast<int>(format.MaxExponentField())) {
    // The alternative half-precision format has no infinity: saturate, as an invalid operation.
    result = Zero(format, sign) | (format.SignBit() - 1);
    control.Raise(kInvalidOp);
    remainder = Remainder::None;
  } else {
    result = Zero(format, sign) | static_cast<std::uint64_t>(biased) << fraction_bits |
             (integer & format.FractionMask());
  }
  if (remainder != Remainder::None) control.Raise(kInexact);
  return result;
}

// An exact intermediate result (-1)^sign * mantissa * 2^exponent; mantissa 0 is an exact zero.
struct Exact {
  bool sign;
  int exponent;
  Wide mantissa;
};
Exact ExactOf(const Value& value) { return {value.sign, value.exponent, value.mantissa}; }

Exact Product(const Value& a, const Value& b) {
  return {a.sign != b.sign, a.exponent + b.exponent, Wide{a.mantissa} * b.mantissa};
}

// The sum, exact but for a sticky bit far below any format's last place: both mantissas (at
// most 106 significant bits, a product's) are aligned to bit 125, so an addend shifted out
// entirely leaves at least 70 bits of guard between the result's last place and the sticky bit.
Exact Sum(Exact a, Exact b) {
  if (a.mantissa == 0) return b;
  if (b.mantissa == 0) return a;
  for (Exact* x : {&a, &b}) {
    const int shift = 125 - HighestBit(x->mantissa);
    x->mantissa <<= shift;
    x->exponent -= shift;
  }
  if (a.exponent < b.exponent) std::swap(a, b);
  const int shift = a.exponent - b.exponent;
  const Wide aligned =
      shift == 0     ? b.mantissa
      : shift >= 128 ? Wide{1}
                     : (b.mantissa >> shift) | Wide{(b.mantissa & ((Wide{1} << shift) - 1)) != 0};
  if (a.sign == b.sign) return {a.sign, a.exponent, a.mantissa + aligned};
  if (a.mantissa >= aligned) return {a.sign, a.exponent, a.mantissa - aligned};
  return {b.sign, a.exponent, aligned - a.mantissa};
}

// An exact zero result takes its sign from the rounding mode.
std::uint64_t RoundExact(Format format, const Exact& x, const Control& control) {
  if (x.mantissa == 0) {
    return Zero(format, control.RoundingMode() == Rounding::MinusInfinity);
  }
  return Round(format, x.sign, x.exponent, x.mantissa, control);
}

std::optional<std::uint64_t> ProcessNaNs3(Format format, const Value& a, const Value& b,
                                          const Value& c, const Control& control) {
  for (const Value* v : {&a, &b, &c}) {
    if (v->type == Type::SignallingNaN) return ProcessNaN(format, *v, control);
  }
  for (const Value* v : {&a, &b, &c}) {
    if (v->type == Type::QuietNaN) return ProcessNaN(format, *v, control);
  }
  return std::nullopt;
}

std::uint64_t InvalidOperation(Format format, const Control& control) {
  control.Raise(kInvalidOp);
  return DefaultNaN(format);
}

// -1, 0 or 1 as |a| is less than, equal to or greater than |b| (neither a NaN).
int CompareMagnitudes(const Value& a, const Value& b) {
  auto rank = [](const Value& v) {
    return v.type == Type::Zero ? 0 : v.type == Type::Finite ? 1 : 2;
  };
  if (rank(a) != rank(b)) return rank(a) < rank(b) ? -1 : 1;
  if (a.type != Type::Finite) return 0;
  const int top_a = a.exponent + HighestBit(a.mantissa);
  const int top_b = b.exponent + HighestBit(b.mantissa);
  if (top_a != top_b) return top_a < top_b ? -1 : 1;
  const std::uint64_t aligned_a = a.mantissa << (63 - HighestBit(a.mantissa));
  const std::uint64_t aligned_b = b.mantissa << (63 - HighestBit(b.mantissa));
  return aligned_a == aligned_b ? 0 : aligned_a < aligned_b ? -1 : 1;
}

// -1, 0 or 1 as a is less than, equal to or greater than b (neither a NaN; -0 equals +0).
int CompareValues(const Value& a, const Value& b) {
  auto signum = [](const Value& v) { return v.type == Type::Zero ? 0 : v.sign ? -1 : 1; };
  if (signum(a) != signum(b)) return signum(a) < signum(b) ? -1 : 1;
  const int magnitude = CompareMagnitudes(a, b);
  return signum(a) < 0 ? -magnitude : magnitude;
}

std::uint64_t MaxOrMin(Format format, std::uint64_t a_bits, std::uint64_t b_bits,
                       const Control& control, bool max) {
  const Value a = Unpack(format, a_bits, control);
  const Value b = Unpack(format, b_bits, control);
  if (auto nan = ProcessNaNs(format, a, b, control)) return *nan;
  const int order = CompareValues(a, b);
  const Value& chosen = (max ? order > 0 : order < 0) ? a : b;
  if (chosen.type == Type::Infinity) return Infinity(format, chosen.sign);
  // max(+0, -0) is +0 and min(+0, -0) is -0.
  if (chosen.type == Type::Zero) return Zero(format, max ? a.sign && b.sign : a.sign || b.sign);
  // A finite operand that was not flushed is exact in its own format.
  return chosen.bits;
}

// FPMaxNum/FPMinNum: one quiet NaN loses against a number.
std::uint64_t MaxOrMinNum(Format format, std::uint64_t a_bits, std::uint64_t b_bits,
                          const Control& control, bool max) {
  const Type a = Unpack(format, a_bits, control).type;
  const Type b = Unpack(format, b_bits, control).type;
  if (a == Type::QuietNaN && b != Type::QuietNaN) a_bits = Infinity(format, max);
  if (a != Type::QuietNaN && b == Type::QuietNaN) b_bits = Infinity(format, max);
  return MaxOrMin(format, a_bits, b_bits, control, max);
}

Wide SquareRoot(Wide value, Wide& remainder) {
  Wide root = 0;
  Wide rest = value;
  for (int bit = 126; bit >= 0; bit -= 2) {
    const Wide trial = root | Wide{1} << bit;
    if (rest >= trial) {
      rest -= trial;
      root = (root >> 1) | Wide{1} << bit;
    } else {
      root >>= 1;
    }
  }
  remainder = rest;
  return root;
}

// The magnitude of a finite value rounded to an integer, or nullopt if it needs more than 64
// bits; `remainder` tells what rounding dropped.
std::optional<std::uint64_t> IntegerMagnitude(const Value& value, int scale, Rounding rounding,
                                              Remainder& remainder) {
  const int exponent = value.exponent + scale;
  if (exponent >= 0) {
    remainder = Remainder::None;
    if (HighestBit(value.mantissa) + exponent >= 64) return std::nullopt;
    return value.mantissa << exponent;
  }
  const Split split = SplitAt(value.mantissa, -exponent);
  remainder = split.remainder;
  auto integer = static_cast<std::uint64_t>(split.quotient);
  if (RoundsUp(rounding, remainder, value.sign, integer & 1)) {
    if (integer == ~0ull) return std::nullopt;
    ++integer;
  }
  return integer;
}

// The reciprocal estimate of a in [256, 512), a fixed-point value in [0.5, 1).
unsigned ReciprocalEstimate(unsigned a) {
  a = a * 2 + 1;
  const unsigned b = (1u << 19) / a;
  return (b + 1) / 2;
}

// The reciprocal square root estimate of a in [128, 512), a fixed-point value in [0.25, 1).
unsigned ReciprocalSqrtEstimate(unsigned a) {
  a = a < 256 ? a * 2 + 1 : ((a >> 1) << 1) * 2 + 2;
  // The pseudocode counts b up from 512 while a * (b + 1)^2 < 2^28; the first b where that
  // fails, found by bisection (it fails at 1023 for every a here).
  std::uint64_t low = 512, high = 1023;
  while (low < high) {
    const std::uint64_t b = (low + high) / 2;
    if (a * (b + 1) * (b + 1) < (1ull << 28)) {
      low = b + 1;
    } else {
      high = b;
    }
  }
  return static_cast<unsigned>((low + 1) / 2);
}

// The 52-bit fraction and exponent of the estimate functions' double-precision scaling.
void FractionAndExponent(Format format, std::uint64_t bits, std::uint64_t& fraction,
                         int& exponent) {
  fraction = (bits & format.FractionMask()) << (52 - format.fraction_bits);
  exponent = static_cast<int>(format.ExponentField(bits));
}

}  // namespace

Value Unpack(Format format, std::uint64_t bits, const Control& control) {
  return UnpackBase(format, bits, control.IeeeHalf());
}

Value UnpackCv(Format format, std::uint64_t bits, const Control& control) {
  return UnpackBase(format, bits, control.NoFlushHalf());
}

std::uint64_t Round(Format format, bool sign, int exponent, Wide mantissa, const Control& control,
                    Rounding rounding) {
  return RoundBase(format, sign, exponent, mantissa, control.IeeeHalf(), rounding);
}

std::uint64_t Round(Format format, bool sign, int exponent, Wide mantissa, const Control& control) {
  return Round(format, sign, exponent, mantissa, control, control.RoundingMode());
}

std::uint64_t ProcessNaN(Format format, const Value& nan, const Control& control) {
  if (nan.type == Type::SignallingNaN) control.Raise(kInvalidOp);
  if (control.DefaultNaN()) return DefaultNaN(format);
  return nan.bits | 1ull << (format.fraction_bits - 1);
}

std::optional<std::uint64_t> ProcessNaNs(Format format, const Value& a, const Value& b,
                                         const Control& control) {
  if (a.type == Type::SignallingNaN) return ProcessNaN(format, a, control);
  if (b.type == Type::SignallingNaN) return ProcessNaN(format, b, control);
  if (a.type == Type::QuietNaN) return ProcessNaN(format, a, control);
  if (b.type == Type::QuietNaN) return ProcessNaN(format, b, control);
  return std::nullopt;
}

namespace {

std::uint64_t AddOrSub(Format format, std::uint64_t a_bits, std::uint64_t b_bits,
                       const Control& control, bool subtract) {
  const Value a = Unpack(format, a_bits, control);
  Value b = Unpack(format, b_bits, control);
  if (auto nan = ProcessNaNs(format, a, b, control)) return *nan;
  b.sign = b.sign != subtract;
  const bool inf_a = a.type == Type::Infinity, inf_b = b.type == Type::Infinity;
  if (inf_a && inf_b && a.sign != b.sign) return InvalidOperation(format, control);
  if (inf_a || inf_b) return Infinity(format, inf_a ? a.sign : b.sign);
  if (a.type == Type::Zero && b.type == Type::Zero && a.sign == b.sign) {
    return Zero(format, a.sign);
  }
  return RoundExact(format, Sum(ExactOf(a), ExactOf(b)), control);
}

std::uint64_t Multiply(Format format, std::uint64_t a_bits, std::uint64_t b_bits,
                       const Control& control, bool extended) {
  const Value a = Unpack(format, a_bits, control);
  const Value b = Unpack(format, b_bits, control);
  if (auto nan = ProcessNaNs(format, a, b, control)) return *nan;
  const bool sign = a.sign != b.sign;
  const bool inf_a = a.type == Type::Infinity, inf_b = b.type == Type::Infinity;
  const bool zero_a = a.type == Type::Zero, zero_b = b.type == Type::Zero;
  if ((inf_a && zero_b) || (zero_a && inf_b)) {
    // FMULX defines infinity times zero as 2, for the Newton-Raphson steps it serves.
    return extended ? Normal(format, sign, 1, 0) : InvalidOperation(format, control);
  }
  if (inf_a || inf_b) return Infinity(format, sign);
  if (zero_a || zero_b) return Zero(format, sign);
  return Round(format, sign, a.exponent + b.exponent, Wide{a.mantissa} * b.mantissa, control);
}

// addend + a * b (a fused step of the reciprocal iterations); `infinity_times_zero` is their
// result for that product.
std::uint64_t FusedStep(Format format, std::uint64_t a_bits, std::uint64_t b_bits,
                        const Control& control, const Exact& addend,
                        std::uint64_t infinity_times_zero, int scale) {
  const Value a = Unpack(format, Neg(format, a_bits), control);
  const Value b = Unpack(format, b_bits, control);
  if (auto nan = ProcessNaNs(format, a, b, control)) return *nan;
  const bool inf_a = a.type == Type::Infinity, inf_b = b.type == Type::Infinity;
  const bool zero_a = a.type == Type::Zero, zero_b = b.type == Type::Zero;
  if ((inf_a && zero_b) || (zero_a && inf_b)) return infinity_times_zero;
  if (inf_a || inf_b) return Infinity(format, a.sign != b.sign);
  Exact sum = Sum(addend, Product(a, b));
  sum.exponent += scale;
  return RoundExact(format, sum, control);
}

}  // namespace

std::uint64_t Add(Format format, std::uint64_t a, std::uint64_t b, const Control& control) {
  return AddOrSub(format, a, b, control, false);
}

std::uint64_t Sub(Format format, std::uint64_t a, std::uint64_t b, const Control& control) {
  return AddOrSub(format, a, b, control, true);
}

std::uint64_t Mul(Format format, std::uint64_t a, std::uint64_t b, const Control& control) {
  return Multiply(format, a, b, control, false);
}

std::uint64_t MulX(Format format, std::uint64_t a, std::uint64_t b, const Control& control) {
  return Multiply(format, a, b, control, true);
}

std::uint64_t Div(Format format, std::uint64_t a_bits, std::uint64_t b_bits,
                  const Control& control) {
  const Value a = Unpack(format, a_bits, control);
  const Value b = Unpack(format, b_bits, control);
  if (auto nan = ProcessNaNs(format, a, b, control)) return *nan;
  const bool sign = a.sign != b.sign;
  const bool inf_a = a.type == Type::Infinity, inf_b = b.type == Type::Infinity;
  const bool zero_a = a.type == Type::Zero, zero_b = b.type == Type::Zero;
  if ((inf_a && inf_b) || (zero_a && zero_b)) return InvalidOperation(format, control);
  if (inf_a || zero_b) {
    if (!inf_a) control.Raise(kDivideByZero);
    return Infinity(format, sign);
  }
  if (zero_a || inf_b) return Zero(format, sign);
  // A dividend at bit 126 over a divisor at bit 63 leaves at least 62 quotient bits, and the
  // remainder becomes a sticky bit below them.
  const int dividend_shift = 126 - HighestBit(a.mantissa);
  const int divisor_shift = 63 - HighestBit(b.mantissa);
  const Wide dividend = Wide{a.mantissa} << dividend_shift;
  const Wide divisor = Wide{b.mantissa} << divisor_shift;
  const Wide quotient = dividend / divisor;
  const Wide mantissa = quotient << 1 | Wide{quotient * divisor != dividend};
  const int exponent = a.exponent - dividend_shift - (b.exponent - divisor_shift) - 1;
  return Round(format, sign, exponent, mantissa, control);
}

std::uint64_t Sqrt(Format format, std::uint64_t a_bits, const Control& control) {
  const Value a = Unpack(format, a_bits, control);
  if (a.IsNaN()) return ProcessNaN(format, a, control);
  if (a.type == Type::Zero) return Zero(format, a.sign);
  if (a.sign) return InvalidOperation(format, control);
  if (a.type == Type::Infinity) return Infinity(format, false);
  // Scale the mantissa to bit 125 or 126, whichever leaves an even exponent to halve.
  int shift = 126 - HighestBit(a.mantissa);
  if ((a.exponent - shift) & 1) --shift;
  Wide remainder;
  const Wide root = SquareRoot(Wide{a.mantissa} << shift, remainder);
  const Wide mantissa = root << 1 | Wide{remainder != 0};
  return Round(format, false, (a.exponent - shift) / 2 - 1, mantissa, control);
}

std::uint64_t MulAdd(Format format, std::uint64_t addend_bits, std::uint64_t a_bits,
                     std::uint64_t b_bits, const Control& control) {
  const Value addend = Unpack(format, addend_bits, control);
  const Value a = Unpack(format, a_bits, control);
  const Value b = Unpack(format, b_bits, control);
  const bool inf_a = a.type == Type::Infinity, inf_b = b.type == Type::Infinity;
  const bool zero_a = a.type == Type::Zero, zero_b = b.type == Type::Zero;
  const bool invalid_product = (inf_a && zero_b) || (zero_a && inf_b);
  if (auto nan = ProcessNaNs3(format, addend, a, b, control)) {
    // A quiet NaN addend does not hide the invalid product.
    if (addend.type == Type::QuietNaN && invalid_product) return InvalidOperation(format, control);
    return *nan;
  }
  const bool sign_product = a.sign != b.sign;
  const bool inf_product = inf_a || inf_b, zero_product = zero_a || zero_b;
  const bool inf_addend = addend.type == Type::Infinity;
  if (invalid_product || (inf_addend && inf_product && addend.sign != sign_product)) {
    return InvalidOperation(format, control);
  }
  if (inf_addend) return Infinity(format, addend.sign);
  if (inf_product) return Infinity(format, sign_product);
  if (addend.type == Type::Zero && zero_product && addend.sign == sign_product) {
    return Zero(format, addend.sign);
  }
  return RoundExact(format, Sum(ExactOf(addend), Product(a, b)), control);
}

std::uint64_t Max(Format format, std::uint64_t a, std::uint64_t b, const Control& control) {
  return MaxOrMin(format, a, b, control, true);
}

std::uint64_t Min(Format format, std::uint64_t a, std::uint64_t b, const Control& control) {
  return MaxOrMin(format, a, b, control, false);
}

std::uint64_t MaxNum(Format format, std::uint64_t a, std::uint64_t b, const Control& control) {
  return MaxOrMinNum(format, a, b, control, true);
}

std::uint64_t MinNum(Format format, std::uint64_t a, std::uint64_t b, const Control& control) {
  return MaxOrMinNum(format, a, b, control, false);
}

std::uint64_t RecipStepFused(Format format, std::uint64_t a, std::uint64_t b,
                             const Control& control) {
  return FusedStep(format, a, b, control, Exact{false, 1, 1}, Normal(format, false, 1, 0), 0);
}

std::uint64_t RSqrtStepFused(Format format, std::uint64_t a, std::uint64_t b,
                             const Control& control) {
  const std::uint64_t one_point_five = Normal(format, false, 0, 1ull << (format.fraction_bits - 1));
  return FusedStep(format, a, b, control, Exact{false, 0, 3}, one_point_five, -1);
}

std::uint64_t RecipEstimate(Format format, std::uint64_t bits, const Control& control) {
  const Value a = Unpack(format, bits, control);
  if (a.IsNaN()) return ProcessNaN(format, a, control);
  if (a.type == Type::Infinity) return Zero(format, a.sign);
  if (a.type == Type::Zero) {
    control.Raise(kDivideByZero);
    return Infinity(format, a.sign);
  }
  const int top = a.exponent + HighestBit(a.mantissa);
  if (top < -1 - format.Bias()) {
    // Below 2^-(bias+1) the reciprocal overflows.
    const Rounding rounding = control.RoundingMode();
    const bool to_infinity = rounding == Rounding::TieEven ||
                             (rounding == Rounding::PlusInfinity && !a.sign) ||
                             (rounding == Rounding::MinusInfinity && a.sign);
    control.Raise(kOverflow | kInexact);
    return to_infinity ? Infinity(format, a.sign) : MaxNormal(format, a.sign);
  }
  if (control.FlushToZero(format) && top >= format.Bias() - 1) {
    control.Raise(kUnderflow);
    return Zero(format, a.sign);
  }
  std::uint64_t fraction;
  int exponent;
  FractionAndExponent(format, bits, fraction, exponent);
  if (exponent == 0) {
    if (((fraction >> 51) & 1) == 0) {
      exponent = -1;
      fraction = (fraction << 2) & ((1ull << 52) - 1);
    } else {
      fraction = (fraction << 1) & ((1ull << 52) - 1);
    }
  }
  const unsigned estimate =
      ReciprocalEstimate(static_cast<unsigned>(256 | ((fraction >> 44) & 0xff)));
  int result_exponent = 2 * format.Bias() - 1 - exponent;
  if (result_exponent == 0) {
    fraction = 1ull << 51 | static_cast<std::uint64_t>(estimate & 0xff) << 43;
  } else if (result_exponent == -1) {
    fraction = 1ull << 50 | static_cast<std::uint64_t>(estimate & 0xff) << 42;
    result_exponent = 0;
  } else {
    fraction = static_cast<std::uint64_t>(estimate & 0xff) << 44;
  }
  return Zero(format, a.sign) |
         static_cast<std::uint64_t>(result_exponent) << format.fraction_bits |
         fraction >> (52 - format.fraction_bits);
}

std::uint64_t RSqrtEstimate(Format format, std::uint64_t bits, const Control& control) {
  const Value a = Unpack(format, bits, control);
  if (a.IsNaN()) return ProcessNaN(format, a, control);
  if (a.type == Type::Zero) {
    control.Raise(kDivideByZero);
    return Infinity(format, a.sign);
  }
  if (a.sign) return InvalidOperation(format, control);
  if (a.type == Type::Infinity) return Zero(format, false);
  std::uint64_t fraction;
  int exponent;
  FractionAndExponent(format, bits, fraction, exponent);
  if (exponent == 0) {
    while (((fraction >> 51) & 1) == 0) {
      fraction <<= 1;
      --exponent;
    }
    fraction = (fraction << 1) & ((1ull << 52) - 1);
  }
  // In [0.25, 1) in units of 1/512, the exponent's parity unchanged.
  const unsigned scaled = (exponent & 1) == 0 ? static_cast<unsigned>(0x100 | (fraction >> 44))
                                              : static_cast<unsigned>(0x80 | (fraction >> 45));
  const int result_exponent = (3 * format.Bias() - 1 - exponent) / 2;
  const unsigned estimate = ReciprocalSqrtEstimate(scaled);
  return static_cast<std::uint64_t>(result_exponent) << format.fraction_bits |
         static_cast<std::uint64_t>(estimate & 0xff) << (format.fraction_bits - 8);
}

std::uint64_t RecpX(Format format, std::uint64_t bits, const Control& control) {
  const Value a = Unpack(format, bits, control);
  if (a.IsNaN()) return ProcessNaN(format, a, control);
  const std::uint64_t exponent = format.ExponentField(bits);
  const std::uint64_t result_exponent =
      exponent == 0 ? format.MaxExponentField() - 1 : ~exponent & format.MaxExponentField();
  return Zero(format, a.sign) | result_exponent << format.fraction_bits;
}

unsigned Compare(Format format, std::uint64_t a_bits, std::uint64_t b_bits, bool signal_nans,
                 const Control& control) {
  const Value a = Unpack(format, a_bits, control);
  const Value b = Unpack(format, b_bits, control);
  if (a.IsNaN() || b.IsNaN()) {
    if (signal_nans || a.type == Type::SignallingNaN || b.type == Type::SignallingNaN) {
      control.Raise(kInvalidOp);
    }
    return 0b0011;
  }
  const int order = CompareValues(a, b);
  return order == 0 ? 0b0110 : order < 0 ? 0b1000 : 0b0010;
}

bool CompareEq(Format format, std::uint64_t a_bits, std::uint64_t b_bits, const Control& control) {
  const Value a = Unpack(format, a_bits, control);
  const Value b = Unpack(format, b_bits, control);
  if (a.IsNaN() || b.IsNaN()) {
    if (a.type == Type::SignallingNaN || b.type == Type::SignallingNaN) control.Raise(kInvalidOp);
    return false;
  }
  return CompareValues(a, b) == 0;
}

bool CompareGe(Format format, std::uint64_t a_bits, std::uint64_t b_bits, const Control& control) {
  const Value a = Unpack(format, a_bits, control);
  const Value b = Unpack(format, b_bits, control);
  if (a.IsNaN() || b.IsNaN()) {
    control.Raise(kInvalidOp);
    return false;
  }
  return CompareValues(a, b) >= 0;
}

bool CompareGt(Format format, std::uint64_t a_bits, std::uint64_t b_bits, const Control& control) {
  const Value a = Unpack(format, a_bits, control);
  const Value b = Unpack(format, b_bits, control);
  if (a.IsNaN() || b.IsNaN()) {
    control.Raise(kInvalidOp);
    return false;
  }
  return CompareValues(a, b) > 0;
}

std::uint64_t RoundInt(Format format, std::uint64_t bits, const Control& control, Rounding rounding,
                       bool exact) {
  const Value a = Unpack(format, bits, control);
  if (a.IsNaN()) return ProcessNaN(format, a, control);
  if (a.type == Type::Infinity) return Infinity(format, a.sign);
  if (a.type == Type::Zero) return Zero(format, a.sign);
  // Values of 2^F and more are integers already.
  if (a.exponent >= 0) return bits;
  Remainder remainder;
  const std::uint64_t integer = *IntegerMagnitude(a, 0, rounding, remainder);
  if (remainder != Remainder::None && exact) control.Raise(kInexact);
  if (integer == 0) return Zero(format, a.sign);
  return Round(format, a.sign, 0, integer, control, Rounding::Zero);
}

std::uint64_t RoundIntN(Format format, std::uint64_t bits, const Control& control,
                        Rounding rounding, unsigned int_bits) {
  const Value a = Unpack(format, bits, control);
  const std::uint64_t most_negative = Normal(format, true, static_cast<int>(int_bits) - 1, 0);
  if (a.type != Type::Finite && a.type != Type::Zero) {
    control.Raise(kInvalidOp);
    return most_negative;
  }
  if (a.type == Type::Zero) return Zero(format, a.sign);
  Remainder remainder;
  const std::optional<std::uint64_t> integer = IntegerMagnitude(a, 0, rounding, remainder);
  const std::uint64_t limit = 1ull << (int_bits - 1);
  if (!integer || *integer > limit || (*integer == limit && !a.sign)) {
    control.Raise(kInvalidOp);
    return most_negative;
  }
  if (remainder != Remainder::None) control.Raise(kInexact);
  if (*integer == 0) return Zero(format, a.sign);
  return Round(format, a.sign, 0, *integer, control, Rounding::Zero);
}

std::uint64_t ToFixed(Format format, std::uint64_t bits, unsigned fraction_bits, bool is_unsigned,
                      unsigned int_bits, const Control& control, Rounding rounding) {
  const Value a = Unpack(format, bits, control);
  if (a.IsNaN()) {
    control.Raise(kInvalidOp);
    return 0;
  }
  if (a.type == Type::Zero) return 0;
  const std::uint64_t int_mask = int_bits >= 64 ? ~0ull : (1ull << int_bits) - 1;
  const std::uint64_t positive_limit = is_unsigned ? int_mask : int_mask >> 1;
  const std::uint64_t negative_limit = is_unsigned ? 0 : (int_mask >> 1) + 1;
  Remainder remainder = Remainder::None;
  std::optional<std::uint64_t> magnitude;
  if (a.type == Type::Finite) {
    magnitude = IntegerMagnitude(a, static_cast<int>(fraction_bits), rounding, remainder);
  }
  const std::uint64_t limit = a.sign ? negative_limit : positive_limit;
  if (!magnitude || *magnitude > limit) {
    control.Raise(kInvalidOp);
    return a.sign ? (0 - negative_limit) & int_mask : positive_limit;
  }
  if (remainder != Remainder::None) control.Raise(kInexact);
  return (a.sign ? 0 - *magnitude : *magnitude) & int_mask;
}

std::uint64_t FixedToFp(Format format, std::uint64_t bits, unsigned fraction_bits, bool is_unsigned,
                        unsigned int_bits, const Control& control, Rounding rounding) {
  const std::uint64_t sign_bit = 1ull << (int_bits - 1);
  const std::uint64_t int_mask = sign_bit | (sign_bit - 1);
  const bool sign = !is_unsigned && (bits & sign_bit) != 0;
  const std::uint64_t magnitude = (sign ? 0 - bits : bits) & int_mask;
  if (magnitude == 0) return Zero(format, false);
  return Round(format, sign, -static_cast<int>(fraction_bits), magnitude, control, rounding);
}

std::uint32_t ToFixedJs(std::uint64_t bits, const Control& control, bool& z) {
  const Value a = Unpack(kDouble, bits, control);
  z = true;
  if (a.IsNaN()) {
    control.Raise(kInvalidOp);
    z = false;
    return 0;
  }
  if (a.type == Type::Zero) {
    // -0 and flushed denormals are not exactly +0 of the integer.
    z = !a.sign && (bits & kDouble.FractionMask()) == 0;
    return 0;
  }
  if (a.type == Type::Infinity) {
    control.Raise(kInvalidOp);
    z = false;
    return 0;
  }
  // The result is the integer modulo 2^32, so only its low 32 bits (and whether more exist)
  // matter.
  Remainder remainder = Remainder::None;
  std::uint64_t low;
  bool overflow;
  if (a.exponent >= 0) {
    low = a.exponent >= 64 ? 0 : a.mantissa << a.exponent;
    overflow = true;  // at least 2^52
  } else {
    const Split split = SplitAt(a.mantissa, -a.exponent);
    remainder = split.remainder;
    low = static_cast<std::uint64_t>(split.quotient);
    overflow = a.sign ? low > (1ull << 31) : low > (1ull << 31) - 1;
  }
  const auto result = static_cast<std::uint32_t>(a.sign ? 0 - low : low);
  if (overflow) {
    control.Raise(kInvalidOp);
    z = false;
  } else if (remainder != Remainder::None) {
    control.Raise(kInexact);
    z = false;
  }
  return result;
}

std::uint64_t Convert(Format to, Format from, std::uint64_t bits, const Control& control,
                      Rounding rounding) {
  const Value a = UnpackCv(from, bits, control);
  const bool alternative_half = to.bits == 16 && control.AlternativeHalf();
  if (a.IsNaN()) {
    std::uint64_t result;
    if (alternative_half) {
      result = Zero(to, a.sign);
    } else if (control.DefaultNaN()) {
      result = DefaultNaN(to);
    } else {
      // The payload below the quiet bit keeps its top bits.
      const std::uint64_t payload = (bits & (from.FractionMask() >> 1))
                                    << (52 - from.fraction_bits);
      result = Infinity(to, a.sign) | 1ull << (to.fraction_bits - 1) |
               payload >> (52 - to.fraction_bits);
    }
    if (a.type == Type::SignallingNaN || alternative_half) control.Raise(kInvalidOp);
    return result;
  }
  if (a.type == Type::Infinity) {
    if (alternative_half) {
      control.Raise(kInvalidOp);
      return Zero(to, a.sign) | (to.SignBit() - 1);
    }
    return Infinity(to, a.sign);
  }
  if (a.type == Type::Zero) return Zero(to, a.sign);
  return RoundBase(to, a.sign, a.exponent, a.mantissa, control.NoFlushHalf(), rounding);
}

}  // namespace sae::frontend::arm64::fp
