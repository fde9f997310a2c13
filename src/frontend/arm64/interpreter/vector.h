// Lanes of a V register held as the control block does: v[0] bits 63:0, v[1] bits 127:64, each
// a host-order integer, so these helpers work the same on either host byte order.
#pragma once

#include <cstdint>

namespace sae::frontend::arm64 {

using VectorHalves = std::uint64_t[2];

inline std::uint64_t Ones(unsigned bits) { return bits >= 64 ? ~0ull : (1ull << bits) - 1; }

// Lane `index` of `esize` bits (8, 16, 32 or 64), zero-extended.
inline std::uint64_t GetLane(const VectorHalves& v, unsigned esize, unsigned index) {
  const unsigned bit = index * esize;
  return (v[bit / 64] >> (bit % 64)) & Ones(esize);
}

inline void SetLane(VectorHalves& v, unsigned esize, unsigned index, std::uint64_t value) {
  const unsigned bit = index * esize;
  const std::uint64_t mask = Ones(esize) << (bit % 64);
  v[bit / 64] = (v[bit / 64] & ~mask) | ((value << (bit % 64)) & mask);
}

}  // namespace sae::frontend::arm64
