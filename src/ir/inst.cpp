#include "ir/inst.h"

namespace sae::ir {

Inst::Inst(Opcode opcode, std::initializer_list<Value> arguments) : opcode_(opcode) {
  assert(arguments.size() == Info(opcode).argument_count);
  std::size_t i = 0;
  for (const Value& argument : arguments) SetArg(i++, argument);
}

void Inst::SetArg(std::size_t i, Value value) {
  if (Inst* old = args_[i].inst()) --old->use_count_;
  if (Inst* now = value.inst()) ++now->use_count_;
  args_[i] = value;
}

Type Inst::ResultType() const {
  if (opcode_ == Opcode::Identity) return args_[0].type();
  return Info(opcode_).result;
}

void Inst::ReplaceUsesWith(Value value) {
  for (std::size_t i = 0; i < arg_count(); ++i) SetArg(i, Value());
  opcode_ = Opcode::Identity;
  SetArg(0, value);
}

void Inst::Remove() {
  assert(use_count_ == 0 && "removing an instruction that is still used");
  for (std::size_t i = 0; i < kMaxArguments; ++i) SetArg(i, Value());
  removed_ = true;
}

Type Value::type() const { return inst_ != nullptr ? inst_->ResultType() : type_; }

Value Value::Resolved() const {
  Value v = *this;
  while (v.inst() != nullptr && v.inst()->opcode() == Opcode::Identity) v = v.inst()->arg(0);
  return v;
}

}  // namespace sae::ir
