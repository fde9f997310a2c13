// LLVM MC's disassembler for any target LLVM has: libsae's debug dumps (guest arm64 and host
// s390x code), the s390x listing, and the tests that take LLVM as the judge of encodings.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace sae {

struct Disassembly {
  std::string text;    // as LLVM prints it, tabs replaced by single spaces, trimmed
  std::size_t size;    // bytes consumed
  std::string opcode;  // LLVM's name for the instruction, e.g. "ADDXri" (stable across printers)
};

class LlvmDisassembler {
 public:
  // `triple` e.g. "s390x-linux-gnu" or "aarch64-linux-gnu"; `features` in LLVM's "+a,+b" form.
  // If LLVM lacks the target, the object is !valid() and decodes nothing.
  LlvmDisassembler(const std::string& triple, const std::string& cpu, const std::string& features);
  ~LlvmDisassembler();
  LlvmDisassembler(const LlvmDisassembler&) = delete;
  LlvmDisassembler& operator=(const LlvmDisassembler&) = delete;

  bool valid() const { return impl_ != nullptr; }

  // Disassembles one instruction from the start of `bytes` (in the target's own byte order), as
  // if at `address` (PC-relative operands); nullopt if LLVM does not decode it.
  std::optional<Disassembly> Disassemble(std::span<const std::uint8_t> bytes,
                                         std::uint64_t address = 0) const;

  // One line per instruction: "<address>: <hex bytes> <instruction>", bytes padded to
  // `column_bytes`. Bytes LLVM cannot decode are listed as ".byte", `step` at a time, never
  // skipped.
  std::string List(std::span<const std::uint8_t> bytes, std::uint64_t address,
                   std::size_t column_bytes, std::size_t step) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sae
