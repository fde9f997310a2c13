#include "reference_bugs.h"

#include "frontend/arm64/decoder/decoder.h"

namespace sae::fuzz {
namespace {

using frontend::arm64::DecodeEncoding;
using frontend::arm64::Encoding;

bool IsEncoding(std::uint32_t word, std::initializer_list<Encoding> encodings) {
  const std::optional<Encoding> encoding = DecodeEncoding(word);
  if (!encoding) return false;
  for (const Encoding e : encodings) {
    if (*encoding == e) return true;
  }
  return false;
}

bool NarrowLseMinMax(std::uint32_t word, std::optional<std::uint64_t>) {
  return IsEncoding(word,
                    {Encoding::LDSMAX, Encoding::LDSMIN, Encoding::LDUMAX, Encoding::LDUMIN}) &&
         (word >> 30) != 3;
}

bool MisalignedStoreExclusive(std::uint32_t word, std::optional<std::uint64_t> base) {
  if (!IsStoreExclusive(word)) return false;
  if (!base) return true;
  const bool pair = (word >> 21) & 1;
  const std::uint64_t size = pair ? 8u << ((word >> 30) & 1) : 1u << (word >> 30);
  return (*base & (size - 1)) != 0;
}

bool Rev32(std::uint32_t word, std::optional<std::uint64_t>) {
  return IsEncoding(word, {Encoding::REV_32});
}

bool FixedPointConversion(std::uint32_t word, std::optional<std::uint64_t>) {
  return IsEncoding(word, {Encoding::FCVTZS_fix_vec, Encoding::FCVTZU_fix_vec,
                           Encoding::FCVTZS_fix_scalar, Encoding::FCVTZU_fix_scalar});
}

bool DotProductByElement(std::uint32_t word, std::optional<std::uint64_t>) {
  return IsEncoding(word, {Encoding::SDOT_elt_vec, Encoding::UDOT_elt_vec});
}

bool NarrowVectorAbs(std::uint32_t word, std::optional<std::uint64_t>) {
  return IsEncoding(word, {Encoding::ABS_vec}) && ((word >> 22) & 3) < 2;
}

bool HalfPrecisionFcmlaByElement(std::uint32_t word, std::optional<std::uint64_t>) {
  return IsEncoding(word, {Encoding::FCMLA_elt}) && ((word >> 22) & 3) == 1;
}

// FCVTZS (scalar, fixed-point) with immh = 001x: half precision.
bool HalfPrecisionScalarFixedPointConversion(std::uint32_t word, std::optional<std::uint64_t>) {
  return IsEncoding(word, {Encoding::FCVTZS_fix_scalar}) && ((word >> 20) & 7) == 1;
}

bool JavaScriptConversion(std::uint32_t word, std::optional<std::uint64_t>) {
  return IsEncoding(word, {Encoding::FJCVTZS});
}

bool AbortingFp16Word(std::uint32_t word, std::optional<std::uint64_t>) {
  return word == 0x5ef95908 || word == 0x2ec91f45 || word == 0x6ec53cbc;
}

bool SecureMonitorCall(std::uint32_t word, std::optional<std::uint64_t>) {
  return IsEncoding(word, {Encoding::SMC});
}

bool ExceptionReturn(std::uint32_t word, std::optional<std::uint64_t>) {
  return IsEncoding(word, {Encoding::ERET, Encoding::ERETA});
}

bool StackPointerSelect(std::uint32_t word, std::optional<std::uint64_t>) {
  const unsigned op1 = (word >> 16) & 7, op2 = (word >> 5) & 7;
  return IsEncoding(word, {Encoding::MSR_imm}) && op1 == 0 && op2 == 5;
}

// LDAR, STLR, LDAPUR*, STLUR* at an address that is not a multiple of the access size.
bool MisalignedAcquireRelease(std::uint32_t word, std::optional<std::uint64_t> base) {
  const bool unscaled = IsEncoding(word, {Encoding::STLUR, Encoding::LDAPUR, Encoding::LDAPURS_64,
                                          Encoding::LDAPURS_32, Encoding::LDAPURSW});
  if (!unscaled && !IsEncoding(word, {Encoding::STLR, Encoding::LDAR})) return false;
  if (!base) return true;
  const std::int64_t offset = unscaled ? static_cast<std::int32_t>(word << 11) >> 23 : 0;
  const std::uint64_t size = 1u << (word >> 30);
  return ((*base + static_cast<std::uint64_t>(offset)) & (size - 1)) != 0;
}

// STXR/STLXR/STXP/STLXP to the all-ones address.
bool StoreExclusiveToAllOnes(std::uint32_t word, std::optional<std::uint64_t> base) {
  return IsStoreExclusive(word) && (!base || *base == ~std::uint64_t{0});
}

bool AuthenticatedBranch(std::uint32_t word, std::optional<std::uint64_t>) {
  return IsAuthenticatedBranch(word);
}

bool MisalignedLoadAcquirePc(std::uint32_t word, std::optional<std::uint64_t> base) {
  if (!IsEncoding(word, {Encoding::LDAPR})) return false;
  return !base || (*base & ((1u << (word >> 30)) - 1)) != 0;
}

// SYS in the EL1, EL2 and EL3 spaces (AT, TLBI, the set/way DC operations: op1 0, 4, 6), and
// the performance-monitor registers (op0 3, op1 3, CRn 9), which PMUSERENR_EL0 closes to EL0.
bool PrivilegedSystemInstruction(std::uint32_t word, std::optional<std::uint64_t>) {
  const unsigned op1 = (word >> 16) & 7, crn = (word >> 12) & 15;
  if (IsEncoding(word, {Encoding::SYS})) return op1 == 0 || op1 == 4 || op1 == 6;
  if (!IsEncoding(word, {Encoding::MSR_reg, Encoding::MRS})) return false;
  return op1 != 3 || (((word >> 19) & 3) == 3 && crn == 9);  // EL1 and above, or the PMU
}

constexpr ReferenceBug kUnicornBugs[] = {
    {"LSE min/max on bytes, halfwords and words",
     "Unicorn computes LDSMAX/LDSMIN/LDUMAX/LDUMIN (and the ST forms) wrongly on sizes below 64 "
     "bits, on every host; qemu-aarch64 7.2 is right (../shared/reference/oracles.md). libsae is "
     "checked against hand-computed results in tests/runtime/atomic_test.cpp instead.",
     BugHosts::kEvery, BugScope::kAnyCode, false, false, Shows::kAnyDifference, NarrowLseMinMax},
    {"misaligned store exclusive",
     "The Arm ARM (AArch64.ExclusiveMonitorsPass) raises the alignment fault of a misaligned "
     "STXR/STLXR/STXP/STLXP before it looks at the monitor, as libsae does; Unicorn (QEMU) checks "
     "the monitor first and fails the store without a fault; so does qemu-aarch64 7.2 (sae-fuzz "
     "--reference arm64, seed 9, --class mem).",
     BugHosts::kEvery, BugScope::kAnyCode, false, true, Shows::kFaultOnLibsaeOnly,
     MisalignedStoreExclusive},
    {"REV (32-bit) inside a longer block on s390x",
     "Unicorn's s390x build leaves garbage in bits 32-39 of a 32-bit REV result inside a longer "
     "block (\"bics; rev16; ccmp; rev w6, w28\" gave x6 = 0x4094360000 for w28 = 0xd2bb6296); "
     "qemu-aarch64 7.2 and libsae give the zero-extended 0x94360000. Alone it agrees.",
     BugHosts::kBigEndian, BugScope::kLongerBlocks, false, false, Shows::kAnyDifference, Rev32},
    {"misaligned load-acquire and store-release",
     "Without FEAT_LSE2 the Arm ARM makes a misaligned LDAR, STLR, LDAPUR or STLUR an alignment "
     "fault, as qemu-aarch64 7.2 does (sae-fuzz --reference arm64 --class mem); Unicorn 2.0.1 "
     "completes the access.",
     BugHosts::kEvery, BugScope::kAnyCode, false, false, Shows::kFaultOnLibsaeOnly,
     MisalignedAcquireRelease},
    {"misaligned LDAPR",
     "Without FEAT_LSE2 a misaligned LDAPR (load-acquire RCpc) is an alignment fault too; Unicorn "
     "2.0.1 and qemu-aarch64 7.2 both complete it (sae-fuzz --reference arm64 --seed 21 "
     "--class all, case 1308: ldapr w0, [x0] with x0 = 0x18a21).",
     BugHosts::kEvery, BugScope::kAnyCode, false, true, Shows::kFaultOnLibsaeOnly,
     MisalignedLoadAcquirePc},
    {"store exclusive to the all-ones address",
     "QEMU marks an empty exclusive monitor with the address -1, so a store-exclusive to address "
     "0xffffffffffffffff finds it 'monitored' and faults on the access; every other store-"
     "exclusive without a load-exclusive fails with status 1 and no fault, as in libsae (whether "
     "a failing store-exclusive to a faulting address aborts is IMPLEMENTATION DEFINED). sae-fuzz "
     "--seed 1 --class mem, case 19323: stxrb w18, w0, [x0] with x0 = ~0.",
     BugHosts::kEvery, BugScope::kAnyCode, false, true, Shows::kFaultOnReferenceOnly,
     StoreExclusiveToAllOnes},
    {"authenticated branches on Unicorn's max CPU",
     "Unicorn's max CPU implements FEAT_PAuth, which the guest does not (libsae and qemu-aarch64 "
     "-cpu max,pauth=off: UNDEFINED); with the keys disabled it runs BRAA, BLRAAZ, RETAA and the "
     "like as plain branches, and the CPU model cannot be changed.",
     BugHosts::kEvery, BugScope::kAnyCode, false, false, Shows::kAnyDifference,
     AuthenticatedBranch},
    {"EL1 system instructions at EL0",
     "The Arm ARM makes AT, TLBI and the other SYS operations of EL1 and above, and MRS/MSR of "
     "EL1's registers, UNDEFINED at EL0, and the performance-monitor registers too while "
     "PMUSERENR_EL0 is 0; libsae raises UNDEFINED (EC 0) for the EL1 ones and traps the EL0 space "
     "and ID register reads (EC 0x18, FEAT_IDST). Unicorn 2.0.1 runs them all: tlbi vae1is, x0 "
     "(d5088320), at s1e1r, xzr (d508781f), msr pmuserenr_el0, x14 (d51b9e0e), msr elr_el1, xzr "
     "(d518403f), msr mdccint_el1, x0 (d5100200), mrs x0, id_dfr0_el1 (d5380140) (sae-fuzz "
     "--class branch / --class all, seeds 1 and 105).",
     BugHosts::kEvery, BugScope::kAnyCode, false, false, Shows::kAnyDifference,
     PrivilegedSystemInstruction},
    {"SMC at EL0",
     "The Arm ARM makes SMC UNDEFINED at EL0, as libsae does; Unicorn 2.0.1 raises the SMC "
     "exception (QEMU's EXCP_SMC). Measured with sae-fuzz --class branch on x86-64.",
     BugHosts::kEvery, BugScope::kAnyCode, false, false, Shows::kAnyDifference, SecureMonitorCall},
    {"ERET, ERETAA, ERETAB at EL0",
     "UNDEFINED at EL0 (Arm ARM); Unicorn 2.0.1 dies instead on an assertion "
     "(aarch64_banked_spsr_index: el >= 1). Measured with sae-fuzz --class branch on x86-64.",
     BugHosts::kEvery, BugScope::kAnyCode, true, false, Shows::kAnyDifference, ExceptionReturn},
    {"MSR SPSel at EL0",
     "UNDEFINED at EL0 (Arm ARM); Unicorn 2.0.1 executes it as a NOP, or dies on an assertion "
     "(update_spsel: cur_el >= 1). Measured with sae-fuzz --class branch on x86-64.",
     BugHosts::kEvery, BugScope::kAnyCode, true, false, Shows::kAnyDifference, StackPointerSelect},
    {"FCVTZS/FCVTZU fixed-point (SIMD forms) on s390x",
     "Unicorn's s390x build segfaults (a use-after-free of a temporary); its x86 build is right "
     "(500,000 cases, ../shared/reference/oracles.md).",
     BugHosts::kBigEndian, BugScope::kAnyCode, true, false, Shows::kAnyDifference,
     FixedPointConversion},
    {"SDOT/UDOT by element on s390x",
     "Wrong lanes on Unicorn's s390x build (a helper assumes a little-endian host); its x86 build "
     "is right (../shared/reference/oracles.md).",
     BugHosts::kBigEndian, BugScope::kAnyCode, false, false, Shows::kAnyDifference,
     DotProductByElement},
    {"ABS on 8b/16b/4h/8h on s390x",
     "A borrow leaks between lanes in Unicorn's s390x build (its generic 64-bit fallback); its x86 "
     "build is right (../shared/reference/oracles.md).",
     BugHosts::kBigEndian, BugScope::kAnyCode, false, false, Shows::kAnyDifference,
     NarrowVectorAbs},
    {"FCMLA by element, half precision",
     "FPSR differs from qemu-aarch64 7.2 on every host (../shared/reference/oracles.md).",
     BugHosts::kEvery, BugScope::kAnyCode, false, false, Shows::kAnyDifference,
     HalfPrecisionFcmlaByElement},
    {"FCVTZS (scalar, fixed-point), half precision",
     "The Arm ARM writes the 16-bit result (esize 16) to H[d], the rest of V[d] zero, as libsae "
     "does; Unicorn 2.0.1 (x86-64) and qemu-aarch64 7.2 sign-extend a negative one to 32 bits: "
     "sae-fuzz --class fp --seed 1, case 1462: fcvtzs h30, h28, #3 (5f1dff9e) gave V30 = "
     "0xfffff0c8 on both, libsae 0xf0c8; seed 2 (--iterations 20000) fcvtzs h31, h0, #10 "
     "likewise. Checked against results computed by hand instead: tests/fuzz/data/"
     "architecture.trace (FCVTZU, whose results are not negative, agrees).",
     BugHosts::kEvery, BugScope::kAnyCode, false, true, Shows::kAnyDifference,
     HalfPrecisionScalarFixedPointConversion},
    {"FJCVTZS of a denormal flushed to zero",
     "The Arm ARM's FPToFixedJS clears Z for a non-zero input that FPCR.FZ flushes to zero (the "
     "result 0 is not exact), as libsae does; Unicorn 2.0.1 (x86-64) and qemu-aarch64 7.2 set Z: "
     "sae-fuzz --class fp --seed 2 --iterations 20000: fjcvtzs w0, d0 (1e7e0000) with D0 = "
     "0x807fffff and FPCR 0x1880000 (FZ), and fjcvtzs w10, d31 (1e7e03ea) with D31 = 0x7fc00000 "
     "and FPCR 0x3800000, NZCV 0100 on both, 0000 on libsae. Checked against results computed "
     "by hand instead: tests/fuzz/data/architecture.trace.",
     BugHosts::kEvery, BugScope::kAnyCode, false, true, Shows::kAnyDifference,
     JavaScriptConversion},
    {"unallocated FP16 words that abort Unicorn",
     "0x5ef95908, 0x2ec91f45 and 0x6ec53cbc abort the process on every host instead of raising "
     "UNDEFINED (../shared/reference/oracles.md).",
     BugHosts::kEvery, BugScope::kAnyCode, true, false, Shows::kAnyDifference, AbortingFp16Word},
};

}  // namespace

std::span<const ReferenceBug> UnicornBugs() { return kUnicornBugs; }

const ReferenceBug* UnicornBugAffecting(std::uint32_t word, std::optional<std::uint64_t> base,
                                        bool big_endian_host, bool in_longer_block,
                                        BugFilter filter) {
  for (const ReferenceBug& bug : kUnicornBugs) {
    if (bug.hosts == BugHosts::kBigEndian && !big_endian_host) continue;
    if (bug.scope == BugScope::kLongerBlocks && !in_longer_block) continue;
    if (filter != nullptr && !filter(bug)) continue;
    if (bug.affects(word, base)) return &bug;
  }
  return nullptr;
}

const ReferenceBug* QemuAarch64BugAffecting(std::uint32_t word, std::optional<std::uint64_t> base,
                                            BugFilter filter) {
  for (const ReferenceBug& bug : kUnicornBugs) {
    if (!bug.in_qemu_aarch64 || (filter != nullptr && !filter(bug))) continue;
    if (bug.affects(word, base)) return &bug;
  }
  return nullptr;
}

bool ReadsImplementationDefinedRegister(std::uint32_t word) {
  if ((word & 0xfff00000) != 0xd5300000) return false;  // MRS
  const std::uint32_t id = (word >> 5) & 0x7fff;
  // CTR_EL0, DCZID_EL0, CNTFRQ_EL0, CNTPCT_EL0, CNTVCT_EL0
  return id == 0x5801 || id == 0x5807 || id == 0x5f00 || id == 0x5f01 || id == 0x5f02;
}

bool ZeroesImplementationDefinedBlock(std::uint32_t word) {
  return IsEncoding(word, {Encoding::DC_ZVA});
}

bool IsAuthenticatedBranch(std::uint32_t word) {
  return IsEncoding(
      word, {Encoding::BRAZ, Encoding::BLRAZ, Encoding::RETA, Encoding::BRA, Encoding::BLRA});
}

unsigned LoadExclusiveSize(std::uint32_t word) {
  if (IsEncoding(word, {Encoding::LDXR, Encoding::LDAXR})) return 1u << (word >> 30);
  if (IsEncoding(word, {Encoding::LDXP, Encoding::LDAXP})) return 8u << ((word >> 30) & 1);
  return 0;
}

unsigned StoreExclusiveSize(std::uint32_t word) {
  if (IsEncoding(word, {Encoding::STXR, Encoding::STLXR})) return 1u << (word >> 30);
  if (IsEncoding(word, {Encoding::STXP, Encoding::STLXP})) return 8u << ((word >> 30) & 1);
  return 0;
}

bool IsStoreExclusive(std::uint32_t word) {
  const bool pair = (word >> 21) & 1;
  return ((word >> 22) & 0xff) == 0x20 && (!pair || (word >> 31) != 0);
}

std::uint32_t VectorRegistersLoaded(std::uint32_t word) {
  constexpr std::uint32_t kVectorBit = 1u << 26;
  const std::optional<Encoding> encoding = DecodeEncoding(word);
  if (!encoding || frontend::arm64::GroupOf(word) != frontend::arm64::EncodingGroup::LoadStore ||
      (word & kVectorBit) == 0) {
    return 0;
  }
  const std::string_view name =
      frontend::arm64::A64Encodings()[static_cast<std::size_t>(*encoding)].name;
  const unsigned t = word & 31, t2 = (word >> 10) & 31;
  if (name.starts_with("LDP") || name.starts_with("LDNP")) return 1u << t | 1u << t2;
  if (name.starts_with("LDR") || name.starts_with("LDUR")) return 1u << t;
  if (!name.starts_with("LD")) return 0;  // stores
  // LD1_mult_4: four registers; LD3_sngl, LD3R: three.
  const unsigned count = name.starts_with("LD1_mult_") ? name[9] - '0' : name[2] - '0';
  std::uint32_t loaded = 0;
  for (unsigned i = 0; i < count; ++i) loaded |= 1u << ((t + i) % 32);
  return loaded;
}

std::uint64_t BaseRegisterValue(std::uint32_t word, std::span<const std::uint64_t, 31> x,
                                std::uint64_t sp) {
  const unsigned n = (word >> 5) & 31;
  return n == 31 ? sp : x[n];
}

}  // namespace sae::fuzz
