// Arm floating-point arithmetic in integer arithmetic, after the Arm ARM's pseudocode (shared
// pseudocode, "Floating-point"): each function here is the pseudocode function of the same name
// without its FP prefix, for half, single and double precision alike. Values are exact
// (sign, exponent, integer mantissa) triples until Round() produces the bits of a format, so the
// results do not depend on the host's floating point (the interpreter runs on s390x).
#pragma once

#include <cstdint>
#include <optional>

namespace sae::frontend::arm64::fp {

__extension__ typedef unsigned __int128 Wide;

struct Format {
  unsigned bits;           // N
  unsigned exponent_bits;  // E
  unsigned fraction_bits;  // F

  constexpr int Bias() const { return (1 << (exponent_bits - 1)) - 1; }
  constexpr int MinimumExponent() const { return 1 - Bias(); }
  constexpr std::uint64_t SignBit() const { return 1ull << (bits - 1); }
  constexpr std::uint64_t FractionMask() const { return (1ull << fraction_bits) - 1; }
  constexpr std::uint64_t ExponentField(std::uint64_t value) const {
    return (value >> fraction_bits) & ((1ull << exponent_bits) - 1);
  }
  constexpr std::uint64_t MaxExponentField() const { return (1ull << exponent_bits) - 1; }
};
inline constexpr Format kHalf{16, 5, 10};
inline constexpr Format kSingle{32, 8, 23};
inline constexpr Format kDouble{64, 11, 52};
// The format of an element of `esize` bits (16, 32 or 64).
constexpr Format FormatOf(unsigned esize) {
  return esize == 16 ? kHalf : esize == 32 ? kSingle : kDouble;
}

enum class Rounding : std::uint8_t { TieEven, PlusInfinity, MinusInfinity, Zero, TieAway, Odd };

// FPSR cumulative exception bits.
enum Exception : std::uint32_t {
  kInvalidOp = 1u << 0,
  kDivideByZero = 1u << 1,
  kOverflow = 1u << 2,
  kUnderflow = 1u << 3,
  kInexact = 1u << 4,
  kInputDenormal = 1u << 7,
};

// The FPCR of an operation and the FPSR its exceptions accumulate in (no FP traps: AArch64
// Linux runs with them disabled, and the flags are then all the pseudocode does).
class Control {
 public:
  Control(std::uint32_t fpcr_value, std::uint32_t& fpsr) : fpcr(fpcr_value), fpsr_(&fpsr) {}

  Rounding RoundingMode() const { return static_cast<Rounding>((fpcr >> 22) & 3); }
  bool FlushToZero(Format format) const {
    return format.bits == 16 ? (fpcr >> 19) & 1 : (fpcr >> 24) & 1;
  }
  bool DefaultNaN() const { return (fpcr >> 25) & 1; }
  bool AlternativeHalf() const { return (fpcr >> 26) & 1; }
  // The FPCR that FPUnpack/FPRound use (AHP ignored) and the one of conversions (FZ16 ignored).
  Control IeeeHalf() const { return Control(fpcr & ~(1u << 26), *fpsr_); }
  Control NoFlushHalf() const { return Control(fpcr & ~(1u << 19), *fpsr_); }

  void Raise(std::uint32_t exceptions) const { *fpsr_ |= exceptions; }

  std::uint32_t fpcr;

 private:
  std::uint32_t* fpsr_;
};

enum class Type : std::uint8_t { Zero, Finite, Infinity, QuietNaN, SignallingNaN };

// An unpacked operand: the value (-1)^sign * mantissa * 2^exponent for Finite (denormals
// included), and the bits it came from (NaN propagation returns them).
struct Value {
  Type type;
  bool sign;
  int exponent;
  std::uint64_t mantissa;
  std::uint64_t bits;

