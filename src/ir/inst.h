// One IR instruction: an opcode and its arguments. Instructions know how often they are used, so
// passes can drop unused ones, and turn into Identity when their uses are redirected.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>

#include "ir/opcodes.h"
#include "ir/value.h"

namespace sae::ir {

class Inst {
 public:
  Inst(Opcode opcode, std::initializer_list<Value> arguments);
  Inst(const Inst&) = delete;
  Inst& operator=(const Inst&) = delete;

  Opcode opcode() const { return opcode_; }
  const Value& arg(std::size_t i) const { return args_[i]; }
  std::size_t arg_count() const { return Info(opcode_).argument_count; }
  void SetArg(std::size_t i, Value value);
  unsigned use_count() const { return use_count_; }
  bool removed() const { return removed_; }
  // The guest instruction this one was translated from: where a fault it raises is reported.
  std::uint64_t pc() const { return pc_; }
  void set_pc(std::uint64_t pc) { pc_ = pc; }

  // The type of the result (Identity: its argument's).
  Type ResultType() const;

  // Every use of this instruction now sees `value`: the instruction becomes Identity(value).
  void ReplaceUsesWith(Value value);
  // Drops the instruction: releases its arguments. It must have no uses left.
  void Remove();

 private:
  Opcode opcode_;
  std::array<Value, kMaxArguments> args_{};
  unsigned use_count_ = 0;
  bool removed_ = false;
  std::uint64_t pc_ = 0;
};

}  // namespace sae::ir
