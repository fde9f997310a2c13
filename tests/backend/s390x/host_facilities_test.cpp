#include "backend/s390x/host_facilities.h"

#include <set>

#include <gtest/gtest.h>

namespace sae::backend::s390x {
namespace {

TEST(FacilityList, NumbersBitsFromTheLeftOfEachDoubleword) {
  // Bit 0 is the most significant bit of the first doubleword; bit 64 of the second.
  const FacilityList list({0x8000000000000001ull, 0x8000000000000000ull, 0, 1});
  EXPECT_TRUE(list.Has(0u));
  EXPECT_FALSE(list.Has(1u));
  EXPECT_TRUE(list.Has(63u));
  EXPECT_TRUE(list.Has(64u));
  EXPECT_FALSE(list.Has(65u));
  EXPECT_TRUE(list.Has(255u));
  EXPECT_FALSE(list.Has(256u));
}

TEST(FacilityTable, BitsAreUniqueAndInOrder) {
  unsigned previous = 0;
  std::set<std::string_view> names;
  for (const auto& facility : KnownFacilities()) {
    EXPECT_GT(facility.bit, previous) << facility.name;
    previous = facility.bit;
    EXPECT_TRUE(names.insert(facility.name).second) << facility.name;
  }
}

TEST(HostFacilities, ReportsZ15Facilities) {
  // Both a real z15 and qemu-s390x's default CPU have these; the test suite cannot run otherwise.
  const auto& host = HostFacilities();
  EXPECT_TRUE(host.Has(Facility::ZArchActive));
  EXPECT_TRUE(host.Has(Facility::Vector));
  EXPECT_TRUE(host.Has(Facility::VectorEnhancements2));
  EXPECT_TRUE(host.Has(Facility::MiscInstructionExtensions3));
}

}  // namespace
}  // namespace sae::backend::s390x
