#include "frontend/arm64/interpreter/interpreter.h"

#include "frontend/arm64/interpreter/interpreter_visitor.h"

namespace sae::frontend::arm64 {

bool Interpreter::ConditionHolds(Cond cond) const {
  const unsigned nzcv = Nzcv();
  const bool n = nzcv & 8, z = nzcv & 4, c = nzcv & 2, v = nzcv & 1;
  bool holds = false;
  switch (cond.value >> 1) {
    case 0: holds = z; break;
    case 1: holds = c; break;
    case 2: holds = n; break;
    case 3: holds = v; break;
    case 4: holds = c && !z; break;
    case 5: holds = n == v; break;
    case 6: holds = n == v && !z; break;
    default: holds = true; break;
  }
  // Odd conditions negate, except 1111 (NV), which holds like AL.
  return (cond.value & 1) && cond.value != 0xf ? !holds : holds;
}

bool Interprets(Encoding encoding) { return Handles<Interpreter>(encoding); }

InterpretResult Interpret(sae_control_block& cpu, VectorStaging& staging, Encoding encoding,
                          std::uint32_t word) {
  Interpreter interpreter(cpu, staging);
  if (!DecodeAs(interpreter, encoding, word) && interpreter.result == InterpretResult::Done) {
    return InterpretResult::Undefined;
  }
  return interpreter.result;
}

}  // namespace sae::frontend::arm64
