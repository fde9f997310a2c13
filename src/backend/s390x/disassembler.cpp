#include "backend/s390x/disassembler.h"

#include "common/llvm_disassembler.h"

namespace sae::backend::s390x {

std::string Disassemble(std::span<const std::byte> code, std::uint64_t address) {
  // arch14: every instruction the assembler's table has decodes.
  static const LlvmDisassembler llvm("s390x-linux-gnu", "arch14", "");
  return llvm.List({reinterpret_cast<const std::uint8_t*>(code.data()), code.size()}, address, 6, 2);
}

}  // namespace sae::backend::s390x
