// System registers by encoding (EASR/SASR): what the host sets, the guest reads with MRS, and
// what the guest writes with MSR, the host reads back; ID registers are the feature query's.
#include <cerrno>

#include <gtest/gtest.h>

#include "runtime/guest.h"
#include "sae/sae.h"

namespace sae::test {
namespace {

constexpr std::uint32_t kTpidrEl0 = SAE_SYSREG(3, 3, 13, 0, 2);
constexpr std::uint32_t kTpidrroEl0 = SAE_SYSREG(3, 3, 13, 0, 3);
constexpr std::uint32_t kNzcv = SAE_SYSREG(3, 3, 4, 2, 0);
constexpr std::uint32_t kFpcr = SAE_SYSREG(3, 3, 4, 4, 0);
constexpr std::uint32_t kIdAa64Isar0 = SAE_SYSREG(3, 0, 0, 6, 0);
constexpr std::uint32_t kCntvct = SAE_SYSREG(3, 3, 14, 0, 2);
constexpr std::uint32_t kSctlrEl1 = SAE_SYSREG(3, 0, 1, 0, 0);

TEST_F(Guest, HostAndGuestShareSystemRegisters) {
  ASSERT_EQ(sae_vcpu_set_sysreg(vcpu_, kTpidrEl0, 0x1111), 0);
  ASSERT_EQ(sae_vcpu_set_sysreg(vcpu_, kTpidrroEl0, 0x2222), 0);
  ASSERT_EQ(sae_vcpu_set_sysreg(vcpu_, kNzcv, 0x60000000), 0);
  ASSERT_EQ(sae_vcpu_set_sysreg(vcpu_, kFpcr, 0x03000000), 0);
  cb_->x[1] = 0x3333;
  Load(kCode, {
                  0xd53bd040,  // mrs x0, tpidr_el0
                  0xd51bd041,  // msr tpidr_el0, x1
                  0xd53b4202,  // mrs x2, nzcv
                  0xd53b4403,  // mrs x3, fpcr
                  0xd53bd064,  // mrs x4, tpidrro_el0
                  kSvc0,
              });
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(cb_->x[0], 0x1111u);
  EXPECT_EQ(cb_->x[2], 0x60000000u);
  EXPECT_EQ(cb_->x[3], 0x03000000u);
  EXPECT_EQ(cb_->x[4], 0x2222u);
  std::uint64_t value = 0;
  ASSERT_EQ(sae_vcpu_get_sysreg(vcpu_, kTpidrEl0, &value), 0);
  EXPECT_EQ(value, 0x3333u);
  EXPECT_EQ(cb_->tpidr_el0, 0x3333u);
}

TEST_F(Guest, IdRegistersAreTheFeatureQuerysAndReadOnly) {
  sae_features features{};
  sae_query_features(&features);
  std::uint64_t value = 0;
  ASSERT_EQ(sae_vcpu_get_sysreg(vcpu_, kIdAa64Isar0, &value), 0);
  EXPECT_EQ(value, features.id_aa64isar0_el1);
  EXPECT_EQ(sae_vcpu_set_sysreg(vcpu_, kIdAa64Isar0, 0), -EPERM);
}

TEST_F(Guest, CounterAdvances) {
  std::uint64_t first = 0, second = 0;
  ASSERT_EQ(sae_vcpu_get_sysreg(vcpu_, kCntvct, &first), 0);
  ASSERT_EQ(sae_vcpu_get_sysreg(vcpu_, kCntvct, &second), 0);
  EXPECT_GT(second, first);
}

// What EL0 may name and the ID registers (FEAT_IDST) trap to the host; EL1's are UNDEFINED.
TEST_F(Guest, EL0TrapsAndEL1Undefined) {
  const struct {
    std::uint32_t word;
    unsigned exception_class;
  } cases[] = {
      {0xd5384020, SAE_EC_UNKNOWN},  // mrs x0, elr_el1
      {0xd5184020, SAE_EC_UNKNOWN},  // msr elr_el1, x0
      {0xd5380600, SAE_EC_SYS64},    // mrs x0, id_aa64isar0_el1
      {0xd53b9d00, SAE_EC_SYS64},    // mrs x0, pmccntr_el0
  };
  for (const auto& c : cases) {
    Load(kCode, {c.word});
    sae_vcpu_invalidate_code(vcpu_, kCode, 4);
    cb_->pc = kCode;
    ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
    EXPECT_EQ(ExceptionClass(cb_->esr), c.exception_class) << std::hex << c.word;
    EXPECT_EQ(cb_->pc, kCode);
  }
}

TEST_F(Guest, UnknownRegistersAndBadValuesAreRefused) {
  std::uint64_t value = 0;
  EXPECT_EQ(sae_vcpu_get_sysreg(vcpu_, kSctlrEl1, &value), -ENOENT);
  EXPECT_EQ(sae_vcpu_set_sysreg(vcpu_, kSctlrEl1, 0), -ENOENT);
  EXPECT_EQ(sae_vcpu_set_sysreg(vcpu_, kNzcv, 1), -EINVAL);
  EXPECT_EQ(sae_vcpu_set_sysreg(vcpu_, kFpcr, std::uint64_t{1} << 32), -EINVAL);
  EXPECT_EQ(sae_vcpu_get_sysreg(nullptr, kNzcv, &value), -EINVAL);
  EXPECT_EQ(sae_vcpu_get_sysreg(vcpu_, kNzcv, nullptr), -EINVAL);
}

}  // namespace
}  // namespace sae::test
