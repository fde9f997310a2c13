// The differential-testing harness shared by the single-instruction and block tests: guest
// state, the two implementations behind one shape (Unicorn 2 in-process, libsae through its C
// API), random values and instruction words, and the known reference bugs to steer around.
// Guest memory is random data below kData and SVC #0 words above, so libsae stops right after
// the code under test (or at a branch target there).
#pragma once

#include <unicorn/unicorn.h>

#include <bit>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "frontend/arm64/decoder/decoder.h"
#include "reference_bugs.h"
#include "sae/sae.h"

namespace sae::test::diff {

using frontend::arm64::A64Encodings;
using frontend::arm64::DecodeEncoding;
using frontend::arm64::EncodingGroup;
using frontend::arm64::EncodingInfo;
using frontend::arm64::GroupOf;

inline constexpr std::uint64_t kMemorySize = 64 * 1024;
inline constexpr std::uint64_t kData = 0x4000;  // [0, kData) random bytes, the rest SVC #0 words
inline constexpr std::uint64_t kCode = 0x8000;
inline constexpr std::uint32_t kSvc0 = 0xd4000001;

inline unsigned EnvOr(const char* name, unsigned fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? static_cast<unsigned>(std::strtoul(value, nullptr, 0)) : fallback;
}

struct State {
  std::uint64_t x[31];
  std::uint64_t sp;
  std::uint32_t nzcv;  // bits 31:28
  std::uint64_t pc;
  std::uint64_t tpidr_el0;
};

inline int UnicornX(int n) {
  if (n < 29) return UC_ARM64_REG_X0 + n;
  return n == 29 ? UC_ARM64_REG_X29 : UC_ARM64_REG_X30;
}

class Unicorn {
 public:
  // `cpu_model`: a UC_CPU_ARM64_* model, or -1 for Unicorn's default (which lacks LSE).
  explicit Unicorn(int cpu_model = -1) {
    ok_ = uc_open(UC_ARCH_ARM64, UC_MODE_ARM, &uc_) == UC_ERR_OK &&
          (cpu_model < 0 || uc_ctl_set_cpu_model(uc_, cpu_model) == UC_ERR_OK) &&
          uc_mem_map(uc_, 0, kMemorySize, UC_PROT_ALL) == UC_ERR_OK;
  }
  ~Unicorn() {
    if (uc_ != nullptr) uc_close(uc_);
  }
  bool ok() const { return ok_; }
  // Runs from kCode: one instruction, or up to `end` when given. `memory` in, memory out.
  // UC_ERR_OK, or why Unicorn stopped early (a memory fault leaves the state as at the fault).
  uc_err Run(std::vector<std::uint8_t>& memory, State& state, bool clear_monitor = false,
             std::uint64_t end = 0) {
    if (clear_monitor) {
      // Unicorn keeps its exclusive monitor from earlier cases; sae_run() starts with none.
      const std::uint8_t clrex[4] = {0x5f, 0x3f, 0x03, 0xd5};
      uc_mem_write(uc_, kCode, clrex, sizeof clrex);
      uc_ctl_remove_cache(uc_, std::uint64_t{0}, static_cast<std::uint64_t>(kMemorySize));
      if (const uc_err error = uc_emu_start(uc_, kCode, 0, 0, 1); error != UC_ERR_OK) return error;
    }
    uc_mem_write(uc_, 0, memory.data(), memory.size());
    uc_ctl_remove_cache(uc_, std::uint64_t{0}, static_cast<std::uint64_t>(kMemorySize));
    for (int n = 0; n < 31; ++n) uc_reg_write(uc_, UnicornX(n), &state.x[n]);
    uc_reg_write(uc_, UC_ARM64_REG_SP, &state.sp);
    uc_reg_write(uc_, UC_ARM64_REG_NZCV, &state.nzcv);
    uc_reg_write(uc_, UC_ARM64_REG_TPIDR_EL0, &state.tpidr_el0);
    const std::uint64_t timeout_us = 1000000;
    const uc_err error =
        uc_emu_start(uc_, kCode, end, end != 0 ? timeout_us : 0, end != 0 ? 0 : 1);
    for (int n = 0; n < 31; ++n) uc_reg_read(uc_, UnicornX(n), &state.x[n]);
    uc_reg_read(uc_, UC_ARM64_REG_SP, &state.sp);
    uc_reg_read(uc_, UC_ARM64_REG_NZCV, &state.nzcv);
    uc_reg_read(uc_, UC_ARM64_REG_PC, &state.pc);
    uc_reg_read(uc_, UC_ARM64_REG_TPIDR_EL0, &state.tpidr_el0);
    state.nzcv &= 0xf0000000;
    uc_mem_read(uc_, 0, memory.data(), memory.size());
    return error;
  }

