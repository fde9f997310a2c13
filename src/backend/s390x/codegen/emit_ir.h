// One emitter per IR opcode: template<ir::Opcode> EmitIR, specialized in the emit_*.cpp files
// by family. The dispatch switch in codegen.cpp is generated from opcodes.inc, so an opcode
// without an emitter does not link.
#pragma once

#include "backend/s390x/codegen/emit_context.h"
#include "ir/inst.h"

namespace sae::backend::s390x {

template <ir::Opcode>
void EmitIR(EmitContext& ctx, const ir::Inst& inst);

// The NZCV condition `cond` (an arm64 condition number) holds for the packed flags (N=8, Z=4,
// C=2, V=1) k iff bit k of the mask is set.
constexpr std::uint16_t ConditionMask(unsigned cond) {
  std::uint16_t mask = 0;
  for (unsigned k = 0; k < 16; ++k) {
    const bool n = k & 8, z = k & 4, c = k & 2, v = k & 1;
    bool holds = false;
    switch (cond >> 1) {
      case 0: holds = z; break;
      case 1: holds = c; break;
      case 2: holds = n; break;
      case 3: holds = v; break;
      case 4: holds = c && !z; break;
      case 5: holds = n == v; break;
      case 6: holds = n == v && !z; break;
      case 7: holds = true; break;
    }
    if ((cond & 1) && cond != 15) holds = !holds;
    if (holds) mask = static_cast<std::uint16_t>(mask | (1u << k));
  }
  return mask;
}

// Sets `target` (not kScratch1) to 1 if `cond` holds for the guest flags in the state, else 0;
// uses kScratch1.
void EmitConditionHolds(EmitContext& ctx, unsigned cond, Gpr target);

}  // namespace sae::backend::s390x
