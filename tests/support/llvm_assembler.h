// LLVM MC's assembler, in-process: turns one line of assembly into bytes for a given CPU, or
// reports that LLVM rejects it (unknown mnemonic, bad operand, or a facility the CPU lacks).
// Test-only, the other half of the encoding oracle next to LlvmDisassembler.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sae::test {

class LlvmAssembler {
 public:
  explicit LlvmAssembler(const std::string& triple);
  ~LlvmAssembler();
  LlvmAssembler(const LlvmAssembler&) = delete;
  LlvmAssembler& operator=(const LlvmAssembler&) = delete;

  // The encoding of `line` for `cpu` (e.g. "z15", "arch12"), or nullopt with the reason in
  // `error` if LLVM rejects it. Instructions that need a relocation (a symbol) are rejected too.
  std::optional<std::vector<std::uint8_t>> Assemble(const std::string& line, const std::string& cpu,
                                                    std::string* error = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sae::test
