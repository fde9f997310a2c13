// The tests' name for LLVM MC's disassembler (common/llvm_disassembler.h): the judge of
// encodings for the s390x assembler tests and of decoding for the A64 decoder tests.
#pragma once

#include "common/llvm_disassembler.h"

namespace sae::test {

using sae::Disassembly;
using sae::LlvmDisassembler;

}  // namespace sae::test
