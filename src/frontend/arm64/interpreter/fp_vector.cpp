#include "frontend/arm64/interpreter/interpreter_visitor.h"

namespace sae::frontend::arm64 {}  // namespace sae::frontend::arm64
