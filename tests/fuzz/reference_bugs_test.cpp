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

TEST(ReferenceBugs, SimdAndFpEntriesOfUnicorn) {
  // Big-endian hosts only: Unicorn's s390x build, in-process.
  const std::uint32_t fixed_point[] = {0x4f3dfc20, 0x7f3dfc20};  // fcvtzs v0.4s, #3; fcvtzu s0, #3
  for (const std::uint32_t word : fixed_point) {
    EXPECT_EQ(BugName(word), "") << std::hex << word;
    const ReferenceBug* bug = UnicornBugAffecting(word, std::nullopt, true, false);
    ASSERT_NE(bug, nullptr) << std::hex << word;
    EXPECT_EQ(bug->name, "FCVTZS/FCVTZU fixed-point (SIMD forms) on s390x");
    EXPECT_TRUE(bug->kills_reference);
  }
  EXPECT_EQ(BugName(0x1e18f420, std::nullopt, true), "");  // fcvtzs w0, s1, #3: scalar FP form
  EXPECT_EQ(BugName(0x4ea1b820, std::nullopt, true), "");  // fcvtzs v0.4s, v1.4s: no fraction
  EXPECT_EQ(BugName(0x4fa2e020, std::nullopt, true), "SDOT/UDOT by element on s390x");
  EXPECT_EQ(BugName(0x2fa2e820, std::nullopt, true), "SDOT/UDOT by element on s390x");
  EXPECT_EQ(BugName(0x4fa2e020), "");
  EXPECT_EQ(BugName(0x4e829420, std::nullopt, true), "");  // sdot (vector)
  EXPECT_EQ(BugName(0x0e20b820, std::nullopt, true), "ABS on 8b/16b/4h/8h on s390x");
  EXPECT_EQ(BugName(0x4e60b820, std::nullopt, true), "ABS on 8b/16b/4h/8h on s390x");
  EXPECT_EQ(BugName(0x0e20b820), "");
  EXPECT_EQ(BugName(0x4ea0b820, std::nullopt, true), "");  // abs v0.4s
  EXPECT_EQ(BugName(0x5ee0b820, std::nullopt, true), "");  // abs d0
  // Every host.
  EXPECT_EQ(BugName(0x6f623020), "FCMLA by element, half precision");  // fcmla v0.8h, v2.h[1]
  EXPECT_EQ(BugName(0x6f823820), "");                                  // fcmla v0.4s, v2.s[1]
  EXPECT_EQ(BugName(0x6e42cc20), "");                                  // fcmla v0.8h (vector)
  EXPECT_EQ(BugName(0x5f1dff9e), "FCVTZS (scalar, fixed-point), half precision");
  EXPECT_EQ(BugName(0x5f3dfc20), "");  // fcvtzs s0, s1, #3
  EXPECT_EQ(BugName(0x7f1dff9e), "");  // fcvtzu h30, h28, #3
  EXPECT_EQ(BugName(0x1e7e0000), "FJCVTZS of a denormal flushed to zero");
  EXPECT_NE(QemuAarch64BugAffecting(0x1e7e0000, std::nullopt), nullptr);
  EXPECT_NE(QemuAarch64BugAffecting(0x5f1dff9e, std::nullopt), nullptr);
  for (const std::uint32_t word : {0x5ef95908u, 0x2ec91f45u, 0x6ec53cbcu}) {
    const ReferenceBug* bug = UnicornBugAffecting(word, std::nullopt, false, false);
    ASSERT_NE(bug, nullptr) << std::hex << word;
    EXPECT_TRUE(bug->kills_reference);
  }
}

TEST(ReferenceBugs, VectorRegistersLoadedBySimdAndFpLoads) {
  EXPECT_EQ(VectorRegistersLoaded(0x4d40ecde), 1u << 30 | 1u << 31 | 1u);  // ld3r {v30-v0}
  EXPECT_EQ(VectorRegistersLoaded(0xad400801), 0b110u);                    // ldp q1, q2
  EXPECT_EQ(VectorRegistersLoaded(0x6c402444), 1u << 4 | 1u << 9);         // ldnp d4, d9
  EXPECT_EQ(VectorRegistersLoaded(0x3dc00005), 1u << 5);                   // ldr q5
  EXPECT_EQ(VectorRegistersLoaded(0xbc617803), 1u << 3);                   // ldr s3, [x0, x1]
  EXPECT_EQ(VectorRegistersLoaded(0x4c402000), 0xfu);                      // ld1 {v0-v3}
  EXPECT_EQ(VectorRegistersLoaded(0x4cdf081d), 0xe0000001u);               // ld4 {v29-v0}
  EXPECT_EQ(VectorRegistersLoaded(0x0d609027), 1u << 7 | 1u << 8);         // ld2 {v7.s, v8.s}[1]
  EXPECT_EQ(VectorRegistersLoaded(0x4c007000), 0u);                        // st1 {v0.16b}
  EXPECT_EQ(VectorRegistersLoaded(0xf9400020), 0u);                        // ldr x0, [x1]
  EXPECT_EQ(VectorRegistersLoaded(0x4ea0b820), 0u);                        // abs v0.4s
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
