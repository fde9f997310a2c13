#include "backend/s390x/host_facilities.h"

namespace sae::backend::s390x {

namespace {

constexpr FacilityInfo kFacilities[] = {
#define FACILITY(id, bit, name, description, required, arch) \
  {Facility::id, bit, name, description, required, arch},
#include "backend/s390x/facilities.inc"
#undef FACILITY
};

FacilityList StoreFacilityListExtended() {
  std::array<std::uint64_t, FacilityList::kDoublewords> words{};
  // STFLE takes the number of doublewords minus one in r0 and stores at most that many; the CPU
  // writes back how many it has, which we do not need (the rest stay zero).
  register unsigned long doublewords_minus_one asm("0") = FacilityList::kDoublewords - 1;
  asm volatile("stfle %0" : "=Q"(words), "+d"(doublewords_minus_one) : : "cc");
  return FacilityList(words);
}

}  // namespace

std::span<const FacilityInfo> KnownFacilities() { return kFacilities; }

bool FacilityList::Has(Facility facility) const {
  return Has(kFacilities[static_cast<std::size_t>(facility)].bit);
}

const FacilityList& HostFacilities() {
  static const FacilityList list = StoreFacilityListExtended();
  return list;
}

}  // namespace sae::backend::s390x
