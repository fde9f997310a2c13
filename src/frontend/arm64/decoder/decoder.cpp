#include "frontend/arm64/decoder/decoder.h"

#include "frontend/arm64/decoder/reserved.h"

#include <algorithm>
#include <bit>
#include <vector>

namespace sae::frontend::arm64 {

namespace {

using detail::kPatterns;
constexpr EncodingInfo kEncodings[] = {
#define INST(name, description, pattern)                                              \
  {Encoding::name, #name, description, kPatterns[std::size_t(Encoding::name)].mask,   \
   kPatterns[std::size_t(Encoding::name)].expected,                                   \
   kPatterns[std::size_t(Encoding::name)].fields,                                     \
   kPatterns[std::size_t(Encoding::name)].field_count},
#include "frontend/arm64/decoder/a64.inc"
#undef INST
};

// Candidates by bits 31:20 of the word, most fixed bits first, so a lookup tries only the
// encodings that can match those bits.
constexpr unsigned kBucketShift = 20;
constexpr std::uint32_t kBucketMask = 0xfff00000;

struct Buckets {
  Buckets() {
    std::vector<std::uint16_t> order(std::size(kEncodings));
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint16_t>(i);
    std::stable_sort(order.begin(), order.end(), [](std::uint16_t a, std::uint16_t b) {
      return std::popcount(kEncodings[a].mask) > std::popcount(kEncodings[b].mask);
    });
    for (std::uint32_t bucket = 0; bucket < kCount; ++bucket) {
      start[bucket] = static_cast<std::uint32_t>(entries.size());
      const std::uint32_t bits = bucket << kBucketShift;
      for (const std::uint16_t i : order) {
        const std::uint32_t fixed = kEncodings[i].mask & kBucketMask;
        if ((bits & fixed) == (kEncodings[i].expected & fixed)) entries.push_back(i);
      }
    }
    start[kCount] = static_cast<std::uint32_t>(entries.size());
  }
  static constexpr std::uint32_t kCount = 1u << (32 - kBucketShift);
  std::vector<std::uint16_t> entries;
  std::uint32_t start[kCount + 1];
};

const Buckets& Lookup() {
  static const Buckets buckets;
  return buckets;
}

}  // namespace

std::span<const EncodingInfo> A64Encodings() { return kEncodings; }

std::optional<Encoding> DecodeEncoding(std::uint32_t word) {
  const Buckets& buckets = Lookup();
  const std::uint32_t bucket = word >> kBucketShift;
  for (std::uint32_t i = buckets.start[bucket]; i < buckets.start[bucket + 1]; ++i) {
    const EncodingInfo& info = kEncodings[buckets.entries[i]];
    if ((word & info.mask) == info.expected) {
      if (IsReserved(info.encoding, word)) return std::nullopt;
      return info.encoding;
    }
  }
  return std::nullopt;
}

EncodingGroup GroupOf(std::uint32_t word) {
  const std::uint32_t op0 = (word >> 25) & 0xf;
  if ((op0 & 0b1110) == 0b1000) return EncodingGroup::DataProcessingImmediate;
  if ((op0 & 0b1110) == 0b1010) return EncodingGroup::BranchExceptionSystem;
  if ((op0 & 0b0101) == 0b0100) return EncodingGroup::LoadStore;
  if ((op0 & 0b0111) == 0b0101) return EncodingGroup::DataProcessingRegister;
  if ((op0 & 0b0111) == 0b0111) return EncodingGroup::DataProcessingFpSimd;
  return EncodingGroup::Reserved;
}

std::string_view GroupName(EncodingGroup group) {
  switch (group) {
    case EncodingGroup::Reserved: return "reserved";
    case EncodingGroup::DataProcessingImmediate: return "data processing (immediate)";
    case EncodingGroup::BranchExceptionSystem: return "branches, exceptions, system";
    case EncodingGroup::LoadStore: return "loads and stores";
    case EncodingGroup::DataProcessingRegister: return "data processing (register)";
    case EncodingGroup::DataProcessingFpSimd: return "scalar FP and Advanced SIMD";
  }
  return "?";
}

}  // namespace sae::frontend::arm64
