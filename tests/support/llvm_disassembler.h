// LLVM MC's disassembler, in-process: the judge of encodings for the s390x assembler tests and
// of decoding for the A64 decoder tests. Test-only; libsae itself never calls LLVM MC to emit.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace sae::test {

struct Disassembly {
  std::string text;  // as LLVM prints it, tabs replaced by single spaces, trimmed
  std::size_t size;  // bytes consumed
  std::string opcode;  // LLVM's name for the instruction, e.g. "ADDXri" (stable across printers)
};

class LlvmDisassembler {
 public:
  // `triple` e.g. "s390x-linux-gnu" or "aarch64-linux-gnu"; `features` in LLVM's "+a,+b" form.
  LlvmDisassembler(const std::string& triple, const std::string& cpu, const std::string& features);
  ~LlvmDisassembler();
  LlvmDisassembler(const LlvmDisassembler&) = delete;
  LlvmDisassembler& operator=(const LlvmDisassembler&) = delete;

  // Disassembles one instruction from the start of `bytes` (in the target's own byte order);
  // nullopt if LLVM does not decode it.
  std::optional<Disassembly> Disassemble(std::span<const std::uint8_t> bytes) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sae::test
