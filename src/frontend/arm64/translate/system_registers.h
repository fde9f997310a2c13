// Values the translator gives the implementation-defined EL0 registers (MRS) and the feature
// query reports: one definition for both.
#pragma once

#include <cstdint>

namespace sae::frontend::arm64 {

// 64-byte lines (IminLine = DminLine = 4), PIPT instruction cache.
inline constexpr std::uint64_t kCacheType = 0x8444c004;
// DC ZVA zeroes 64-byte blocks (DCZID_EL0.BS = 4 words).
inline constexpr std::uint64_t kZeroBlockId = 4;
// The counter runs at the TOD clock's resolution, 2^-12 microseconds.
inline constexpr std::uint64_t kCounterFrequency = 4096000000;

}  // namespace sae::frontend::arm64
