// The one list of known reference bugs: where Unicorn 2 (the differential tests' and sae-fuzz's
// reference) is wrong, each entry with its evidence. The gtest differential tests steer around
// these before running a case; sae-fuzz runs every case and counts a mismatch as a "reference
// bug" only when an entry explains it. Also here: instructions whose results rightly differ
// between implementations, which are not comparable at all.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace sae::fuzz {

enum class BugHosts { kEvery, kBigEndian };       // Unicorn wrong on every host, or only on s390x
enum class BugScope { kAnyCode, kLongerBlocks };  // wrong alone too, or only inside a sequence

enum class Shows { kAnyDifference, kFaultOnLibsaeOnly, kFaultOnReferenceOnly };

struct ReferenceBug {
  std::string_view name;
  std::string_view evidence;  // what was measured, against which other reference
  BugHosts hosts;
  BugScope scope;
  bool kills_reference;  // the reference process dies: never run an affected word on it
  bool in_qemu_aarch64;  // QEMU's own code: qemu-aarch64 7.2 (the arm64 runner's) is wrong too
  // How the bug shows when the registers before the affected instruction are unknown (inside a
  // block): in any way, or only as a fault one side takes at that instruction and the other
  // does not, by which it is recognised without the address.
  Shows shows;
  // Whether `word` is affected. `base` is the value of the word's base register (X[n] or SP)
  // before it runs, when known; without it a state-dependent bug counts as affecting the word.
  bool (*affects)(std::uint32_t word, std::optional<std::uint64_t> base);
};

std::span<const ReferenceBug> UnicornBugs();

// Only the bugs a caller is asking about (nullptr: all of them).
using BugFilter = bool (*)(const ReferenceBug& bug);

// The first bug of UnicornBugs() that affects `word` on this kind of host and in this scope
// (`in_longer_block`: the word is one of several run in sequence), or nullptr.
const ReferenceBug* UnicornBugAffecting(std::uint32_t word, std::optional<std::uint64_t> base,
                                        bool big_endian_host, bool in_longer_block,
                                        BugFilter filter = nullptr);

// The first bug of UnicornBugs() that qemu-aarch64 shares and that affects `word`, or nullptr.
const ReferenceBug* QemuAarch64BugAffecting(std::uint32_t word, std::optional<std::uint64_t> base,
                                            BugFilter filter = nullptr);

// MRS of registers whose values are the implementation's own (cache geometry, counters): libsae
// and every reference rightly differ.
bool ReadsImplementationDefinedRegister(std::uint32_t word);

// DC ZVA: the size of the block it zeroes is the implementation's own (DCZID_EL0; 64 bytes in
// libsae and Unicorn, 512 in qemu-aarch64's "max", other sizes on hardware).
bool ZeroesImplementationDefinedBlock(std::uint32_t word);

// The branches with pointer authentication outside the hint space (BRAA... RETAB): UNDEFINED in
// the guest, which has no FEAT_PAuth.
bool IsAuthenticatedBranch(std::uint32_t word);

// The bytes a load-exclusive (LDXR, LDAXR, LDXP, LDAXP) or store-exclusive accesses; 0 for any
// other word.
unsigned LoadExclusiveSize(std::uint32_t word);
unsigned StoreExclusiveSize(std::uint32_t word);

// STXR, STLXR, STXP, STLXP.
bool IsStoreExclusive(std::uint32_t word);

// The V registers (bit n: Vn) a SIMD&FP load (LDR, LDP, LD1-LD4, LD1R-LD4R...) writes; 0 for
// any other word. They are UNKNOWN after the load takes a Data Abort part-way (Arm ARM): QEMU
// writes those it loaded before the fault, libsae none.
std::uint32_t VectorRegistersLoaded(std::uint32_t word);

// The value of the base register (bits 9:5; 31 is SP) of a load or store `word` in `x`/`sp`.
std::uint64_t BaseRegisterValue(std::uint32_t word, std::span<const std::uint64_t, 31> x,
                                std::uint64_t sp);

}  // namespace sae::fuzz
