// The IR passes, each in its own file. Optimize() runs them in the order that lets each profit
// from the one before.
#pragma once

#include "ir/block.h"

namespace sae::ir {

// Within the block, a guest register read after a write or read sees that value without going
// to the guest state, and a register write overwritten before anything can observe it (a memory
// access that may fault, an effect, the block's end) is dropped.
void GetSetElimination(Block& block);
// Operations on immediates are computed; x+0, x|0, x&~0, shifts by 0 and the like become x.
void ConstantFolding(Block& block);
// A flag write (SetNZCV) that a later one overwrites before anything reads the flags or can
// observe them is dropped, so the flags nobody reads are never computed.
void NZCVLiveness(Block& block);
// Uses of Identity instructions are pointed at their arguments, and the Identities removed.
void IdentityRemoval(Block& block);
// Instructions without effect whose result nobody uses are removed.
void DeadCodeElimination(Block& block);

void Optimize(Block& block);

}  // namespace sae::ir
