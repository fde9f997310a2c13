// Operand types of the s390x assembler. Each is its own type, so a floating-point register where a
// general register belongs, or a mask where an immediate belongs, does not compile. Values out of
// an operand's range are caught by debug assertions where the operand is made.
#pragma once

#include <cassert>
#include <cstdint>

namespace sae::backend::s390x {

// General register r0-r15. r0 as a base or index means "none", never register 0.
struct Gpr {
  constexpr explicit Gpr(unsigned n) : index(static_cast<std::uint8_t>(n)) { assert(n < 16); }
  constexpr bool operator==(const Gpr&) const = default;
  std::uint8_t index;
};

// Floating-point register f0-f15 (the leftmost halves of vector registers v0-v15).
struct Fpr {
  constexpr explicit Fpr(unsigned n) : index(static_cast<std::uint8_t>(n)) { assert(n < 16); }
  constexpr bool operator==(const Fpr&) const = default;
  std::uint8_t index;
};

// Vector register v0-v31. Fields hold the low four bits; the fifth goes to the RXB field.
struct Vr {
  constexpr explicit Vr(unsigned n) : index(static_cast<std::uint8_t>(n)) { assert(n < 32); }
  constexpr bool operator==(const Vr&) const = default;
  std::uint8_t index;
};

// A 4-bit mask field (M1..M6): condition masks, element sizes, rounding modes, flags.
struct Mask {
  constexpr Mask(unsigned v) : value(static_cast<std::uint8_t>(v)) { assert(v < 16); }  // NOLINT
  std::uint8_t value;
};

// Branch condition masks (bit 8 = CC0 ... bit 1 = CC3). Names follow the extended mnemonics,
// for the condition codes set by compares: equal CC0, low CC1, high CC2.
enum class Cond : std::uint8_t {
  Never = 0,
  Overflow = 1,
  High = 2,
  NotLowOrEqual = 3,
  Low = 4,
  NotHighOrEqual = 5,
  LowOrHigh = 6,
  NotEqual = 7,
  Equal = 8,
  NotLowOrHigh = 9,
  HighOrEqual = 10,
  NotLow = 11,
  LowOrEqual = 12,
  NotHigh = 13,
  NotOverflow = 14,
  Always = 15,
};

// An immediate of `Bits` bits, signed or unsigned.
template <unsigned Bits, bool Signed>
struct Imm {
  static constexpr std::int64_t kMin = Signed ? -(std::int64_t{1} << (Bits - 1)) : 0;
  static constexpr std::int64_t kMax =
      Signed ? (std::int64_t{1} << (Bits - 1)) - 1 : (std::int64_t{1} << Bits) - 1;
  static constexpr bool Fits(std::int64_t v) { return v >= kMin && v <= kMax; }
  constexpr Imm(std::int64_t v) : value(v) { assert(Fits(v)); }  // NOLINT: implicit by design
  std::int64_t value;
};
using U1 = Imm<1, false>;
using U2 = Imm<2, false>;
using U3 = Imm<3, false>;
using U4 = Imm<4, false>;
using U6 = Imm<6, false>;
using U8 = Imm<8, false>;
using S8 = Imm<8, true>;
using U12 = Imm<12, false>;
using U16 = Imm<16, false>;
using S16 = Imm<16, true>;
using U32 = Imm<32, false>;
using S32 = Imm<32, true>;

// Storage operand D(X,B). Instructions with a 12-bit displacement take 0..4095; the long forms
// (RXY, RSY, SIY) take -524288..524287; the encoder asserts the range of its format.
struct Mem {
  constexpr Mem(Gpr b, std::int32_t d = 0) : base(b), index(0), disp(d) {}  // NOLINT
  constexpr Mem(Gpr b, Gpr x, std::int32_t d) : base(b), index(x), disp(d) {}
  Gpr base;
  Gpr index;
  std::int32_t disp;
};

// Storage operand D(B) of instructions that have no index field (RS, RSY, SI, SIY, SIL, S, VRS).
struct BaseDisp {
  constexpr BaseDisp(Gpr b, std::int32_t d = 0) : base(b), disp(d) {}  // NOLINT
  Gpr base;
  std::int32_t disp;
};

class Label;

// A PC-relative target: a signed count of halfwords from the start of the instruction, or a
// label that is resolved (now, or when it is bound) by a fixup.
template <unsigned Bits>
struct Relative {
  constexpr Relative(std::int64_t offset) : halfwords(offset) {  // NOLINT
    assert((Imm<Bits, true>::Fits(offset)));
  }
  constexpr Relative(Label& target) : label(&target) {}  // NOLINT
  std::int64_t halfwords = 0;
  Label* label = nullptr;
};
using Rel16 = Relative<16>;
using Rel32 = Relative<32>;

inline constexpr Gpr r0{0}, r1{1}, r2{2}, r3{3}, r4{4}, r5{5}, r6{6}, r7{7}, r8{8}, r9{9},
    r10{10}, r11{11}, r12{12}, r13{13}, r14{14}, r15{15};

}  // namespace sae::backend::s390x
