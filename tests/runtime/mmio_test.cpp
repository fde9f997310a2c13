// MMIO regions: every access into one is a host-access intercept whose syndrome lets the VMM
// complete it (ISV, SAS, SSE, SRT, SF, WnR) the way KVM's MMIO emulation does; accesses next to
// one run normally; the window's bytes inside one are never touched.
#include <gtest/gtest.h>

#include "runtime/guest.h"
#include "sae/sae.h"

namespace sae::test {
namespace {

constexpr std::uint64_t kDevice = 0x9000;  // a 4 KiB device

class Mmio : public Guest {
 protected:
  void SetUp() override { Create({{kDevice, 0x1000}}); }

  // The ISS fields of the last data abort.
  std::uint64_t Iss() const { return cb_->esr & 0x1ffffff; }
  bool Isv() const { return (Iss() >> 24) & 1; }
  unsigned Sas() const { return (Iss() >> 22) & 3; }
  bool Sse() const { return (Iss() >> 21) & 1; }
  unsigned Srt() const { return (Iss() >> 16) & 31; }
  bool Sf() const { return (Iss() >> 15) & 1; }
  bool WnR() const { return (Iss() >> 6) & 1; }
  unsigned Dfsc() const { return Iss() & 0x3f; }
};

TEST_F(Mmio, LoadIsEmulatedByTheHost) {
  cb_->x[1] = kDevice;
  Load(kCode, {
                  0xb9400823,  // ldr w3, [x1, #8]
                  0x91000460,  // add x0, x3, #1
                  kSvc0,
              });
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_HOST_ACCESS);
  EXPECT_EQ(ExceptionClass(cb_->esr), SAE_EC_DABT_LOW);
  EXPECT_EQ(cb_->far, kDevice + 8);
  EXPECT_EQ(cb_->pc, kCode);
  EXPECT_TRUE(Isv());
  EXPECT_EQ(Sas(), 2u);
  EXPECT_FALSE(Sse());
  EXPECT_EQ(Srt(), 3u);
  EXPECT_FALSE(Sf());
  EXPECT_FALSE(WnR());
  EXPECT_EQ(Dfsc(), 0x07u);
  // The VMM's device answers; it completes the load and skips the instruction.
  cb_->x[Srt()] = 0xcafe;
  cb_->pc += 4;
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(cb_->x[0], 0xcaffu);
}

TEST_F(Mmio, StoreGivesTheRegisterAndLeavesMemoryAlone) {
  cb_->x[1] = kDevice + 0x10;
  cb_->x[5] = 0xbeef;
  Load(kCode, {0x79000025, kSvc0});  // strh w5, [x1]
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_HOST_ACCESS);
  EXPECT_EQ(cb_->far, kDevice + 0x10);
  EXPECT_TRUE(Isv());
  EXPECT_TRUE(WnR());
  EXPECT_EQ(Sas(), 1u);
  EXPECT_EQ(Srt(), 5u);
  EXPECT_EQ(memory_[kDevice + 0x10], 0u);
  EXPECT_EQ(memory_[kDevice + 0x11], 0u);
}

TEST_F(Mmio, SignExtendingLoadSaysSo) {
  cb_->x[1] = kDevice;
  Load(kCode, {0x39800c26, kSvc0});  // ldrsb x6, [x1, #3]
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_HOST_ACCESS);
  EXPECT_TRUE(Isv());
  EXPECT_EQ(Sas(), 0u);
  EXPECT_TRUE(Sse());
  EXPECT_TRUE(Sf());
  EXPECT_EQ(Srt(), 6u);
}

TEST_F(Mmio, WritebackFormsHaveNoSyndrome) {
  cb_->x[1] = kDevice;
  Load(kCode, {0xb8404423, kSvc0});  // ldr w3, [x1], #4
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_HOST_ACCESS);
  EXPECT_FALSE(Isv());
  EXPECT_EQ(cb_->x[1], kDevice);  // nothing happened yet
}

