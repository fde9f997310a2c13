#include "libsae_runner.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace sae::fuzz {
namespace {

std::uint32_t ExceptionClass(std::uint64_t esr) {
  return static_cast<std::uint32_t>(esr >> 26) & 0x3f;
}

}  // namespace

void LibsaeRunner::FreeMemory::operator()(std::uint8_t* memory) const { std::free(memory); }

LibsaeRunner::LibsaeRunner(unsigned timeout_ms, std::uint32_t extra_vm_flags)
    : extra_vm_flags_(extra_vm_flags), timeout_ms_(timeout_ms), watchdog_([this] { Watch(); }) {}

LibsaeRunner::~LibsaeRunner() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  watchdog_.join();
  DestroyVm();
}

void LibsaeRunner::Watch() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (run_generation_ % 2 == 0) {
      wake_.wait(lock);
      continue;
    }
    const std::uint64_t generation = run_generation_;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms_);
    wake_.wait_until(lock, deadline, [&] { return stopping_ || run_generation_ != generation; });
    if (!stopping_ && run_generation_ == generation) {
      kicked_ = true;
      sae_kick(vcpu_);
      wake_.wait(lock, [&] { return stopping_ || run_generation_ != generation; });
    }
  }
}

void LibsaeRunner::DestroyVm() {
  if (vcpu_ != nullptr) sae_vcpu_destroy(vcpu_);
  if (vm_ != nullptr) sae_vm_destroy(vm_);
  vcpu_ = nullptr;
  vm_ = nullptr;
  memory_.reset();
}

bool LibsaeRunner::CreateVm(std::uint64_t window_base, std::uint64_t window_size) {
  DestroyVm();
  const std::uint64_t size = window_base + window_size;
  memory_.reset(static_cast<std::uint8_t*>(std::aligned_alloc(4096, (size + 4095) & ~4095ull)));
  if (!memory_) {
    error_ = "cannot allocate guest memory";
    return false;
  }
  std::memset(memory_.get(), 0, size);
  sae_vm_config config{};
  config.api_version = SAE_API_VERSION;
  config.flags = SAE_VM_USER_MODE | extra_vm_flags_;
  config.memory = memory_.get();
  config.memory_size = size;
  const sae_mmio_region below_window = {0, window_base};
  if (window_base != 0) {
    config.mmio_regions = &below_window;
    config.mmio_region_count = 1;
  }
  if (sae_vm_create(&config, &vm_) != 0 || sae_vcpu_create(vm_, &vcpu_) != 0) {
    error_ = "cannot create a libsae VM and vCPU";
    return false;
  }
  window_base_ = window_base;
  window_size_ = window_size;
  return true;
}

LibsaeResult LibsaeRunner::Run(const Case& c) {
  LibsaeResult result;
  result.outcome.registers = c.in;
  result.outcome.pc = c.code_address;
  result.outcome.stop = Stop::kTimeout;
  if ((c.window_base != window_base_ || c.window_size != window_size_ || vcpu_ == nullptr) &&
      !CreateVm(c.window_base, c.window_size)) {
    result.intercept = error_;
    return result;
  }
  const std::vector<std::uint8_t> initial = InitialWindow(c);
  std::uint8_t* window = memory_.get() + c.window_base;
  std::memcpy(window, initial.data(), initial.size());
  sae_vcpu_invalidate_code(vcpu_, c.window_base, c.window_size);

  sae_control_block* cb = sae_vcpu_control_block(vcpu_);
  for (std::size_t n = 0; n < c.in.x.size(); ++n) cb->x[n] = c.in.x[n];
  cb->sp_el0 = c.in.sp;
  cb->pstate = c.in.nzcv & 0xf0000000;  // EL0, SP_EL0
  cb->tpidr_el0 = c.in.tpidr_el0;
  cb->tpidrro_el0 = 0;
  for (std::size_t n = 0; n < c.in.v.size(); ++n) {
    cb->v[n][0] = c.in.v[n][0];
    cb->v[n][1] = c.in.v[n][1];
  }
  cb->fpcr = c.in.fpcr;
  cb->fpsr = c.in.fpsr;
  cb->pc = c.code_address;

  sae_vcpu_statistics before{}, after{};
  sae_vcpu_stats(vcpu_, &before);
  {
    std::lock_guard lock(mutex_);
    ++run_generation_;
    kicked_ = false;
  }
  wake_.notify_all();
  int intercept = sae_run(vcpu_);
  while (intercept == SAE_INTERCEPT_NONE) intercept = sae_run(vcpu_);
  bool kicked = false;
  {
    std::lock_guard lock(mutex_);
    ++run_generation_;
    kicked = kicked_;
  }
  wake_.notify_all();
  sae_vcpu_stats(vcpu_, &after);
  result.not_translated = after.not_translated != before.not_translated;

  Outcome& out = result.outcome;
  for (std::size_t n = 0; n < out.registers.x.size(); ++n) out.registers.x[n] = cb->x[n];
  out.registers.sp = cb->sp_el0;
  out.registers.nzcv = cb->pstate & 0xf0000000;
  out.registers.tpidr_el0 = cb->tpidr_el0;
  for (std::size_t n = 0; n < out.registers.v.size(); ++n) {
    out.registers.v[n] = {cb->v[n][0], cb->v[n][1]};
  }
  out.registers.fpcr = cb->fpcr;
  out.registers.fpsr = cb->fpsr;
  out.pc = cb->pc;
  result.far = cb->far;
  const std::uint32_t ec = ExceptionClass(cb->esr);
  char text[160];
  std::snprintf(text, sizeof text, "intercept %d, esr %llx (EC %#x), far %llx, pc %llx", intercept,
                static_cast<unsigned long long>(cb->esr), ec,
                static_cast<unsigned long long>(cb->far), static_cast<unsigned long long>(cb->pc));
  result.intercept = text;
  switch (intercept) {
    case SAE_INTERCEPT_HOST_ACCESS:
      out.stop = Stop::kFault;
      break;
    case SAE_INTERCEPT_SYNC_EXCEPTION:
      switch (ec) {
        case SAE_EC_UNKNOWN: {
          std::uint32_t word = 0;
          if (out.pc >= c.window_base && out.pc - c.window_base + 4 <= c.window_size) {
            const std::uint8_t* bytes = window + (out.pc - c.window_base);
            word = bytes[0] | bytes[1] << 8 | bytes[2] << 16 |
                   static_cast<std::uint32_t>(bytes[3]) << 24;
          }
          out.stop = word == kStopWord ? Stop::kStop : Stop::kUndefined;
          break;
        }
        // The control block's pc is the next instruction after these; a trace names the
        // instruction itself.
        case SAE_EC_SVC64:
        case SAE_EC_HVC64:
        case SAE_EC_SMC64:
          out.pc -= 4;
          out.stop = Stop::kException;
          break;
        case SAE_EC_BRK64:
          out.stop = Stop::kException;
          break;
        // A system register EL0 may not access: UNDEFINED at EL0 on the references.
        case SAE_EC_SYS64:
          out.stop = Stop::kUndefined;
          break;
        default:
          out.stop = Stop::kFault;
          break;  // aborts, alignment faults
      }
      break;
    case SAE_INTERCEPT_STOP:
      out.stop = kicked ? Stop::kTimeout : Stop::kUndefined;
      break;
    default:
      out.stop = Stop::kUndefined;
      break;  // validity, errors: never a match
  }
  std::vector<std::uint8_t> final_window(window, window + c.window_size);
  out.writes = WrittenRuns(initial, final_window, c.window_base);
  return result;
}

}  // namespace sae::fuzz
