// Guest stores into code libsae has translated: the next execution runs the new words, without
// IC IVAU (libsae flags the pages it translated and stores there leave for the run loop).
#include <gtest/gtest.h>

#include "runtime/guest.h"
#include "sae/sae.h"

namespace sae::test {
namespace {

constexpr std::uint32_t kMovX0_42 = 0xd2800540;  // movz x0, #42
constexpr std::uint32_t kMovX0_1 = 0xd2800020;   // movz x0, #1
constexpr std::uint32_t kRet = 0xd65f03c0;

TEST_F(Guest, StoreIntoTheRunningBlockIsSeen) {
  Load(0x800, {kMovX0_42});
  cb_->x[3] = 0x800;
  Load(kCode, {
                  0xb9400061,  // ldr w1, [x3]
                  0x10000042,  // adr x2, #8 (the movz below)
                  0xb9000041,  // str w1, [x2]
                  kMovX0_1,    // overwritten with movz x0, #42 before it runs
                  kSvc0,
              });
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(ExceptionClass(cb_->esr), SAE_EC_SVC64);
  EXPECT_EQ(cb_->x[0], 42u);
  EXPECT_GE(Stats().page_exits, 1u);
}

TEST_F(Guest, StoreIntoALinkedBlockUnlinksIt) {
  // Call a function, overwrite its first instruction, call it again: the direct BL into it was
  // linked, and must not reach the old translation.
  Load(0x800, {kMovX0_42});
  Load(0x1100, {kMovX0_1, kRet});
  cb_->x[3] = 0x800;
  Load(kCode, {
                  0x94000040,  // bl 0x1100
                  0xaa0003e4,  // mov x4, x0
                  0xb9400061,  // ldr w1, [x3]
                  0x100007a2,  // adr x2, 0x1100
                  0xb9000041,  // str w1, [x2]
                  0x9400003b,  // bl 0x1100
                  kSvc0,
              });
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(cb_->pc, kCode + 7 * 4);
  EXPECT_EQ(cb_->x[4], 1u);
  EXPECT_EQ(cb_->x[0], 42u);
}

TEST_F(Guest, DataNextToCodeIsStoredWithoutLosingTheCode) {
  // A loop storing to a word on its own page: every store leaves for the run loop, none drops
  // the loop's translation, and the stores land.
  Load(kCode, {
                  0xd2800146,  // mov x6, #10
                  0x91000400,  // loop: add x0, x0, #1
                  0xb9000149,  // str w9, [x10]
                  0xd10004c6,  // sub x6, x6, #1
                  0xb5ffffa6,  // cbnz x6, loop
                  kSvc0,
              });
  cb_->x[9] = 0x12345678;
  cb_->x[10] = kCode + 0x800;
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(cb_->x[0], 10u);
  EXPECT_EQ(Read64(kCode + 0x800) & 0xffffffff, 0x12345678u);
  const sae_vcpu_statistics stats = Stats();
  EXPECT_EQ(stats.page_exits, 10u);
  // The entry block, the store as a one-instruction step, the block after it, the loop, the exit.
  EXPECT_EQ(stats.blocks_translated, 5u);
}

TEST_F(Guest, StoresElsewhereStayInGeneratedCode) {
  Load(kCode, {0xb9000149, kSvc0});  // str w9, [x10]
  cb_->x[10] = 0x8000;
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(Stats().page_exits, 0u);
}

TEST_F(Guest, AnotherVcpuSeesTheNewCode) {
  sae_vcpu* other = nullptr;
  ASSERT_EQ(sae_vcpu_create(vm_, &other), 0);
  sae_control_block* other_cb = sae_vcpu_control_block(other);
  Load(0x1100, {kMovX0_1, kSvc0});
  other_cb->pc = 0x1100;
  ASSERT_EQ(sae_run(other), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(other_cb->x[0], 1u);
  // This vCPU rewrites the code the other one translated.
  Load(0x800, {kMovX0_42});
  cb_->x[3] = 0x800;
  cb_->x[2] = 0x1100;
  Load(kCode, {0xb9400061, 0xb9000041, kSvc0});  // ldr w1, [x3]; str w1, [x2]
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  other_cb->pc = 0x1100;
  ASSERT_EQ(sae_run(other), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(other_cb->x[0], 42u);
  sae_vcpu_destroy(other);
}

}  // namespace
}  // namespace sae::test
