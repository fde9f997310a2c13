#include "unicorn_reference.h"

namespace sae::fuzz {
namespace {

// QEMU's exception numbers, as Unicorn's interrupt hook reports them (target/arm/cpu.h).
constexpr std::uint32_t kExceptionUndefined = 1;
constexpr std::uint32_t kExceptionDataAbort = 4;
constexpr std::uint32_t kExceptionPrefetchAbort = 3;

int UnicornX(int n) {
  if (n < 29) return UC_ARM64_REG_X0 + n;
  return n == 29 ? UC_ARM64_REG_X29 : UC_ARM64_REG_X30;
}

void RecordInterrupt(uc_engine* uc, std::uint32_t number, void* user_data) {
  *static_cast<std::uint32_t*>(user_data) = number;
  uc_emu_stop(uc);
}

}  // namespace

UnicornReference::UnicornReference() {
  // The "max" model has every extension libsae implements (LSE, flag manipulation); the
  // default Cortex-A72 lacks them.
  if (uc_open(UC_ARCH_ARM64, UC_MODE_ARM, &uc_) != UC_ERR_OK ||
      uc_ctl_set_cpu_model(uc_, UC_CPU_ARM64_MAX) != UC_ERR_OK ||
      uc_hook_add(uc_, &interrupt_hook_, UC_HOOK_INTR, reinterpret_cast<void*>(RecordInterrupt),
                  &interrupt_number_, 1, 0) != UC_ERR_OK) {
    error_ = "cannot open a Unicorn arm64 engine";
    return;
  }
  // EL0 as a Linux process sees it, and as libsae's user mode implements it: cache type, cache
  // maintenance and DC ZVA accessible (UCT, UCI, DZE); no alignment checks on SP or ordinary
  // accesses (SA0, A); pointer authentication keys off, so PAC hints are NOPs.
  constexpr std::uint64_t kUci = 1ull << 26, kUct = 1ull << 15, kDze = 1ull << 14;
  constexpr std::uint64_t kSa0 = 1ull << 4, kA = 1ull << 1;
  constexpr std::uint64_t kEnIa = 1ull << 31, kEnIb = 1ull << 30, kEnDa = 1ull << 27,
                          kEnDb = 1ull << 13;
  uc_arm64_cp_reg sctlr_el1 = {1, 0, 3, 0, 0, 0};
  if (uc_reg_read(uc_, UC_ARM64_REG_CP_REG, &sctlr_el1) != UC_ERR_OK) {
    error_ = "cannot read Unicorn's SCTLR_EL1";
    return;
  }
  sctlr_el1.val =
      (sctlr_el1.val | kUci | kUct | kDze) & ~(kSa0 | kA | kEnIa | kEnIb | kEnDa | kEnDb);
  if (uc_reg_write(uc_, UC_ARM64_REG_CP_REG, &sctlr_el1) != UC_ERR_OK) {
    error_ = "cannot write Unicorn's SCTLR_EL1";
  }
}

UnicornReference::~UnicornReference() {
  if (uc_ != nullptr) uc_close(uc_);
}

bool UnicornReference::MapWindow(std::uint64_t base, std::uint64_t size) {
  if (base == mapped_base_ && size == mapped_size_) return true;
  if (mapped_size_ != 0) uc_mem_unmap(uc_, mapped_base_, mapped_size_);
  mapped_size_ = 0;
  if (uc_mem_map(uc_, base, size, UC_PROT_ALL) != UC_ERR_OK) return false;
  mapped_base_ = base;
  mapped_size_ = size;
  return true;
}

// Register widths follow Unicorn's: NZCV, PSTATE, FPCR and FPSR are 32-bit (a 64-bit buffer is
// misread on big-endian hosts, or written as 0); a Q register is two host-order 64-bit halves,
// the low one first, as VectorRegister is.
void UnicornReference::WriteRegisters(const Registers& registers) {
  // EL0 with SP_EL0 (PSTATE.M = 0), before SP is written: SP names the current stack pointer.
  const std::uint32_t pstate = static_cast<std::uint32_t>(registers.nzcv) & 0xf0000000;
  uc_reg_write(uc_, UC_ARM64_REG_PSTATE, &pstate);
  for (int n = 0; n < 31; ++n) uc_reg_write(uc_, UnicornX(n), &registers.x[n]);
  uc_reg_write(uc_, UC_ARM64_REG_SP, &registers.sp);
  uc_reg_write(uc_, UC_ARM64_REG_TPIDR_EL0, &registers.tpidr_el0);
  for (int n = 0; n < 32; ++n) uc_reg_write(uc_, UC_ARM64_REG_Q0 + n, registers.v[n].data());
  uc_reg_write(uc_, UC_ARM64_REG_FPCR, &registers.fpcr);
  uc_reg_write(uc_, UC_ARM64_REG_FPSR, &registers.fpsr);
}

Registers UnicornReference::ReadRegisters() {
  Registers registers;
  for (int n = 0; n < 31; ++n) uc_reg_read(uc_, UnicornX(n), &registers.x[n]);
  uc_reg_read(uc_, UC_ARM64_REG_SP, &registers.sp);
  std::uint32_t nzcv = 0;
  uc_reg_read(uc_, UC_ARM64_REG_NZCV, &nzcv);
  registers.nzcv = nzcv & 0xf0000000;
  uc_reg_read(uc_, UC_ARM64_REG_TPIDR_EL0, &registers.tpidr_el0);
  for (int n = 0; n < 32; ++n) uc_reg_read(uc_, UC_ARM64_REG_Q0 + n, registers.v[n].data());
  uc_reg_read(uc_, UC_ARM64_REG_FPCR, &registers.fpcr);
  uc_reg_read(uc_, UC_ARM64_REG_FPSR, &registers.fpsr);
  return registers;
}

Outcome UnicornReference::Run(const Case& c) {
  Outcome outcome;
  outcome.registers = c.in;
  outcome.pc = c.code_address;
  outcome.stop = Stop::kTimeout;
  if (!error_.empty() || !MapWindow(c.window_base, c.window_size)) return outcome;

  // Unicorn keeps its exclusive monitor between runs; a case starts with none (CLREX).
  const std::uint8_t clrex[4] = {0x5f, 0x3f, 0x03, 0xd5};
  uc_mem_write(uc_, c.code_address, clrex, sizeof clrex);
  uc_ctl_remove_cache(uc_, c.code_address, c.code_address + 4);
  uc_emu_start(uc_, c.code_address, 0, 0, 1);

  const std::vector<std::uint8_t> initial = InitialWindow(c);
  uc_mem_write(uc_, c.window_base, initial.data(), initial.size());
  // uc_mem_write does not drop translated code (variadic: 64-bit arguments).
  uc_ctl_remove_cache(uc_, c.window_base, c.window_base + c.window_size);
  WriteRegisters(c.in);

  std::uint64_t pc = c.code_address;
  for (std::uint64_t step = 0; step < kStepLimit; ++step) {
    // A branch to a misaligned address takes a PC alignment fault there (Arm ARM); Unicorn
    // 2.0.1 (QEMU 5) has no such check and runs the bytes from there.
    if (pc % 4 != 0) {
      outcome.stop = Stop::kFault;
      outcome.pc = pc;
      break;
    }
    interrupt_number_ = 0;
    // One instruction. `until` must differ from `pc` (Unicorn runs nothing when they are equal,
    // as they would be for a case at address 0 with until = 0) and be no instruction address.
    const uc_err error = uc_emu_start(uc_, pc, pc + 1, 0, 1);
    if (error == UC_ERR_OK && interrupt_number_ == 0) {
      uc_reg_read(uc_, UC_ARM64_REG_PC, &pc);
      continue;
    }
    // The step did not complete: the state is as before the instruction at `pc` — or, when
    // the next instruction could not be fetched, as after this one, with the PC at the target.
    if (error == UC_ERR_FETCH_UNMAPPED || error == UC_ERR_FETCH_PROT) {
      uc_reg_read(uc_, UC_ARM64_REG_PC, &pc);
    }
    outcome.pc = pc;
    switch (interrupt_number_) {
      case 0:
        outcome.stop = Stop::kFault;
        break;  // unmapped fetch, read or write
      case kExceptionDataAbort:
      case kExceptionPrefetchAbort:
        outcome.stop = Stop::kFault;
        break;
      case kExceptionUndefined: {
        std::uint8_t bytes[4] = {};
        uc_mem_read(uc_, pc, bytes, sizeof bytes);
        const std::uint32_t word =
            bytes[0] | bytes[1] << 8 | bytes[2] << 16 | static_cast<std::uint32_t>(bytes[3]) << 24;
        outcome.stop = word == kStopWord ? Stop::kStop : Stop::kUndefined;
        break;
      }
      default:
        outcome.stop = Stop::kException;
        break;  // SVC, BRK
    }
    break;
  }
  if (outcome.stop == Stop::kTimeout) outcome.pc = pc;
  outcome.registers = ReadRegisters();
  std::vector<std::uint8_t> final_window(c.window_size);
  uc_mem_read(uc_, c.window_base, final_window.data(), final_window.size());
  outcome.writes = WrittenRuns(initial, final_window, c.window_base);
  return outcome;
}

}  // namespace sae::fuzz
