// The list of known reference bugs (tools/sae-fuzz/reference_bugs.h): each entry affects the
// words its evidence names, in the scope and on the hosts it names, and nothing nearby.
#include <gtest/gtest.h>

#include "reference_bugs.h"

namespace sae::fuzz {
namespace {

std::string_view BugName(std::uint32_t word, std::optional<std::uint64_t> base = std::nullopt,
                         bool big_endian = false, bool in_longer_block = false) {
  const ReferenceBug* bug = UnicornBugAffecting(word, base, big_endian, in_longer_block);
  return bug != nullptr ? bug->name : "";
}

TEST(ReferenceBugs, NarrowLseMinMaxOnlyBelow64Bits) {
  EXPECT_EQ(BugName(0x38204000), "LSE min/max on bytes, halfwords and words");  // ldsmaxb
  EXPECT_EQ(BugName(0xf8204000), "");                                           // ldsmax x
}

TEST(ReferenceBugs, StateDependentEntriesLookAtTheBaseRegister) {
  const std::uint32_t stxr = 0xc8027c20;  // stxr w2, x0, [x1]
  EXPECT_EQ(BugName(stxr, 0x10004), "misaligned store exclusive");
  EXPECT_EQ(BugName(stxr, 0x10008), "");
  EXPECT_EQ(BugName(stxr, std::nullopt), "misaligned store exclusive");  // could be
  const std::uint32_t ldar = 0xc8dffc01;                                 // ldar x1, [x0]
  EXPECT_EQ(BugName(ldar, 0x10001), "misaligned load-acquire and store-release");
  EXPECT_EQ(BugName(ldar, 0x10008), "");
  const std::uint32_t ldapur = 0xd95ff140;  // ldapur x0, [x10, #-1]
  EXPECT_EQ(BugName(ldapur, 0x10008), "misaligned load-acquire and store-release");
  EXPECT_EQ(BugName(ldapur, 0x10009), "");
  EXPECT_EQ(UnicornBugs()[1].shows, Shows::kFaultOnLibsaeOnly);
}

TEST(ReferenceBugs, BigEndianAndBlockOnlyEntriesNeedBoth) {
  const std::uint32_t rev32 = 0x5ac00b86;  // rev w6, w28
  EXPECT_EQ(BugName(rev32, std::nullopt, true, true),
            "REV (32-bit) inside a longer block on s390x");
  EXPECT_EQ(BugName(rev32, std::nullopt, true, false), "");
  EXPECT_EQ(BugName(rev32, std::nullopt, false, true), "");
}

TEST(ReferenceBugs, El0DifferencesOfUnicornsCpu) {
  EXPECT_EQ(BugName(0xd4000003), "SMC at EL0");
  EXPECT_EQ(BugName(0xd4000001), "");                                             // svc #0
  EXPECT_EQ(BugName(0xd61f081f), "authenticated branches on Unicorn's max CPU");  // braaz x0
  EXPECT_EQ(BugName(0xd61f0000), "");                                             // br x0
  EXPECT_EQ(BugName(0xd5088320), "EL1 system instructions at EL0");               // tlbi vae1is, x0
  EXPECT_EQ(BugName(0xd508781f), "EL1 system instructions at EL0");               // at s1e1r, xzr
  EXPECT_EQ(BugName(0xd51b9e0e), "EL1 system instructions at EL0");  // msr pmuserenr_el0, x14
  EXPECT_EQ(BugName(0xd518403f), "EL1 system instructions at EL0");  // msr elr_el1, xzr
  EXPECT_EQ(BugName(0xd5380140), "EL1 system instructions at EL0");  // mrs x0, id_dfr0_el1
  EXPECT_EQ(BugName(0xd50b7b20), "");                                // dc cvau, x0
  EXPECT_EQ(BugName(0xd53b4200), "");                                // mrs x0, nzcv
  EXPECT_EQ(BugName(0xd53bd040), "");                                // mrs x0, tpidr_el0
  const ReferenceBug* eret = UnicornBugAffecting(0xd69f03e0, std::nullopt, false, false);
  ASSERT_NE(eret, nullptr);
  EXPECT_TRUE(eret->kills_reference);
}

TEST(ReferenceBugs, QemuShareOnlyWhatIsQemusOwn) {
  EXPECT_NE(QemuAarch64BugAffecting(0xc8027c20, 0x10004), nullptr);  // misaligned stxr
  EXPECT_EQ(QemuAarch64BugAffecting(0xc8dffc01, 0x10001), nullptr);  // misaligned ldar: faults
  EXPECT_EQ(QemuAarch64BugAffecting(0x38204000, 0x10000), nullptr);  // ldsmaxb: right
}

TEST(ReferenceBugs, EveryEntryHasEvidence) {
  for (const ReferenceBug& bug : UnicornBugs()) {
    EXPECT_GT(bug.evidence.size(), 40u) << bug.name;
  }
}

TEST(ReferenceBugs, ImplementationDefinedReads) {
  EXPECT_TRUE(ReadsImplementationDefinedRegister(0xd53b0020));   // mrs x0, ctr_el0
  EXPECT_FALSE(ReadsImplementationDefinedRegister(0xd53bd040));  // mrs x0, tpidr_el0
  EXPECT_TRUE(ZeroesImplementationDefinedBlock(0xd50b7420));     // dc zva, x0
}

}  // namespace
}  // namespace sae::fuzz
