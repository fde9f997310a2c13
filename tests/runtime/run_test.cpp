// sae_run() driven the way a VMM drives it: load code into guest memory, set the control block,
// run, handle the intercept, change state, re-enter.
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "runtime/guest.h"
#include "sae/sae.h"

namespace sae::test {
namespace {

TEST_F(Guest, RunsALoopAndStopsAtSvc) {
  Load(kCode, {
                  0xd28000a0,  // mov x0, #5
                  0xd2800001,  // mov x1, #0
                  0x91000c21,  // loop: add x1, x1, #3
                  0xf1000400,  // subs x0, x0, #1
                  0x54ffffc1,  // b.ne loop
                  kSvc0,
              });
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(ExceptionClass(cb_->esr), SAE_EC_SVC64);
  EXPECT_EQ(cb_->esr & 0xffff, 0u);
  EXPECT_EQ(cb_->pc, kCode + 6 * 4);  // after the SVC
  EXPECT_EQ(cb_->x[0], 0u);
  EXPECT_EQ(cb_->x[1], 15u);
  EXPECT_EQ(cb_->pstate >> 28, 0b0110u);  // Z and C from the last SUBS (1 - 1)
}

TEST_F(Guest, LinkedBlocksRunWithoutTheDispatcher) {
  Load(kCode, {
                  0xd2807d00,  // mov x0, #1000
                  0xd2800001,  // mov x1, #0
                  0x91000c21,  // loop: add x1, x1, #3
                  0xf1000400,  // subs x0, x0, #1
                  0x54ffffc1,  // b.ne loop
                  kSvc0,
              });
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(cb_->x[1], 3000u);
  sae_vcpu_statistics stats{};
  ASSERT_EQ(sae_vcpu_stats(vcpu_, &stats), 0);
  // Three blocks (entry, loop, exit); 1,000 iterations of the loop block linked to itself.
  EXPECT_EQ(stats.blocks_translated, 3u);
  EXPECT_LE(stats.dispatches, 4u);
}

TEST_F(Guest, CallsAndReturnsStayInGeneratedCode) {
  Load(kCode, {
                  0xd2807d06,  // mov x6, #1000
                  0x9400003f,  // loop: bl 0x1100
                  0xd10004c6,  // sub x6, x6, #1
                  0xb5ffffc6,  // cbnz x6, loop
                  kSvc0,
              });
  Load(0x1100, {0x91000400, 0xd65f03c0});  // add x0, x0, #1; ret
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(cb_->x[0], 1000u);
  // The RETs find their target in the indirect branch table after the first miss.
  EXPECT_LE(Stats().dispatches, 10u);
}

// Runs the vCPU while another thread kicks it 50 ms in; returns what sae_run() returned.
int RunKickedFromAnotherThread(sae_vcpu* vcpu) {
  std::atomic<bool> started{false};
  std::thread kicker([&] {
    while (!started.load()) std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    sae_kick(vcpu);
  });
  started = true;
  const int intercept = sae_run(vcpu);
  kicker.join();
  return intercept;
}

TEST_F(Guest, KickStopsALoopOfIndirectBranches) {
  Load(kCode, {0x10000005, 0xd61f00a0});  // loop: adr x5, loop; br x5
  EXPECT_EQ(RunKickedFromAnotherThread(vcpu_), SAE_INTERCEPT_STOP);
  EXPECT_EQ(cb_->pc, kCode);
}

TEST_F(Guest, AFullCodeCacheIsEmptiedAndTheGuestRunsOn) {
  // 16,384 blocks of "add x0, x0, #1; b next", each run once: megabytes of generated code
  // through the smallest cache.
  constexpr std::uint32_t kBlocks = 16384;
  Create({}, kCode + 8 * kBlocks + 0x1000, SAE_MIN_CODE_CACHE_SIZE);
  std::vector<std::uint32_t> code;
  for (std::uint32_t i = 0; i < kBlocks; ++i) {
    code.push_back(0x91000400);  // add x0, x0, #1
    code.push_back(0x14000001);  // b next
  }
  code.push_back(kSvc0);
  Load(kCode, code);
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(cb_->x[0], kBlocks);
  const sae_vcpu_statistics stats = Stats();
  EXPECT_GE(stats.code_flushes, 2u);
  EXPECT_GE(stats.blocks_translated, kBlocks / 64);
}

TEST(Api, RefusesACodeCacheTooSmall) {
  std::vector<std::uint8_t> memory(4096);
  sae_vm* vm = nullptr;
  sae_vm_config config{};
  config.api_version = SAE_API_VERSION;
  config.flags = SAE_VM_USER_MODE;
  config.memory = memory.data();
  config.memory_size = memory.size();
  config.code_cache_size = SAE_MIN_CODE_CACHE_SIZE - 1;
  EXPECT_EQ(sae_vm_create(&config, &vm), -EINVAL);
}

TEST_F(Guest, MisalignedLoadAcquireAndStoreReleaseAreAlignmentFaults) {
  // Armv8.0 without FEAT_LSE2 requires them aligned, whatever SCTLR.A says.
  cb_->x[1] = 0x2002;
  Load(kCode, {0x889ffc22, kSvc0});  // stlr w2, [x1]
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(ExceptionClass(cb_->esr), SAE_EC_DABT_LOW);
  EXPECT_EQ(cb_->esr & 0x3f, 0x21u);  // alignment fault
  EXPECT_EQ((cb_->esr >> 6) & 1, 1u);  // a write
  EXPECT_EQ(cb_->far, 0x2002u);
  EXPECT_EQ(cb_->pc, kCode);
  Load(kCode, {0xc8dffc20, kSvc0});  // ldar x0, [x1]
  sae_vcpu_invalidate_code(vcpu_, kCode, 8);
  cb_->x[1] = 0x2004;  // aligned for a word, not for a doubleword
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(cb_->esr & 0x3f, 0x21u);
  cb_->x[1] = 0x2008;
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(ExceptionClass(cb_->esr), SAE_EC_SVC64);
}

TEST_F(Guest, AuthenticatedBranchesAreUndefinedWithoutPointerAuthentication) {
  Load(kCode, {0xd71f0820});  // braa x1, x0
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(ExceptionClass(cb_->esr), SAE_EC_UNKNOWN);
  EXPECT_EQ(cb_->pc, kCode);
}

TEST_F(Guest, HostHandlesSvcAndReenters) {
  Load(kCode, {
                  0x91000400,  // add x0, x0, #1
                  kSvc0,
                  0x91000400,  // add x0, x0, #1
                  0xd4000021,  // svc #1
              });
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(cb_->x[0], 1u);
  cb_->x[0] = 100;  // the "kernel" returns a value in x0
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(cb_->esr & 0xffff, 1u);
  EXPECT_EQ(cb_->x[0], 101u);
}

TEST_F(Guest, UndefinedInstructionIsAnIntercept) {
  Load(kCode, {0x91000400, 0x00000000});
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(ExceptionClass(cb_->esr), SAE_EC_UNKNOWN);
  EXPECT_EQ(cb_->pc, kCode + 4);  // the UNDEFINED instruction itself
  EXPECT_EQ(cb_->x[0], 1u);
}

TEST_F(Guest, FetchOutsideMemoryIsAHostAccess) {
  cb_->pc = memory_.size() + 0x1000;
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_HOST_ACCESS);
  EXPECT_EQ(ExceptionClass(cb_->esr), SAE_EC_IABT_LOW);
  EXPECT_EQ(cb_->far, memory_.size() + 0x1000);
}

TEST_F(Guest, BranchToAMisalignedAddressIsAPcAlignmentFault) {
  cb_->x[5] = 0x2002;
  Load(kCode, {0xd61f00a0});  // br x5
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(ExceptionClass(cb_->esr), SAE_EC_PC_ALIGNMENT);
  EXPECT_EQ(cb_->far, 0x2002u);
  EXPECT_EQ(cb_->pc, 0x2002u);
}

TEST_F(Guest, BranchOutOfMemoryIsAHostAccessAtTheTarget) {
  Load(kCode, {0x14100000});  // b #0x400000
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_HOST_ACCESS);
  EXPECT_EQ(cb_->far, kCode + 0x400000);
  EXPECT_EQ(cb_->pc, kCode + 0x400000);
}

