// DecodeBitMasks of the Arm ARM: the immediates of logical instructions and the masks of the
// bitfield moves, from N:immr:imms.
#pragma once

#include <bit>
#include <cstdint>
#include <optional>

namespace sae::frontend::arm64 {

struct BitMasks {
  std::uint64_t wmask;
  std::uint64_t tmask;
};

// nullopt for the reserved encodings (UNDEFINED). `immediate` is true for logical immediates,
// which may not select a whole element.
constexpr std::optional<BitMasks> DecodeBitMasks(unsigned n, unsigned imms, unsigned immr,
                                                 bool immediate, unsigned datasize) {
  const unsigned combined = (n << 6) | (~imms & 0x3f);
  if (combined == 0) return std::nullopt;
  const unsigned len = static_cast<unsigned>(std::bit_width(combined)) - 1;
  if (len < 1 || (1u << len) > datasize) return std::nullopt;
  const unsigned levels = (1u << len) - 1;
  if (immediate && (imms & levels) == levels) return std::nullopt;
  const unsigned s = imms & levels;
  const unsigned r = immr & levels;
  const unsigned diff = (s - r) & levels;
  const unsigned esize = 1u << len;
  const auto ones = [](unsigned count) {
    return count >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << count) - 1;
  };
  const auto ror = [&](std::uint64_t value, unsigned amount) {
    value &= ones(esize);
    return amount == 0 ? value : ((value >> amount) | (value << (esize - amount))) & ones(esize);
  };
  const auto replicate = [&](std::uint64_t element) {
    std::uint64_t result = 0;
    for (unsigned i = 0; i < datasize; i += esize) result |= element << i;
    return result;
  };
  return BitMasks{replicate(ror(ones(s + 1), r)), replicate(ones(diff + 1))};
}

}  // namespace sae::frontend::arm64
