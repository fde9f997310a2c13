// Checks a block's invariants; every pass is followed by it in tests and debug builds.
#pragma once

#include <string>
#include <vector>

#include "ir/block.h"

namespace sae::ir {

// One line per violation; empty when the block is well formed: every argument has the type its
// opcode declares, refers to an earlier live instruction with a result, use counts are exact,
// and the terminal is set.
std::vector<std::string> Verify(const Block& block);

}  // namespace sae::ir
