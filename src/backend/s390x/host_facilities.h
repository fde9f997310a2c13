// The facilities of the s390x CPU we run on, as STFLE reports them.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace sae::backend::s390x {

enum class Facility : std::uint8_t {
#define FACILITY(id, bit, name, description, required, arch) id,
#include "backend/s390x/facilities.inc"
#undef FACILITY
};

struct FacilityInfo {
  Facility facility;
  unsigned bit;
  std::string_view name;
  std::string_view description;
  bool required;
  unsigned arch_level;  // first Principles of Operation edition (z15 = 13) with the facility
};

// Every facility in facilities.inc, in table order.
std::span<const FacilityInfo> KnownFacilities();

// The raw facility list: bit n is the leftmost-numbered bit of the big-endian list, as the
// Principles of Operation numbers facility bits.
class FacilityList {
 public:
  static constexpr std::size_t kDoublewords = 4;

  FacilityList() = default;
  explicit FacilityList(const std::array<std::uint64_t, kDoublewords>& words) : words_(words) {}

  bool Has(unsigned bit) const {
    return bit < kDoublewords * 64 && ((words_[bit / 64] >> (63 - bit % 64)) & 1) != 0;
  }
  bool Has(Facility facility) const;

 private:
  std::array<std::uint64_t, kDoublewords> words_{};
};

// Executes STFLE once and caches the result for the life of the process.
const FacilityList& HostFacilities();

}  // namespace sae::backend::s390x