  bool IsNaN() const { return type == Type::QuietNaN || type == Type::SignallingNaN; }
};

Value Unpack(Format format, std::uint64_t bits, const Control& control);
// FPUnpackCV: conversions read half precision with AHP and without FZ16.
Value UnpackCv(Format format, std::uint64_t bits, const Control& control);

constexpr std::uint64_t Zero(Format format, bool sign) { return sign ? format.SignBit() : 0; }
constexpr std::uint64_t Infinity(Format format, bool sign) {
  return Zero(format, sign) | format.MaxExponentField() << format.fraction_bits;
}
constexpr std::uint64_t MaxNormal(Format format, bool sign) {
  return Zero(format, sign) | (format.MaxExponentField() - 1) << format.fraction_bits |
         format.FractionMask();
}
constexpr std::uint64_t DefaultNaN(Format format) {
  return Infinity(format, false) | 1ull << (format.fraction_bits - 1);
}
// (-1)^sign * 2^exponent * (1 + fraction / 2^F), a normal number.
constexpr std::uint64_t Normal(Format format, bool sign, int exponent, std::uint64_t fraction) {
  return Zero(format, sign) |
         static_cast<std::uint64_t>(exponent + format.Bias()) << format.fraction_bits | fraction;
}
constexpr std::uint64_t Abs(Format format, std::uint64_t bits) { return bits & ~format.SignBit(); }
constexpr std::uint64_t Neg(Format format, std::uint64_t bits) { return bits ^ format.SignBit(); }

// FPRound: the value (-1)^sign * mantissa * 2^exponent (mantissa != 0) in `format`.
std::uint64_t Round(Format format, bool sign, int exponent, Wide mantissa, const Control& control,
                    Rounding rounding);
std::uint64_t Round(Format format, bool sign, int exponent, Wide mantissa, const Control& control);

std::uint64_t ProcessNaN(Format format, const Value& nan, const Control& control);
std::optional<std::uint64_t> ProcessNaNs(Format format, const Value& a, const Value& b,
                                         const Control& control);

std::uint64_t Add(Format format, std::uint64_t a, std::uint64_t b, const Control& control);
std::uint64_t Sub(Format format, std::uint64_t a, std::uint64_t b, const Control& control);
std::uint64_t Mul(Format format, std::uint64_t a, std::uint64_t b, const Control& control);
std::uint64_t MulX(Format format, std::uint64_t a, std::uint64_t b, const Control& control);
std::uint64_t Div(Format format, std::uint64_t a, std::uint64_t b, const Control& control);
std::uint64_t Sqrt(Format format, std::uint64_t a, const Control& control);
// addend + a * b with a single rounding.
std::uint64_t MulAdd(Format format, std::uint64_t addend, std::uint64_t a, std::uint64_t b,
                     const Control& control);
std::uint64_t Max(Format format, std::uint64_t a, std::uint64_t b, const Control& control);
std::uint64_t Min(Format format, std::uint64_t a, std::uint64_t b, const Control& control);
std::uint64_t MaxNum(Format format, std::uint64_t a, std::uint64_t b, const Control& control);
std::uint64_t MinNum(Format format, std::uint64_t a, std::uint64_t b, const Control& control);
std::uint64_t RecipStepFused(Format format, std::uint64_t a, std::uint64_t b,
                             const Control& control);
std::uint64_t RSqrtStepFused(Format format, std::uint64_t a, std::uint64_t b,
                             const Control& control);
std::uint64_t RecipEstimate(Format format, std::uint64_t a, const Control& control);
std::uint64_t RSqrtEstimate(Format format, std::uint64_t a, const Control& control);
std::uint64_t RecpX(Format format, std::uint64_t a, const Control& control);

// FPCompare: NZCV.
unsigned Compare(Format format, std::uint64_t a, std::uint64_t b, bool signal_nans,
                 const Control& control);
bool CompareEq(Format format, std::uint64_t a, std::uint64_t b, const Control& control);
bool CompareGe(Format format, std::uint64_t a, std::uint64_t b, const Control& control);
bool CompareGt(Format format, std::uint64_t a, std::uint64_t b, const Control& control);

std::uint64_t RoundInt(Format format, std::uint64_t a, const Control& control, Rounding rounding,
                       bool exact);
// FPRoundIntN: rounds to an integer that fits in `int_bits` (32 or 64) signed bits.
std::uint64_t RoundIntN(Format format, std::uint64_t a, const Control& control, Rounding rounding,
                        unsigned int_bits);
// FPToFixed: `a` * 2^fraction_bits as an `int_bits`-bit integer, saturated.
std::uint64_t ToFixed(Format format, std::uint64_t a, unsigned fraction_bits, bool is_unsigned,
                      unsigned int_bits, const Control& control, Rounding rounding);
// FixedToFP: the `int_bits`-bit integer `a` / 2^fraction_bits.
std::uint64_t FixedToFp(Format format, std::uint64_t a, unsigned fraction_bits, bool is_unsigned,
                        unsigned int_bits, const Control& control, Rounding rounding);
// FPToFixedJS (FJCVTZS): the 32-bit result and the Z flag.
std::uint32_t ToFixedJs(std::uint64_t a, const Control& control, bool& z);
// FPConvert between precisions.
std::uint64_t Convert(Format to, Format from, std::uint64_t a, const Control& control,
                      Rounding rounding);

}  // namespace sae::frontend::arm64::fp
