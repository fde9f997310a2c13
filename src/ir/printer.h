// The text form of a block: stable, one instruction per line, used by golden tests and dumps.
//   block 0x1000, 2 guest instructions
//     %1 = GetX x1
//     %2 = Add64 %1, #0x1
//     SetX x0, %2
//     terminal LinkBlock 0x1008
#pragma once

#include <string>

#include "ir/block.h"

namespace sae::ir {

std::string Print(const Block& block);
std::string Print(const Terminal& terminal);

}  // namespace sae::ir
