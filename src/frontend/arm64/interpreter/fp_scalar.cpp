// Scalar FP: moves, arithmetic, compares, conversions and rounding.
#include "frontend/arm64/interpreter/interpreter_visitor.h"

namespace sae::frontend::arm64 {

// ---- FMOV (general): bit copies between general and SIMD&FP registers. Writing a scalar
// register zeroes the rest of the V register; writing the top half leaves the bottom alone.
bool Interpreter::FMOV_to_gen_32(Vec n, Reg d) {
  SetW(d, static_cast<std::uint32_t>(V(n)[0]));
  return true;
}
bool Interpreter::FMOV_from_gen_32(Reg n, Vec d) {
  V(d)[0] = X(n) & 0xffffffff;
  V(d)[1] = 0;
  return true;
}
bool Interpreter::FMOV_to_gen_64(Vec n, Reg d) {
  SetX(d, V(n)[0]);
  return true;
}
bool Interpreter::FMOV_from_gen_64(Reg n, Vec d) {
  V(d)[0] = X(n);
  V(d)[1] = 0;
  return true;
}
bool Interpreter::FMOV_to_gen_top(Vec n, Reg d) {
  SetX(d, V(n)[1]);
  return true;
}
bool Interpreter::FMOV_from_gen_top(Reg n, Vec d) {
  V(d)[1] = X(n);
  return true;
}

}  // namespace sae::frontend::arm64
