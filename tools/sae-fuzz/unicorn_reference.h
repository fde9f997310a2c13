// Unicorn 2 as a reference arm64 CPU for trace cases: the guest runs at EL0 like libsae's
// user-mode guests, one instruction per step, so a fault or exception is attributed to the
// exact instruction that took it. Portable (Unicorn and trace.h only): it runs inside the
// host-native sae-fuzz-reference program and, as a fallback, inside sae-fuzz on s390x.
#pragma once

#include <unicorn/unicorn.h>

#include <cstdint>
#include <string>

#include "trace.h"

namespace sae::fuzz {

class UnicornReference {
 public:
  // Instructions a case may execute before it is reported as `timeout`.
  static constexpr std::uint64_t kStepLimit = 10000;

  UnicornReference();
  ~UnicornReference();
  UnicornReference(const UnicornReference&) = delete;
  UnicornReference& operator=(const UnicornReference&) = delete;

  // Empty when the engine is ready, else why not.
  const std::string& error() const { return error_; }

  // Runs `c` from its initial state and returns what it ended with.
  Outcome Run(const Case& c);

 private:
  bool MapWindow(std::uint64_t base, std::uint64_t size);
  void WriteRegisters(const Registers& registers);
  Registers ReadRegisters();

  uc_engine* uc_ = nullptr;
  uc_hook interrupt_hook_ = 0;
  std::uint32_t interrupt_number_ = 0;  // QEMU's exception number in the current step, 0: none
  std::uint64_t mapped_base_ = 0;
  std::uint64_t mapped_size_ = 0;
  std::string error_;
};

}  // namespace sae::fuzz
