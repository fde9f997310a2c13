// The system registers a user-mode vCPU has, by encoding, and the values the translator gives
// the implementation-defined ones (MRS) and the feature query reports: one definition for the
// translator, the feature query and the API's access by encoding (sae_vcpu_get_sysreg).
#pragma once

#include <cstdint>

namespace sae::frontend::arm64 {

// System register encodings as op0:op1:CRn:CRm:op2 (MRS/MSR's o0:op1:CRn:CRm:op2 with op0 =
// 2 + o0; the low 16 bits of KVM's sysreg ONE_REG ids).
constexpr unsigned SysRegId(unsigned op0, unsigned op1, unsigned crn, unsigned crm, unsigned op2) {
  return op0 << 14 | op1 << 11 | crn << 7 | crm << 3 | op2;
}
inline constexpr unsigned kNZCV = SysRegId(3, 3, 4, 2, 0);
inline constexpr unsigned kFPCR = SysRegId(3, 3, 4, 4, 0);
inline constexpr unsigned kFPSR = SysRegId(3, 3, 4, 4, 1);
inline constexpr unsigned kTPIDR_EL0 = SysRegId(3, 3, 13, 0, 2);
inline constexpr unsigned kTPIDRRO_EL0 = SysRegId(3, 3, 13, 0, 3);
inline constexpr unsigned kCTR_EL0 = SysRegId(3, 3, 0, 0, 1);
inline constexpr unsigned kDCZID_EL0 = SysRegId(3, 3, 0, 0, 7);
inline constexpr unsigned kCNTFRQ_EL0 = SysRegId(3, 3, 14, 0, 0);
inline constexpr unsigned kCNTVCT_EL0 = SysRegId(3, 3, 14, 0, 2);
inline constexpr unsigned kSP_EL0 = SysRegId(3, 0, 4, 1, 0);
inline constexpr unsigned kSP_EL1 = SysRegId(3, 4, 4, 1, 0);
inline constexpr unsigned kMIDR_EL1 = SysRegId(3, 0, 0, 0, 0);
inline constexpr unsigned kID_AA64PFR0_EL1 = SysRegId(3, 0, 0, 4, 0);
inline constexpr unsigned kID_AA64PFR1_EL1 = SysRegId(3, 0, 0, 4, 1);
inline constexpr unsigned kID_AA64ISAR0_EL1 = SysRegId(3, 0, 0, 6, 0);
inline constexpr unsigned kID_AA64ISAR1_EL1 = SysRegId(3, 0, 0, 6, 1);
inline constexpr unsigned kID_AA64ISAR2_EL1 = SysRegId(3, 0, 0, 6, 2);

// 64-byte lines (IminLine = DminLine = 4), PIPT instruction cache.
inline constexpr std::uint64_t kCacheType = 0x8444c004;
// DC ZVA zeroes 64-byte blocks (DCZID_EL0.BS = 4 words).
inline constexpr std::uint64_t kZeroBlockId = 4;
// The counter runs at the TOD clock's resolution, 2^-12 microseconds.
inline constexpr std::uint64_t kCounterFrequency = 4096000000;

}  // namespace sae::frontend::arm64
