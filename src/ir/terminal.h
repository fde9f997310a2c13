// How a block ends: where control goes next.
#pragma once

#include <cstdint>
#include <memory>
#include <variant>

#include "ir/types.h"

namespace sae::ir {

namespace term {

struct Invalid {};  // not set yet; the verifier rejects it
// Continue at the block for guest address `next` through a patchable direct link.
struct LinkBlock {
  std::uint64_t next;
};
// As LinkBlock, without checking for asynchronous requests first (short loops stay fast).
struct LinkBlockFast {
  std::uint64_t next;
};
// The guest PC was set by the block; the runtime finds the target (inline cache).
struct IndirectJump {};
// Back to the dispatcher (PC set by the block).
struct ReturnToDispatch {};

// Synchronous exceptions the block ends with, taken at `pc` (the instruction's address).
enum class ExceptionKind : std::uint8_t {
  Undefined,      // unallocated or reserved encoding
  NotTranslated,  // allocated but not translated yet: UNDEFINED in the guest, counted
  SupervisorCall, // SVC #imm
  Breakpoint,     // BRK #imm
  HypervisorCall, // HVC #imm
  SecureMonitorCall,  // SMC #imm
  InstructionAbort,   // the instruction at pc could not be fetched
  PcAlignmentFault,   // pc is not a multiple of 4 (a branch to such an address got there)
  SystemRegisterTrap, // MRS/MSR/SYS not implemented at this EL: immediate = the ESR ISS
};
struct Exception {
  ExceptionKind kind;
  std::uint64_t pc;
  std::uint32_t immediate;  // the #imm of SVC/BRK/HVC/SMC, the instruction word otherwise
};

struct If;
struct CheckBit;

}  // namespace term

using Terminal = std::variant<term::Invalid, term::LinkBlock, term::LinkBlockFast,
                              term::IndirectJump, term::ReturnToDispatch, term::Exception,
                              std::shared_ptr<const term::If>, std::shared_ptr<const term::CheckBit>>;

namespace term {
// Chooses between two terminals on a guest condition (reads NZCV).
struct If {
  Cond condition;
  Terminal then_;
  Terminal else_;
};
// Chooses between two terminals on the value the block last gave SetCheckBit.
struct CheckBit {
  Terminal then_;
  Terminal else_;
};
}  // namespace term

inline Terminal MakeIf(Cond condition, Terminal then_, Terminal else_) {
  return std::make_shared<const term::If>(term::If{condition, std::move(then_), std::move(else_)});
}
inline Terminal MakeCheckBit(Terminal then_, Terminal else_) {
  return std::make_shared<const term::CheckBit>(term::CheckBit{std::move(then_), std::move(else_)});
}

}  // namespace sae::ir
