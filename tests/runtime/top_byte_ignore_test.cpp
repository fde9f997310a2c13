// SAE_VM_TOP_BYTE_IGNORE (Linux's TBI0 for EL0): tagged pointers load, store, take part in
// atomics and are branched to; without the flag a tagged address is outside guest memory.
#include <gtest/gtest.h>

#include "runtime/guest.h"
#include "sae/sae.h"

namespace sae::test {
namespace {

constexpr std::uint64_t kTag = 0xab00000000000000;

class TopByteIgnore : public Guest {
 protected:
  void SetUp() override { Create({}, 64 * 1024, 0, SAE_VM_TOP_BYTE_IGNORE); }
};

TEST_F(TopByteIgnore, TaggedPointersLoadStoreAndAdd) {
  Load(0x2000, {0x11111111, 0});
  cb_->x[1] = kTag | 0x2000;
  cb_->x[2] = 5;
  Load(kCode, {
                  0xb9400023,  // ldr w3, [x1]
                  0xb9000422,  // str w2, [x1, #4]
                  0xf8220024,  // ldadd x2, x4, [x1]
                  kSvc0,
              });
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(ExceptionClass(cb_->esr), SAE_EC_SVC64);
  EXPECT_EQ(cb_->x[3], 0x11111111u);
  EXPECT_EQ(cb_->x[4], 0x0000000511111111u);  // the doubleword before the add
  EXPECT_EQ(Read64(0x2000), 0x0000000511111116u);
}

TEST_F(TopByteIgnore, BranchTargetsLoseTheTag) {
  Load(0x2000, {0xd2800540, kSvc0});  // movz x0, #42; svc #0
  cb_->x[5] = kTag | 0x2000;
  Load(kCode, {0xd61f00a0});  // br x5
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(cb_->x[0], 42u);
  EXPECT_EQ(cb_->pc, 0x2008u);
}

TEST_F(Guest, WithoutTopByteIgnoreATaggedPointerIsOutsideMemory) {
  cb_->x[1] = kTag | 0x2000;
  Load(kCode, {0xb9400023, kSvc0});  // ldr w3, [x1]
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_HOST_ACCESS);
  EXPECT_EQ(cb_->far, kTag | 0x2000);
}

}  // namespace
}  // namespace sae::test
