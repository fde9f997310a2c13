// The A64 interpreter: arm64 semantics in portable C++ for the SIMD&FP instructions translated
// code does not carry out inline. Translated code calls Interpret() with the instruction word
// and its encoding (decoded at translation time); the interpreter reads and writes the guest
// registers in the control block. It never touches guest memory: for the structure loads and
// stores, translated code moves the bytes between memory and the staging area, and the
// interpreter moves them between the staging area and the registers (docs/fp-simd.md).
#pragma once

#include <cstdint>

#include "frontend/arm64/decoder/decoder.h"
#include "sae/sae.h"

namespace sae::frontend::arm64 {

// Guest memory bytes of one structure load or store, in guest order: staging[i][0] holds bytes
// 16i..16i+7 as a little-endian value, staging[i][1] bytes 16i+8..16i+15 (the layout of a V
// register loaded from those bytes).
using VectorStaging = std::uint64_t[4][2];

enum class InterpretResult : std::uint32_t {
  Done = 0,
  Undefined = 1,       // the instruction is UNDEFINED with these operands
  NotImplemented = 2,  // the interpreter does not carry it out: UNDEFINED, counted
};

// Whether the interpreter has a method for `encoding` (the translator asks at translation time).
bool Interprets(Encoding encoding);

// Executes `word`, an instance of `encoding`, on `cpu`.
InterpretResult Interpret(sae_control_block& cpu, VectorStaging& staging, Encoding encoding,
                          std::uint32_t word);

}  // namespace sae::frontend::arm64