TEST_F(Mmio, PairReachingIntoTheRegionIsAnIntercept) {
  cb_->x[1] = kDevice - 8;  // the second register's doubleword is the device's first
  Load(kCode, {0xa9401023, kSvc0});  // ldp x3, x4, [x1]
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_HOST_ACCESS);
  EXPECT_EQ(cb_->far, kDevice);
  EXPECT_FALSE(Isv());
  EXPECT_EQ(cb_->pc, kCode);
}

TEST_F(Mmio, AccessesNextToTheRegionRunNormally) {
  Load(kDevice - 8, {0x11111111, 0x22222222});
  cb_->x[1] = kDevice - 8;
  cb_->x[2] = kDevice + 0x1000;
  cb_->x[8] = 0x0123456789abcdef;
  Load(kCode, {
                  0xf9400027,  // ldr x7, [x1]
                  0xf9000048,  // str x8, [x2]
                  kSvc0,
              });
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(ExceptionClass(cb_->esr), SAE_EC_SVC64);
  EXPECT_EQ(cb_->x[7], 0x2222222211111111u);
  EXPECT_EQ(Read64(kDevice + 0x1000), 0x0123456789abcdefu);
}

TEST_F(Mmio, AccessOutsideTheWindowAlsoHasASyndrome) {
  cb_->x[1] = 0x100000;
  Load(kCode, {0xf9400027, kSvc0});  // ldr x7, [x1]
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_HOST_ACCESS);
  EXPECT_EQ(cb_->far, 0x100000u);
  EXPECT_TRUE(Isv());
  EXPECT_EQ(Sas(), 3u);
  EXPECT_EQ(Srt(), 7u);
  EXPECT_TRUE(Sf());
  EXPECT_EQ(Dfsc(), 0u);
}

TEST_F(Mmio, InstructionFetchFromTheRegionIsAnInstructionAbort) {
  Load(kDevice + 0x100, {0x91000400});  // add x0, x0, #1: in the window's bytes, never run
  cb_->x[5] = kDevice + 0x100;
  Load(kCode, {0xd61f00a0});  // br x5
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_HOST_ACCESS);
  EXPECT_EQ(ExceptionClass(cb_->esr), SAE_EC_IABT_LOW);
  EXPECT_EQ(cb_->far, kDevice + 0x100);
  EXPECT_EQ(cb_->pc, kDevice + 0x100);
  EXPECT_EQ(cb_->x[0], 0u);
}

TEST(MmioConfig, RegionsMustBeInsideTheWindowAndApart) {
  std::vector<std::uint8_t> memory(0x10000);
  sae_vm* vm = nullptr;
  const auto create = [&](std::vector<sae_mmio_region> regions) {
    sae_vm_config config{};
    config.api_version = SAE_API_VERSION;
    config.flags = SAE_VM_USER_MODE;
    config.memory = memory.data();
    config.memory_size = memory.size();
    config.mmio_regions = regions.data();
    config.mmio_region_count = regions.size();
    const int result = sae_vm_create(&config, &vm);
    if (result == 0) sae_vm_destroy(vm);
    return result;
  };
  EXPECT_EQ(create({{0x1000, 0x1000}, {0x3000, 0x10}}), 0);
  EXPECT_LT(create({{0x1000, 0x1000}, {0x1800, 0x1000}}), 0);  // overlapping
  EXPECT_LT(create({{0xf000, 0x2000}}), 0);                    // past the end
  EXPECT_LT(create({{0x1000, 0}}), 0);                         // empty
  sae_vm_config missing{};
  missing.api_version = SAE_API_VERSION;
  missing.flags = SAE_VM_USER_MODE;
  missing.memory = memory.data();
  missing.memory_size = memory.size();
  missing.mmio_region_count = 1;
  EXPECT_LT(sae_vm_create(&missing, &vm), 0);
}

}  // namespace
}  // namespace sae::test
