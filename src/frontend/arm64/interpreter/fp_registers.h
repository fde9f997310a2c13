// What the FP instruction groups share between fp_arithmetic and the registers.
#pragma once

#include <cstdint>

#include "frontend/arm64/interpreter/fp_arithmetic.h"
#include "frontend/arm64/interpreter/vector.h"
#include "sae/sae.h"

namespace sae::frontend::arm64 {

inline fp::Control FpControl(sae_control_block& cpu) { return fp::Control(cpu.fpcr, cpu.fpsr); }

// A scalar SIMD&FP register write: the rest of the V register becomes zero.
inline void SetScalar(VectorHalves& v, std::uint64_t value) {
  v[0] = value;
  v[1] = 0;
}

}  // namespace sae::frontend::arm64