 private:
  uc_engine* uc_ = nullptr;
  bool ok_ = false;
};

class Libsae {
 public:
  Libsae() : memory_(kMemorySize) {
    sae_vm_config config{};
    config.api_version = SAE_API_VERSION;
    config.flags = SAE_VM_USER_MODE;
    config.memory = memory_.data();
    config.memory_size = memory_.size();
    ok_ = sae_vm_create(&config, &vm_) == 0 && sae_vcpu_create(vm_, &vcpu_) == 0;
  }
  ~Libsae() {
    sae_vcpu_destroy(vcpu_);
    sae_vm_destroy(vm_);
  }
  bool ok() const { return ok_; }
  // Runs from kCode until an intercept: `memory` in, memory out; returns the intercept code.
  // state.pc is the next instruction after an SVC stop, else where the guest stopped.
  int Run(std::vector<std::uint8_t>& memory, State& state) {
    memory_ = memory;
    sae_vcpu_invalidate_code(vcpu_, 0, kMemorySize);
    sae_control_block* cb = sae_vcpu_control_block(vcpu_);
    for (int n = 0; n < 31; ++n) cb->x[n] = state.x[n];
    cb->sp_el0 = state.sp;
    cb->pstate = state.nzcv;
    cb->tpidr_el0 = state.tpidr_el0;
    cb->pc = kCode;
    const int intercept = sae_run(vcpu_);
    for (int n = 0; n < 31; ++n) state.x[n] = cb->x[n];
    state.sp = cb->sp_el0;
    state.nzcv = static_cast<std::uint32_t>(cb->pstate) & 0xf0000000;
    state.tpidr_el0 = cb->tpidr_el0;
    // After the instruction came an SVC (resume address + 4), or a fetch outside memory or a PC
    // alignment fault, both reported at the next PC itself.
    const bool pc_alignment = (cb->esr >> 26) == SAE_EC_PC_ALIGNMENT;
    state.pc = intercept == SAE_INTERCEPT_SYNC_EXCEPTION && !pc_alignment ? cb->pc - 4 : cb->pc;
    memory = memory_;
    last_esr_ = cb->esr;
    return intercept;
  }
  std::uint64_t last_esr() const { return last_esr_; }

