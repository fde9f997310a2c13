// A guest driven the way a VMM drives one: guest memory it owns, a VM and a vCPU over it, code
// loaded as little-endian words, and the control block to set before and read after sae_run().
#pragma once

#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "sae/sae.h"

namespace sae::test {

inline constexpr std::uint64_t kCode = 0x1000;
inline constexpr std::uint32_t kSvc0 = 0xd4000001;  // svc #0

class Guest : public testing::Test {
 protected:
  void SetUp() override { Create({}); }
  void TearDown() override { Destroy(); }

  // (Re)creates the VM and its first vCPU over `memory_size` bytes of zeroed memory, with
  // `mmio` regions, `code_cache_size` bytes of code cache (0: the default) and `flags` besides
  // SAE_VM_USER_MODE.
  void Create(const std::vector<sae_mmio_region>& mmio, std::size_t memory_size = 64 * 1024,
              std::size_t code_cache_size = 0, std::uint32_t flags = 0) {
    Destroy();
    memory_.assign(memory_size, 0);
    sae_vm_config config{};
    config.api_version = SAE_API_VERSION;
    config.flags = SAE_VM_USER_MODE | flags;
    config.memory = memory_.data();
    config.memory_size = memory_.size();
    config.mmio_regions = mmio.data();
    config.mmio_region_count = mmio.size();
    config.code_cache_size = code_cache_size;
    ASSERT_EQ(sae_vm_create(&config, &vm_), 0);
    ASSERT_EQ(sae_vcpu_create(vm_, &vcpu_), 0);
    cb_ = sae_vcpu_control_block(vcpu_);
    cb_->pc = kCode;
  }
  void Destroy() {
    sae_vcpu_destroy(vcpu_);
    sae_vm_destroy(vm_);
    vcpu_ = nullptr;
    vm_ = nullptr;
  }
  // Little-endian words at `address`, as arm64 memory holds them.
  void Load(std::uint64_t address, const std::vector<std::uint32_t>& words) {
    for (std::size_t i = 0; i < words.size(); ++i) {
      for (int b = 0; b < 4; ++b) memory_[address + 4 * i + b] = static_cast<std::uint8_t>(words[i] >> (8 * b));
    }
  }
  std::uint64_t Read64(std::uint64_t address) const {
    std::uint64_t value = 0;
    for (int b = 7; b >= 0; --b) value = value << 8 | memory_[address + b];
    return value;
  }
  sae_vcpu_statistics Stats() const {
    sae_vcpu_statistics stats{};
    EXPECT_EQ(sae_vcpu_stats(vcpu_, &stats), 0);
    return stats;
  }
  static unsigned ExceptionClass(std::uint64_t esr) { return static_cast<unsigned>(esr >> 26) & 0x3f; }

  std::vector<std::uint8_t> memory_;
  sae_vm* vm_ = nullptr;
  sae_vcpu* vcpu_ = nullptr;
  sae_control_block* cb_ = nullptr;
};

}  // namespace sae::test
