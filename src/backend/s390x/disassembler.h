// Generated s390x code as text, for debug dumps and failing tests: LLVM MC's disassembler.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace sae::backend::s390x {

// One line per instruction: "<address>: <hex bytes> <instruction>", addresses starting at
// `address`. Bytes LLVM cannot decode are listed as ".byte" two at a time, never skipped.
std::string Disassemble(std::span<const std::byte> code, std::uint64_t address = 0);

}  // namespace sae::backend::s390x