 private:
  std::vector<std::uint8_t> memory_;
  sae_vm* vm_ = nullptr;
  sae_vcpu* vcpu_ = nullptr;
  bool ok_ = false;
  std::uint64_t last_esr_ = 0;
};

// One Unicorn engine per CPU model for the whole process: Unicorn's s390x build segfaults when
// engines are opened and closed repeatedly (the third uc_open after a uc_close crashes under
// qemu-s390x; reproduced with a 15-line program), so tests share these instead.
inline Unicorn& DefaultUnicorn() {
  static Unicorn* engine = new Unicorn();
  return *engine;
}
inline Unicorn& MaxUnicorn() {  // only where NeedsMaxModel: "max" also has PAC
  static Unicorn* engine = new Unicorn(UC_CPU_ARM64_MAX);
  return *engine;
}

inline bool IsMemoryFault(uc_err error) {
  return error == UC_ERR_READ_UNMAPPED || error == UC_ERR_WRITE_UNMAPPED;
}

inline void StoreWord(std::vector<std::uint8_t>& memory, std::uint64_t address, std::uint32_t word) {
  for (int b = 0; b < 4; ++b) memory[address + b] = static_cast<std::uint8_t>(word >> (8 * b));
}

inline std::uint64_t InterestingValue(std::mt19937_64& random) {
  static constexpr std::uint64_t kSpecial[] = {0, 1, 2, ~0ull, 0x7fffffffffffffff, 0x8000000000000000,
                                               0xffffffff, 0x80000000, 0x7fffffff, 0x100000000, kCode,
                                               kMemorySize - 8};
  switch (random() % 4) {
    case 0: return kSpecial[random() % std::size(kSpecial)];
    case 1: return random() % 4096;
    case 2: return random() % (random() % 2 ? kData : kMemorySize);  // addresses in memory
    default: return random();
  }
}

// Known Unicorn bugs, and registers whose values rightly differ between implementations: one
// list with its evidence, shared with sae-fuzz (tools/sae-fuzz/reference_bugs.h). Unicorn runs
// in-process here, so on s390x its big-endian bugs apply too.
using fuzz::IsStoreExclusive;
using fuzz::ReadsImplementationDefinedRegister;
inline bool UnicornGetsWrong(std::uint32_t word, std::optional<std::uint64_t> base,
                             bool in_longer_block) {
  return fuzz::UnicornBugAffecting(word, base, std::endian::native == std::endian::big,
                                   in_longer_block) != nullptr;
}

// SIMD&FP instructions (data processing, and loads/stores of V registers: bit 26 of the load/
// store group): this harness has no V registers, so they are sae-fuzz's (fp, simd, crypto
// classes) and tests/diff/inline_simd_test.cpp's to check.
inline bool UsesSimdFpRegisters(const frontend::arm64::EncodingInfo& info) {
  using frontend::arm64::EncodingGroup;
  const EncodingGroup group = frontend::arm64::GroupOf(info.expected);
  return group == EncodingGroup::DataProcessingFpSimd ||
         (group == EncodingGroup::LoadStore && ((info.expected >> 26) & 1) != 0);
}

// Extensions Unicorn's default CPU model (Cortex-A72) lacks, which its "max" model has: LSE and
// flag manipulation (FEAT_FlagM, FEAT_FlagM2).
inline bool NeedsMaxModel(frontend::arm64::Encoding encoding) {
  using frontend::arm64::Encoding;
  switch (encoding) {
    case Encoding::CAS: case Encoding::CASP: case Encoding::LDADD: case Encoding::LDCLR:
    case Encoding::LDEOR: case Encoding::LDSET: case Encoding::LDSMAX: case Encoding::LDSMIN:
    case Encoding::LDUMAX: case Encoding::LDUMIN: case Encoding::SWP:
    case Encoding::RMIF: case Encoding::SETF8: case Encoding::SETF16: case Encoding::CFINV:
    case Encoding::AXFLAG:
    case Encoding::XAFLAG:
      return true;
    default:
      return false;
  }
}
inline std::string Describe(const State& s) {
  std::string text;
  char line[64];
  for (int n = 0; n < 31; ++n) {
    std::snprintf(line, sizeof line, "x%d=%llx ", n, static_cast<unsigned long long>(s.x[n]));
    text += line;
  }
  std::snprintf(line, sizeof line, "sp=%llx nzcv=%x pc=%llx tpidr=%llx",
                static_cast<unsigned long long>(s.sp), s.nzcv >> 28,
                static_cast<unsigned long long>(s.pc), static_cast<unsigned long long>(s.tpidr_el0));
  return text + line;
}

// A random instance of `info`, fields with zero and all-ones overrepresented (edge cases like
// SUBS #0), that decodes back to it.
inline std::uint32_t RandomWord(const frontend::arm64::EncodingInfo& info, std::mt19937_64& random) {
  std::uint32_t word = 0;
  do {
    word = info.expected | (static_cast<std::uint32_t>(random()) & ~info.mask);
    for (std::size_t f = 0; f < info.field_count; ++f) {
      const auto& field = info.fields[f];
      const std::uint32_t bits = ((1u << field.width) - 1) << field.shift;
      const unsigned choice = random() % 8;
      if (choice < 2) word &= ~bits;
      if (choice == 2) word |= bits;
    }
  } while (frontend::arm64::DecodeEncoding(word) != info.encoding);
  return word;
}

// Memory every case starts from: random data, then SVC #0 words.
inline std::vector<std::uint8_t> PristineMemory(std::mt19937_64& random) {
  std::vector<std::uint8_t> memory(kMemorySize);
  for (std::uint64_t a = 0; a < kData; ++a) memory[a] = static_cast<std::uint8_t>(random());
  for (std::uint64_t a = kData; a < kMemorySize; a += 4) StoreWord(memory, a, kSvc0);
  return memory;
}

// The first differing byte of guest memory, as a line for a failure report ("" if none).
inline std::string MemoryDifference(const std::vector<std::uint8_t>& ours,
                                    const std::vector<std::uint8_t>& theirs) {
  for (std::uint64_t a = 0; a < ours.size(); ++a) {
    if (ours[a] != theirs[a]) {
      char note[96];
      std::snprintf(note, sizeof note, "\n memory differs first at %llx: unicorn %02x libsae %02x",
                    static_cast<unsigned long long>(a), theirs[a], ours[a]);
      return note;
    }
  }
  return "";
}

inline bool SameState(const State& a, const State& b) {
  return std::equal(std::begin(a.x), std::end(a.x), std::begin(b.x)) && a.sp == b.sp &&
         a.nzcv == b.nzcv && a.pc == b.pc && a.tpidr_el0 == b.tpidr_el0;
}

}  // namespace sae::test::diff
