// Types of the decoded operand fields that translator visitors receive.
#pragma once

#include <cstdint>

namespace sae::frontend::arm64 {

// An N-bit immediate field, as raw bits.
template <unsigned N>
struct Imm {
  static_assert(N >= 1 && N <= 32);
  static constexpr unsigned kWidth = N;
  constexpr explicit Imm(std::uint32_t raw) : value(raw) {}
  constexpr std::uint64_t ZeroExtend() const { return value; }
  constexpr std::int64_t SignExtend() const {
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(value) << (64 - N)) >> (64 - N);
  }
  constexpr bool Bit(unsigned i) const { return (value >> i) & 1; }
  std::uint32_t value;
};

// A general register field (Rd, Rn, Rm, Rt, Rs, Ra, Rt2): 31 means SP or XZR/WZR depending on
// the instruction, which the visitor knows.
struct Reg {
  static constexpr unsigned kWidth = 5;
  constexpr explicit Reg(std::uint32_t raw) : index(static_cast<std::uint8_t>(raw)) {}
  std::uint8_t index;
};

// A SIMD&FP register field (Vd, Vn, Vm, Va, Vt).
struct Vec {
  static constexpr unsigned kWidth = 5;
  constexpr explicit Vec(std::uint32_t raw) : index(static_cast<std::uint8_t>(raw)) {}
  std::uint8_t index;
};

// A condition field (B.cond, CSEL, CCMP, FCSEL, ...).
struct Cond {
  static constexpr unsigned kWidth = 4;
  constexpr explicit Cond(std::uint32_t raw) : value(static_cast<std::uint8_t>(raw)) {}
  std::uint8_t value;
};

}  // namespace sae::frontend::arm64
