// Runs arm64 code on the CPU this process runs on (real arm64 hardware, or qemu-aarch64), one case
// at a time, inside a fixed guest memory window, and captures the final state from the signal that
// ends it — the reference "arm64" of the differential fuzzer (docs/trace-format.md).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "trace.h"

namespace sae::fuzz::arm64_runner {

// One per process: it owns the window mapping, the signal handlers and the alternate signal stack.
class NativeExecutor {
 public:
  // Maps [base, base + size) readable, writable and executable at exactly that address, or exits
  // with a one-line error. `timeout_ms`: CPU time a case may take before it counts as `timeout`.
  NativeExecutor(std::uint64_t base, std::uint64_t size, unsigned timeout_ms);
  NativeExecutor(const NativeExecutor&) = delete;
  NativeExecutor& operator=(const NativeExecutor&) = delete;

  // The window's memory. Fill it, then Run(); afterwards it holds what the case left there.
  std::span<std::uint8_t> window() const { return {reinterpret_cast<std::uint8_t*>(base_), size_}; }

  // Executes from `entry` with every register from `in` until the code stops (a signal): the
  // outcome without its writes. The window's contents are the case's memory; the instruction
  // cache is synchronised first. SVC never runs: it stops the case with `exception` at its
  // address, the state as before it. (A load of an SVC word reads BRK #0x5ae instead.)
  Outcome Run(std::uint64_t entry, const Registers& in);

 private:
  struct ReplacedWord {
    std::size_t index;
    std::uint32_t word;
  };

  std::uint64_t base_;
  std::uint64_t size_;
  std::vector<ReplacedWord> svc_words_;  // reused from case to case
};

}  // namespace sae::fuzz::arm64_runner
