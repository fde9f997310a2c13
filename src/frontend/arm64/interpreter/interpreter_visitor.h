// The interpreter's visitor: one method per a64.inc encoding it carries out, named like the
// encoding (decoder.h calls them with the decoded fields). A method returns false when the
// instruction is UNDEFINED with its operands. The method declarations of each group live in
// the group's .inc file, next to the .cpp that defines them.
#pragma once

#include <cstdint>

#include "frontend/arm64/decoder/decoder.h"
#include "frontend/arm64/interpreter/interpreter.h"
#include "frontend/arm64/interpreter/structures.h"
#include "frontend/arm64/interpreter/vector.h"

namespace sae::frontend::arm64 {

class Interpreter {
 public:
  Interpreter(sae_control_block& state, VectorStaging& staging_area)
      : cpu(state), staging(staging_area) {}

  bool Unallocated(std::uint32_t) { return false; }
  bool NotTranslated(Encoding, std::uint32_t) {
    result = InterpretResult::NotImplemented;
    return false;
  }

  sae_control_block& cpu;
  VectorStaging& staging;
  InterpretResult result = InterpretResult::Done;

  // General registers as the SIMD&FP instructions name them: 31 is the zero register.
  std::uint64_t X(Reg n) const { return n.index == 31 ? 0 : cpu.x[n.index]; }
  void SetX(Reg n, std::uint64_t value) {
    if (n.index != 31) cpu.x[n.index] = value;
  }
  // W writes zero the upper half, as on arm64.
  void SetW(Reg n, std::uint32_t value) { SetX(n, value); }
  VectorHalves& V(Vec n) { return cpu.v[n.index]; }
  // NZCV as the 4-bit value of the instruction encodings (N in bit 3).
  unsigned Nzcv() const { return static_cast<unsigned>(cpu.pstate >> 28) & 0xf; }
  void SetNzcv(unsigned nzcv) {
    cpu.pstate = (cpu.pstate & ~std::uint64_t{0xf0000000}) | (std::uint64_t{nzcv & 0xf} << 28);
  }
  // ConditionHolds() of the Arm ARM.
  bool ConditionHolds(Cond cond) const;

#include "frontend/arm64/interpreter/fp_scalar.inc"
#include "frontend/arm64/interpreter/fp_vector.inc"
#include "frontend/arm64/interpreter/simd_integer.inc"
#include "frontend/arm64/interpreter/simd_permute.inc"
#include "frontend/arm64/interpreter/crypto.inc"
#include "frontend/arm64/interpreter/structures.inc"
};

}  // namespace sae::frontend::arm64
