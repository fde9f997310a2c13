// Runs trace cases on libsae through its public C API only, as a VMM would: guest memory from 0
// to the window's end, everything below the window an MMIO region (so accesses there intercept
// as they fault on the references), a user-mode vCPU started at the case's code.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "sae/sae.h"
#include "trace.h"

namespace sae::fuzz {

struct LibsaeResult {
  Outcome outcome;
  std::string intercept;        // the intercept and syndrome as libsae reported them, for reports
  std::uint64_t far = 0;        // the faulting address of an abort
  bool not_translated = false;  // libsae raised UNDEFINED for an encoding it does not translate
};

class LibsaeRunner {
 public:
  // A case still running after `timeout_ms` of wall time is kicked and reported as `timeout`.
  // `extra_vm_flags`: SAE_VM_DUMP_* for listings of the translated blocks on stderr.
  explicit LibsaeRunner(unsigned timeout_ms, std::uint32_t extra_vm_flags = 0);
  ~LibsaeRunner();
  LibsaeRunner(const LibsaeRunner&) = delete;
  LibsaeRunner& operator=(const LibsaeRunner&) = delete;

  // Empty when the VM is ready, else why not.
  const std::string& error() const { return error_; }

  LibsaeResult Run(const Case& c);

 private:
  bool CreateVm(std::uint64_t window_base, std::uint64_t window_size);
  void DestroyVm();
  void Watch();

  struct FreeMemory {
    void operator()(std::uint8_t* memory) const;
  };
  std::unique_ptr<std::uint8_t, FreeMemory> memory_;
  std::uint64_t window_base_ = 0;
  std::uint64_t window_size_ = 0;
  sae_vm* vm_ = nullptr;
  sae_vcpu* vcpu_ = nullptr;
  std::string error_;
  std::uint32_t extra_vm_flags_;

  // The watchdog: kicks the vCPU when a run outlives its deadline.
  unsigned timeout_ms_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::uint64_t run_generation_ = 0;  // odd while a case runs
  bool kicked_ = false;
  bool stopping_ = false;
  std::thread watchdog_;
};

}  // namespace sae::fuzz
