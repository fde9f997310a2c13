// Where the generated code finds guest state, relative to kStateRegister. The runtime fills this
// in from its own structures (and static_asserts what is fixed by the public ABI).
#pragma once

#include <cstdint>

namespace sae::backend::s390x {

struct StateLayout {
  std::int32_t x0;          // X[n] at x0 + 8 * n, 64-bit
  std::int32_t sp;          // the stack pointer of the current EL, 64-bit
  std::int32_t pc;          // 64-bit
  std::int32_t pstate;      // 64-bit; NZCV in bits 31:28
  std::int32_t intercept;   // 32-bit intercept code
  std::int32_t esr;         // 64-bit syndrome
  std::int32_t far;         // 64-bit fault address
  std::int32_t check_bit;   // 32-bit, for CheckBit terminals
  std::int32_t kick;        // 32-bit, non-zero: leave at the next block link
  std::int32_t memory_base; // 64-bit host address of guest address 0, loaded into kMemoryBase
  std::int32_t memory_size; // 64-bit, loaded into kMemoryLimit
  std::int32_t not_translated; // 64-bit count of NotTranslated exceptions raised
  std::int32_t tpidr_el0;    // 64-bit
  std::int32_t tpidrro_el0;  // 64-bit
  std::int32_t fpcr;         // 32-bit
  std::int32_t fpsr;         // 32-bit
  std::int32_t invalidate;   // 64-bit: address of a requested code invalidation, ~0 for none
  std::int32_t exclusive_address;   // 64-bit: the exclusive monitor's address, ~0 for none
  std::int32_t exclusive_contents;  // 16 bytes: the raw memory contents the monitor recorded
  std::int32_t atomic_scratch;      // 64 bytes: workspace of the atomic emitters
  std::int32_t page_flags;          // 64-bit host address of one flag byte per 4 KiB guest page
  std::int32_t jump_cache;          // 64-bit host address of the indirect branch table
  std::int32_t vector;       // V[n] at vector + 16 * n: bits 63:0, then 127:64 (64-bit each);
                             // n = 32-35 is the interpreter's staging area
  std::int32_t interpreter;  // 64-bit host address of the interpreter call (below)
  std::int32_t call_save;    // 32 bytes: r2-r5 while the interpreter runs
};

// The interpreter call generated code makes for an Interpret operation, with the s390x ELF
// ABI: r2 = the state register, r3 = the instruction word, r4 = its a64.inc encoding number.
// It returns 0 in r2 when the instruction was carried out; anything else means UNDEFINED.
using InterpreterCall = std::uint32_t (*)(void* state, std::uint32_t word, std::uint32_t encoding);

// The indirect branch table: kJumpCacheEntries pairs of 64-bit guest PC and host code address,
// indexed by bits 2 and up of the PC. The run loop fills it; generated code looks targets up in
// it instead of leaving. An entry that does not describe a block holds the exit thunk.
inline constexpr unsigned kJumpCacheBits = 12;
inline constexpr unsigned kJumpCacheEntries = 1u << kJumpCacheBits;
inline constexpr std::uint64_t JumpCacheIndex(std::uint64_t pc) {
  return (pc >> 2) & (kJumpCacheEntries - 1);
}

// Intercept codes and syndromes the generated code stores (the public API's values).
inline constexpr std::uint32_t kInterceptHostAccess = 2;
inline constexpr std::uint32_t kInterceptSyncException = 3;
// Internal, never returned by sae_run(): an access to a page whose flags the block checks. The
// run loop finds the access in far (address), esr (size | write << 8) and pc (the instruction).
inline constexpr std::uint32_t kInterceptPageAccess = 0x100;
inline constexpr unsigned kGuestPageShift = 12;

// What the generated code checks beyond the memory window: an access to a page with any of
// these flags leaves the block before it happens (the run loop decides what the flag means).
struct CodegenOptions {
  std::uint8_t load_page_flags = 0;
  std::uint8_t store_page_flags = 0;
  // TCR_EL1.TBI0 (and not TBID0), as Linux sets it for EL0: data addresses and branch targets
  // have their top byte replaced by copies of bit 55.
  bool top_byte_ignore = false;
};

}  // namespace sae::backend::s390x
