#include "cpu_features.h"

namespace sae::run {

namespace {

// An ID register field (4 bits at `shift`).
unsigned Field(std::uint64_t reg, unsigned shift) { return static_cast<unsigned>(reg >> shift) & 0xf; }

// HWCAP bits (Linux arch/arm64/include/uapi/asm/hwcap.h) with the /proc/cpuinfo name.
struct Cap {
  bool second;  // AT_HWCAP2
  unsigned bit;
  const char* name;
};
constexpr Cap kFp{false, 0, "fp"}, kAsimd{false, 1, "asimd"}, kAes{false, 3, "aes"},
    kPmull{false, 4, "pmull"}, kSha1{false, 5, "sha1"}, kSha2{false, 6, "sha2"},
    kCrc32{false, 7, "crc32"}, kAtomics{false, 8, "atomics"}, kFphp{false, 9, "fphp"},
    kAsimdhp{false, 10, "asimdhp"}, kCpuid{false, 11, "cpuid"},
    kAsimdrdm{false, 12, "asimdrdm"}, kJscvt{false, 13, "jscvt"}, kFcma{false, 14, "fcma"},
    kLrcpc{false, 15, "lrcpc"}, kDcpop{false, 16, "dcpop"}, kSha3{false, 17, "sha3"},
    kSm3{false, 18, "sm3"}, kSm4{false, 19, "sm4"}, kAsimddp{false, 20, "asimddp"},
    kSha512{false, 21, "sha512"}, kIlrcpc{false, 26, "ilrcpc"}, kFlagm{false, 27, "flagm"},
    kSb{false, 29, "sb"}, kDcpodp{true, 0, "dcpodp"}, kFlagm2{true, 7, "flagm2"},
    kFrint{true, 8, "frint"}, kBti{true, 17, "bti"};
constexpr Cap kAll[] = {kFp,     kAsimd,  kAes,   kPmull,  kSha1,    kSha2,   kCrc32,
                        kAtomics, kFphp, kAsimdhp, kCpuid, kAsimdrdm, kJscvt, kFcma, kLrcpc, kDcpop,
                        kSha3,   kSm3,    kSm4,   kAsimddp, kSha512, kIlrcpc, kFlagm,
                        kSb,     kDcpodp, kFlagm2, kFrint,  kBti};

void Set(Hwcaps& caps, const Cap& cap) {
  (cap.second ? caps.hwcap2 : caps.hwcap) |= std::uint64_t{1} << cap.bit;
}

}  // namespace

Hwcaps HwcapsOf(const sae_features& id) {
  Hwcaps caps;
  if (Field(id.id_aa64pfr0_el1, 16) != 0xf) Set(caps, kFp);
  if (Field(id.id_aa64pfr0_el1, 20) != 0xf) Set(caps, kAsimd);
  if (Field(id.id_aa64pfr0_el1, 16) == 1) Set(caps, kFphp);
  if (Field(id.id_aa64pfr0_el1, 20) == 1) Set(caps, kAsimdhp);
  if (Field(id.id_aa64isar0_el1, 4) >= 1) Set(caps, kAes);
  if (Field(id.id_aa64isar0_el1, 4) >= 2) Set(caps, kPmull);
  if (Field(id.id_aa64isar0_el1, 8) >= 1) Set(caps, kSha1);
  if (Field(id.id_aa64isar0_el1, 12) >= 1) Set(caps, kSha2);
  if (Field(id.id_aa64isar0_el1, 12) >= 2) Set(caps, kSha512);
  if (Field(id.id_aa64isar0_el1, 16) >= 1) Set(caps, kCrc32);
  if (Field(id.id_aa64isar0_el1, 28) >= 1) Set(caps, kAsimdrdm);
  if (Field(id.id_aa64isar0_el1, 32) >= 1) Set(caps, kSha3);
  if (Field(id.id_aa64isar0_el1, 36) >= 1) Set(caps, kSm3);
  if (Field(id.id_aa64isar0_el1, 40) >= 1) Set(caps, kSm4);
  if (Field(id.id_aa64isar0_el1, 44) >= 1) Set(caps, kAsimddp);
  if (Field(id.id_aa64isar1_el1, 12) >= 1) Set(caps, kJscvt);
  if (Field(id.id_aa64isar1_el1, 16) >= 1) Set(caps, kFcma);
  if (Field(id.id_aa64isar1_el1, 32) >= 1) Set(caps, kFrint);
  if (Field(id.id_aa64isar0_el1, 20) >= 2) Set(caps, kAtomics);
  // sae-run answers EL0 reads of the ID registers, as Linux does.
  Set(caps, kCpuid);
  if (Field(id.id_aa64isar1_el1, 20) >= 1) Set(caps, kLrcpc);
  if (Field(id.id_aa64isar1_el1, 20) >= 2) Set(caps, kIlrcpc);
  if (Field(id.id_aa64isar1_el1, 0) >= 1) Set(caps, kDcpop);
  if (Field(id.id_aa64isar1_el1, 0) >= 2) Set(caps, kDcpodp);
  if (Field(id.id_aa64isar0_el1, 52) >= 1) Set(caps, kFlagm);
  if (Field(id.id_aa64isar0_el1, 52) >= 2) Set(caps, kFlagm2);
  if (Field(id.id_aa64isar1_el1, 36) >= 1) Set(caps, kSb);
  if (Field(id.id_aa64pfr1_el1, 0) >= 1) Set(caps, kBti);
  return caps;
}

std::string DescribeHwcaps(const Hwcaps& caps) {
  std::string text;
  for (const Cap& cap : kAll) {
    const std::uint64_t word = cap.second ? caps.hwcap2 : caps.hwcap;
    if ((word >> cap.bit) & 1) text += std::string(cap.name) + "\n";
  }
  return text;
}

}  // namespace sae::run
