// Generated code calling the A64 interpreter: the instruction's effect on the guest state, IR
// values that live across the call, and the V registers the VMM sees in the control block.
#include <gtest/gtest.h>

#include "runtime/guest.h"
#include "sae/sae.h"

namespace sae::test {
namespace {

// Interpreted instructions (INS, UMOV) among inline ones (FMOV), with an IR value (x5) live
// across the interpreter calls.
TEST_F(Guest, InterpretedInstructionsMoveBetweenGeneralAndVectorRegisters) {
  Load(kCode, {
                  0x91000405,  // add x5, x0, #1      (x5 is live across the calls below)
                  0x9e670001,  // fmov d1, x0
                  0x4e181c61,  // mov v1.d[1], x3   (INS: interpreted)
                  0x9e660022,  // fmov x2, d1
                  0x4e183c24,  // mov x4, v1.d[1]   (UMOV: interpreted)
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

// Loads and stores of SIMD&FP registers: the inline forms and the structure forms, whose
// register side the interpreter does. Memory at kData holds bytes 0..63.
TEST_F(Guest, VectorLoadsAndStoresKeepArm64MemoryLayout) {
  constexpr std::uint64_t kData = 0x4000, kOut = 0x4100;
  for (unsigned i = 0; i < 64; ++i) memory_[kData + i] = static_cast<std::uint8_t>(i);
  Load(kCode, {
                  0x3dc00000,  // ldr q0, [x0]
                  0x0c408001,  // ld2 {v1.8b, v2.8b}, [x0]
                  0x4d40c803,  // ld1r {v3.4s}, [x0]
                  0x0d409004,  // ld1 {v4.s}[1], [x0]
                  0x2d409805,  // ldp s5, s6, [x0, #4]
                  0x0c9f8021,  // st2 {v1.8b, v2.8b}, [x1], #16
                  0x3c810c20,  // str q0, [x1, #16]!
                  0x3d40fc07,  // ldr b7, [x0, #63]
                  0x4cc20010,  // ld4 {v16.16b, v17.16b, v18.16b, v19.16b}, [x0], x2
                  0x4d005823,  // st1 {v3.h}[7], [x1]
                  kSvc0,
              });
  cb_->x[0] = kData;
  cb_->x[1] = kOut;
  cb_->x[2] = 64;
  cb_->v[4][0] = 0x1111111111111111;
  cb_->v[4][1] = 0x2222222222222222;
  cb_->v[7][1] = ~0ull;
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  ASSERT_EQ(ExceptionClass(cb_->esr), SAE_EC_SVC64);
  EXPECT_EQ(cb_->v[0][0], 0x0706050403020100u);
  EXPECT_EQ(cb_->v[0][1], 0x0f0e0d0c0b0a0908u);
  EXPECT_EQ(cb_->v[1][0], 0x0e0c0a0806040200u);  // even bytes
  EXPECT_EQ(cb_->v[1][1], 0u);
  EXPECT_EQ(cb_->v[2][0], 0x0f0d0b0907050301u);  // odd bytes
  EXPECT_EQ(cb_->v[3][0], 0x0302010003020100u);
  EXPECT_EQ(cb_->v[3][1], 0x0302010003020100u);
  EXPECT_EQ(cb_->v[4][0], 0x0302010011111111u);  // one lane; the others stay
  EXPECT_EQ(cb_->v[4][1], 0x2222222222222222u);
  EXPECT_EQ(cb_->v[5][0], 0x07060504u);
  EXPECT_EQ(cb_->v[6][0], 0x0b0a0908u);
  EXPECT_EQ(cb_->v[7][0], 0x3fu);
  EXPECT_EQ(cb_->v[7][1], 0u);
  EXPECT_EQ(cb_->v[16][0], 0x1c1814100c080400u);  // bytes 0, 4, 8, ...
  EXPECT_EQ(cb_->v[16][1], 0x3c3834302c282420u);
  EXPECT_EQ(cb_->v[19][0], 0x1f1b17130f0b0703u);  // bytes 3, 7, 11, ...
  EXPECT_EQ(cb_->v[19][1], 0x3f3b37332f2b2723u);
  EXPECT_EQ(cb_->x[0], kData + 64);  // post-indexed by x2
  EXPECT_EQ(cb_->x[1], kOut + 32);   // by 16, then pre-indexed by 16
  EXPECT_EQ(Read64(kOut), 0x0706050403020100u);  // st2 interleaves v1 and v2 again
  EXPECT_EQ(Read64(kOut + 8), 0x0f0e0d0c0b0a0908u);
  EXPECT_EQ(Read64(kOut + 32), 0x0706050403020302u);  // q0, then lane 7 of v3.8h over it
  EXPECT_EQ(Read64(kOut + 40), 0x0f0e0d0c0b0a0908u);
}

}  // namespace
}  // namespace sae::test
