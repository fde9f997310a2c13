// System registers by encoding (sae_vcpu_get_sysreg/sae_vcpu_set_sysreg): the EASR and SASR
// instructions of the SAE facility, over the registers a user-mode vCPU has.
#include <cerrno>
#include <cstdint>
#include <optional>

#include "frontend/arm64/translate/features.h"
#include "frontend/arm64/translate/system_registers.h"
#include "runtime/vcpu.h"

namespace {

namespace arm64 = sae::frontend::arm64;

// CNTVCT_EL0 as generated code reads it: the TOD clock, whose bit 63 is 2^-12 microseconds
// (kCounterFrequency).
std::uint64_t Counter() {
  std::uint64_t clock = 0;
  asm volatile("stckf %0" : "=Q"(clock) : : "cc");
  return clock;
}

// The read-only registers' values, or nullopt if `encoding` is not one of them.
std::optional<std::uint64_t> ReadOnlyValue(std::uint32_t encoding) {
  const auto& id = arm64::TranslatedFeatures();
  switch (encoding) {
    case arm64::kMIDR_EL1: return id.midr_el1;
    case arm64::kID_AA64PFR0_EL1: return id.id_aa64pfr0_el1;
    case arm64::kID_AA64PFR1_EL1: return id.id_aa64pfr1_el1;
    case arm64::kID_AA64ISAR0_EL1: return id.id_aa64isar0_el1;
    case arm64::kID_AA64ISAR1_EL1: return id.id_aa64isar1_el1;
    case arm64::kID_AA64ISAR2_EL1: return id.id_aa64isar2_el1;
    case arm64::kCTR_EL0: return arm64::kCacheType;
    case arm64::kDCZID_EL0: return arm64::kZeroBlockId;
    case arm64::kCNTFRQ_EL0: return arm64::kCounterFrequency;
    case arm64::kCNTVCT_EL0: return Counter();
    default: return std::nullopt;
  }
}

constexpr std::uint64_t kNzcvBits = 0xf0000000;

}  // namespace

extern "C" int sae_vcpu_get_sysreg(sae_vcpu* vcpu, std::uint32_t encoding, std::uint64_t* value) {
  if (vcpu == nullptr || value == nullptr) return -EINVAL;
  const sae_control_block& control = vcpu->state.control;
  switch (encoding) {
    case arm64::kNZCV: *value = control.pstate & kNzcvBits; return 0;
    case arm64::kFPCR: *value = control.fpcr; return 0;
    case arm64::kFPSR: *value = control.fpsr; return 0;
    case arm64::kTPIDR_EL0: *value = control.tpidr_el0; return 0;
    case arm64::kTPIDRRO_EL0: *value = control.tpidrro_el0; return 0;
    case arm64::kSP_EL0: *value = control.sp_el0; return 0;
    case arm64::kSP_EL1: *value = control.sp_el1; return 0;
    default: break;
  }
  const std::optional<std::uint64_t> fixed = ReadOnlyValue(encoding);
  if (!fixed) return -ENOENT;
  *value = *fixed;
  return 0;
}

extern "C" int sae_vcpu_set_sysreg(sae_vcpu* vcpu, std::uint32_t encoding, std::uint64_t value) {
  if (vcpu == nullptr) return -EINVAL;
  sae_control_block& control = vcpu->state.control;
  // FPCR and FPSR are 32-bit registers in the control block.
  const bool fits_word = value >> 32 == 0;
  switch (encoding) {
    case arm64::kNZCV:
      if ((value & ~kNzcvBits) != 0) return -EINVAL;
      control.pstate = (control.pstate & ~kNzcvBits) | value;
      return 0;
    case arm64::kFPCR:
      if (!fits_word) return -EINVAL;
      control.fpcr = static_cast<std::uint32_t>(value);
      return 0;
    case arm64::kFPSR:
      if (!fits_word) return -EINVAL;
      control.fpsr = static_cast<std::uint32_t>(value);
      return 0;
    case arm64::kTPIDR_EL0: control.tpidr_el0 = value; return 0;
    case arm64::kTPIDRRO_EL0: control.tpidrro_el0 = value; return 0;
    case arm64::kSP_EL0: control.sp_el0 = value; return 0;
    case arm64::kSP_EL1: control.sp_el1 = value; return 0;
    default: return ReadOnlyValue(encoding) ? -EPERM : -ENOENT;
  }
}
