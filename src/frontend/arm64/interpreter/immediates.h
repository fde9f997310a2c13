// The immediates of the SIMD&FP encodings, expanded as the Arm ARM's AdvSIMDExpandImm and
// VFPExpandImm do; shared by the interpreter and the translator's inline code.
#pragma once

#include <cstdint>

namespace sae::frontend::arm64 {

// a:b:c:d:e:f:g:h of the modified-immediate encodings (abc and defgh fields).
constexpr std::uint64_t SimdImm8(std::uint32_t abc, std::uint32_t defgh) {
  return (std::uint64_t{abc} << 5) | defgh;
}
constexpr std::uint64_t Replicate32(std::uint64_t value) { return value | (value << 32); }
constexpr std::uint64_t Replicate16(std::uint64_t value) {
  return Replicate32(value | (value << 16));
}
constexpr std::uint64_t Replicate8(std::uint64_t value) { return Replicate16(value * 0x101); }
// 32-bit elements of imm8 shifted left, with ones shifted in (MSL) or zeros (LSL).
constexpr std::uint64_t Shifted32(std::uint64_t imm8, unsigned shift, bool ones) {
  const std::uint64_t fill = ones ? (1ull << shift) - 1 : 0;
  return Replicate32((imm8 << shift) | fill);
}
constexpr std::uint64_t Shifted16(std::uint64_t imm8, unsigned shift) {
  return Replicate16(imm8 << shift);
}
// MOVI's 64-bit form: each bit of imm8 becomes a byte of ones or zeros.
constexpr std::uint64_t ByteMask(std::uint64_t imm8) {
  std::uint64_t mask = 0;
  for (unsigned bit = 0; bit < 8; ++bit) mask |= ((imm8 >> bit) & 1) * (0xffull << (8 * bit));
  return mask;
}
// VFPExpandImm: sign a, exponent NOT(b) then b repeated, then cd; fraction efgh then zeros.
constexpr std::uint64_t VfpExpandImm(std::uint64_t imm8, unsigned exponent_bits, unsigned bits) {
  const std::uint64_t sign = (imm8 >> 7) & 1, b = (imm8 >> 6) & 1;
  const unsigned fraction_bits = bits - 1 - exponent_bits;
  const std::uint64_t exponent = ((b ^ 1) << (exponent_bits - 1)) |
                                 ((b ? (1ull << (exponent_bits - 3)) - 1 : 0) << 2) |
                                 ((imm8 >> 4) & 3);
  return (sign << (bits - 1)) | (exponent << fraction_bits) | ((imm8 & 15) << (fraction_bits - 4));
}
static_assert(VfpExpandImm(0x70, 11, 64) == 0x3ff0000000000000);  // FMOV d0, #1.0
static_assert(VfpExpandImm(0x00, 8, 32) == 0x40000000);            // #2.0

}  // namespace sae::frontend::arm64
