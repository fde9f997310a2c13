// Debug dumps: per translated block, the guest code, the IR before and after passes, and the
// host code, each disassembled, on stderr.
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include "sae/sae.h"

namespace {

constexpr std::uint32_t kCode = 0x1000;

// Runs `add x0, x0, #1; svc #0` in a VM with `flags` and returns what went to stderr.
std::string RunAndCaptureStderr(std::uint32_t flags) {
  std::vector<std::uint8_t> memory(0x4000);
  const std::uint32_t words[] = {0x91000400, 0xd4000001};
  for (int i = 0; i < 2; ++i) {
    for (int b = 0; b < 4; ++b) memory[kCode + 4 * i + b] = static_cast<std::uint8_t>(words[i] >> (8 * b));
  }
  sae_vm_config config{};
  config.api_version = SAE_API_VERSION;
  config.flags = flags;
  config.memory = memory.data();
  config.memory_size = memory.size();
  sae_vm* vm = nullptr;
  sae_vcpu* vcpu = nullptr;
  EXPECT_EQ(sae_vm_create(&config, &vm), 0);
  EXPECT_EQ(sae_vcpu_create(vm, &vcpu), 0);
  sae_vcpu_control_block(vcpu)->pc = kCode;
  testing::internal::CaptureStderr();
  EXPECT_EQ(sae_run(vcpu), SAE_INTERCEPT_SYNC_EXCEPTION);
  const std::string dump = testing::internal::GetCapturedStderr();
  sae_vcpu_destroy(vcpu);
  sae_vm_destroy(vm);
  return dump;
}

TEST(Dump, ListsGuestIrAndHostCodeOfEachBlock) {
  const std::string dump =
      RunAndCaptureStderr(SAE_VM_USER_MODE | SAE_VM_DUMP_GUEST | SAE_VM_DUMP_IR | SAE_VM_DUMP_HOST);
  EXPECT_NE(dump.find("==== block at 0x1000: 2 guest instructions"), std::string::npos) << dump;
  EXPECT_NE(dump.find("0x00001000: 00040091 add x0, x0, #1"), std::string::npos) << dump;
  EXPECT_NE(dump.find("svc #0"), std::string::npos) << dump;
  EXPECT_NE(dump.find("---- IR\nblock 0x1000"), std::string::npos) << dump;
  EXPECT_NE(dump.find("---- IR after passes\n"), std::string::npos) << dump;
  EXPECT_NE(dump.find("---- host\n"), std::string::npos) << dump;
  EXPECT_NE(dump.find("stg"), std::string::npos) << dump;  // the SVC's state stores
}

TEST(Dump, OnlyWhatIsAskedFor) {
  const std::string dump = RunAndCaptureStderr(SAE_VM_USER_MODE | SAE_VM_DUMP_HOST);
  EXPECT_NE(dump.find("---- host\n"), std::string::npos) << dump;
  EXPECT_EQ(dump.find("---- guest\n"), std::string::npos) << dump;
  EXPECT_EQ(dump.find("---- IR"), std::string::npos) << dump;
  EXPECT_EQ(RunAndCaptureStderr(SAE_VM_USER_MODE), "");
}

TEST(Dump, EnvironmentTurnsItOn) {
  setenv("SAE_DUMP", "guest", 1);
  const std::string dump = RunAndCaptureStderr(SAE_VM_USER_MODE);
  unsetenv("SAE_DUMP");
  EXPECT_NE(dump.find("add x0, x0, #1"), std::string::npos) << dump;
  EXPECT_EQ(dump.find("---- host\n"), std::string::npos) << dump;
}

TEST(Dump, UnknownFlagsAreRefused) {
  std::vector<std::uint8_t> memory(0x1000);
  sae_vm_config config{};
  config.api_version = SAE_API_VERSION;
  config.flags = SAE_VM_USER_MODE | (1u << 20);
  config.memory = memory.data();
  config.memory_size = memory.size();
  sae_vm* vm = nullptr;
  EXPECT_LT(sae_vm_create(&config, &vm), 0);
}

}  // namespace
