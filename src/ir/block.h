// A translated block: straight-line IR instructions, then a terminal.
#pragma once

#include <cstdint>
#include <deque>
#include <initializer_list>
#include <vector>

#include "ir/inst.h"
#include "ir/terminal.h"

namespace sae::ir {

class Block {
 public:
  explicit Block(std::uint64_t start_pc) : start_pc_(start_pc) {}
  Block(const Block&) = delete;
  Block& operator=(const Block&) = delete;

  std::uint64_t start_pc() const { return start_pc_; }
  // Guest instructions the block covers (the address after the last is start_pc + 4 * count).
  unsigned guest_instructions() const { return guest_instructions_; }
  void set_guest_instructions(unsigned count) { guest_instructions_ = count; }

  Inst* Append(Opcode opcode, std::initializer_list<Value> arguments);
  // The live instructions in order (removed ones are dropped by Compact()).
  const std::vector<Inst*>& instructions() const { return order_; }
  // Forgets removed instructions; passes call it after removing.
  void Compact();

  const Terminal& terminal() const { return terminal_; }
  void set_terminal(Terminal terminal) { terminal_ = std::move(terminal); }

 private:
  std::uint64_t start_pc_;
  unsigned guest_instructions_ = 0;
  std::deque<Inst> storage_;  // stable addresses
  std::vector<Inst*> order_;
  Terminal terminal_;
};

}  // namespace sae::ir
