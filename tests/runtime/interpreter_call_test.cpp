// Generated code calling the A64 interpreter: the instruction's effect on the guest state, IR
// values that live across the call, and the V registers the VMM sees in the control block.
#include <gtest/gtest.h>

#include "runtime/guest.h"
#include "sae/sae.h"

namespace sae::test {
namespace {

TEST_F(Guest, InterpretedInstructionsMoveBetweenGeneralAndVectorRegisters) {
  Load(kCode, {
                  0x91000405,  // add x5, x0, #1      (x5 is live across the calls below)
                  0x9e670001,  // fmov d1, x0
                  0x9eaf0061,  // fmov v1.d[1], x3
                  0x9e660022,  // fmov x2, d1
                  0x9eae0024,  // fmov x4, v1.d[1]
                  0x1e270007,  // fmov s7, w0
                  0x1e2600e8,  // fmov w8, s7
                  0x910004a6,  // add x6, x5, #1
                  kSvc0,
              });
  cb_->x[0] = 0x1122334455667788;
  cb_->x[3] = 0x99aabbccddeeff00;
  cb_->v[7][0] = ~0ull;  // the S write zeroes the rest of V7
  cb_->v[7][1] = ~0ull;
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(ExceptionClass(cb_->esr), SAE_EC_SVC64);
  EXPECT_EQ(cb_->v[1][0], 0x1122334455667788u);
  EXPECT_EQ(cb_->v[1][1], 0x99aabbccddeeff00u);
  EXPECT_EQ(cb_->x[2], 0x1122334455667788u);
  EXPECT_EQ(cb_->x[4], 0x99aabbccddeeff00u);
  EXPECT_EQ(cb_->v[7][0], 0x55667788u);
  EXPECT_EQ(cb_->v[7][1], 0u);
  EXPECT_EQ(cb_->x[8], 0x55667788u);
  EXPECT_EQ(cb_->x[6], 0x1122334455667788u + 2);
}

}  // namespace
}  // namespace sae::test