TEST_F(Guest, KickStopsAnEndlessLoop) {
  Load(kCode, {0x91000400, 0x17ffffff});  // loop: add x0, x0, #1; b loop
  EXPECT_EQ(RunKickedFromAnotherThread(vcpu_), SAE_INTERCEPT_STOP);
  EXPECT_GT(cb_->x[0], 0u);
  // The vCPU resumes where it stopped.
  const std::uint64_t before = cb_->x[0];
  sae_kick(vcpu_);
  EXPECT_EQ(sae_run(vcpu_), SAE_INTERCEPT_STOP);
  EXPECT_EQ(cb_->x[0], before);
}

TEST_F(Guest, InvalidatedCodeIsTranslatedAgain) {
  Load(kCode, {0x91000400, kSvc0});  // add x0, x0, #1
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(cb_->x[0], 1u);
  Load(kCode, {0x91002800, kSvc0});  // add x0, x0, #10
  sae_vcpu_invalidate_code(vcpu_, kCode, 4);
  cb_->pc = kCode;
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(cb_->x[0], 11u);
}

// Each advertised feature is checked by running one of its instructions; what is not translated
// is not advertised.
TEST_F(Guest, AdvertisedFeaturesAreImplemented) {
  sae_features features{};
  sae_query_features(&features);
  EXPECT_EQ((features.id_aa64isar0_el1 >> 20) & 0xf, 2u) << "LSE";
  EXPECT_EQ((features.id_aa64isar0_el1 >> 16) & 0xf, 1u) << "CRC32";
  // LSE and CRC32 run: ldadd x1, x2, [x0]; crc32x w3, w3, x2; then SVC.
  cb_->x[0] = 0x100;
  cb_->x[1] = 5;
  Load(0x100, {7, 0});
  Load(kCode, {0xf8210002, 0x9ac24c63, kSvc0});
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(ExceptionClass(cb_->esr), SAE_EC_SVC64);
  EXPECT_EQ(cb_->x[2], 7u);
  EXPECT_EQ(memory_[0x100], 12u);
  sae_vcpu_statistics stats{};
  sae_vcpu_stats(vcpu_, &stats);
  EXPECT_EQ(stats.not_translated, 0u);

  // The SIMD&FP features, when advertised, run. FP and AdvSIMD say "not implemented" with 0xF
  // in their fields, the others with 0.
  auto field = [](std::uint64_t id, unsigned shift) { return (id >> shift) & 0xf; };
  const std::uint64_t pfr0 = features.id_aa64pfr0_el1, isar0 = features.id_aa64isar0_el1,
                      isar1 = features.id_aa64isar1_el1;
  struct Sample {
    const char* name;
    bool advertised;
    std::uint32_t word;
  };
  const Sample samples[] = {
      {"FP: fadd d0, d1, d2", field(pfr0, 16) != 0xf, 0x1e622820},
      {"AdvSIMD: add v0.4s, v1.4s, v2.4s", field(pfr0, 20) != 0xf, 0x4ea28420},
      {"FP16: fadd h0, h1, h2", field(pfr0, 16) == 1, 0x1ee22820},
      {"AdvSIMD FP16: fadd v0.8h, v1.8h, v2.8h", field(pfr0, 20) == 1, 0x4e421420},
      {"AES: aese v0.16b, v1.16b", field(isar0, 4) >= 1, 0x4e284820},
      {"PMULL: pmull v0.1q, v1.1d, v2.1d", field(isar0, 4) >= 2, 0x0ee2e020},
      {"SHA1: sha1h s0, s1", field(isar0, 8) >= 1, 0x5e280820},
      {"SHA256: sha256h q0, q1, v2.4s", field(isar0, 12) >= 1, 0x5e024020},
      {"SHA512: sha512h q0, q1, v2.2d", field(isar0, 12) >= 2, 0xce628020},
      {"RDM: sqrdmlah v0.4s, v1.4s, v2.4s", field(isar0, 28) >= 1, 0x6e828420},
      {"SHA3: eor3 v0.16b, v1.16b, v2.16b, v3.16b", field(isar0, 32) >= 1, 0xce020c20},
      {"SM3: sm3ss1 v0.4s, v1.4s, v2.4s, v3.4s", field(isar0, 36) >= 1, 0xce420c20},
      {"SM4: sm4e v0.4s, v1.4s", field(isar0, 40) >= 1, 0xcec08420},
      {"DotProd: sdot v0.4s, v1.16b, v2.16b", field(isar0, 44) >= 1, 0x4e829420},
      {"JSCVT: fjcvtzs w0, d1", field(isar1, 12) >= 1, 0x1e7e0020},
      {"FCMA: fcadd v0.4s, v1.4s, v2.4s, #90", field(isar1, 16) >= 1, 0x6e82e420},
      {"FRINTTS: frint32z d0, d1", field(isar1, 32) >= 1, 0x1e684020},
  };
  for (const Sample& sample : samples) {
    if (!sample.advertised) continue;
    Load(kCode, {sample.word, kSvc0});
    sae_vcpu_invalidate_code(vcpu_, kCode, 8);
    cb_->pc = kCode;
    ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION) << sample.name;
    EXPECT_EQ(ExceptionClass(cb_->esr), SAE_EC_SVC64) << sample.name;
  }
  sae_vcpu_stats(vcpu_, &stats);
  EXPECT_EQ(stats.not_translated, 0u);

  // An instruction libsae lacks (LDRAA: no pointer authentication) is counted as not
  // translated, and is UNDEFINED for the guest.
  Load(kCode, {0xf8200420, kSvc0});  // ldraa x0, [x1]
  sae_vcpu_invalidate_code(vcpu_, kCode, 8);
  cb_->pc = kCode;
  ASSERT_EQ(sae_run(vcpu_), SAE_INTERCEPT_SYNC_EXCEPTION);
  EXPECT_EQ(ExceptionClass(cb_->esr), SAE_EC_UNKNOWN);
  sae_vcpu_stats(vcpu_, &stats);
  EXPECT_EQ(stats.not_translated, 1u);
}

TEST(Api, RejectsBadArguments) {
  std::vector<std::uint8_t> memory(4096);
  sae_vm* vm = nullptr;
  sae_vm_config config{};
  config.api_version = SAE_API_VERSION + 1;
  config.flags = SAE_VM_USER_MODE;
  config.memory = memory.data();
  config.memory_size = memory.size();
  EXPECT_LT(sae_vm_create(&config, &vm), 0);
  config.api_version = SAE_API_VERSION;
  config.memory = nullptr;
  EXPECT_LT(sae_vm_create(&config, &vm), 0);
  EXPECT_LT(sae_vm_create(nullptr, &vm), 0);
  EXPECT_LT(sae_run(nullptr), 0);
}

}  // namespace
}  // namespace sae::test
