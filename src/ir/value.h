// IR values: the result of an instruction, or an immediate.
#pragma once

#include <cassert>
#include <cstdint>

#include "ir/types.h"

namespace sae::ir {

class Inst;

class Value {
 public:
  Value() = default;  // empty: an absent argument
  explicit Value(Inst* inst) : inst_(inst) {}

  static Value Immediate(Type type, std::uint64_t bits) {
    Value v;
    v.type_ = type;
    v.imm_ = bits;
    return v;
  }

  bool IsEmpty() const { return inst_ == nullptr && type_ == Type::Void; }
  bool IsImmediate() const { return inst_ == nullptr && type_ != Type::Void; }
  // The type of the value; an Identity's is its argument's.
  Type type() const;
  Inst* inst() const { return inst_; }
  // Immediates only: the bits, zero-extended.
  std::uint64_t imm() const {
    assert(IsImmediate());
    return imm_;
  }
  // This value with Identity instructions looked through.
  Value Resolved() const;

  bool operator==(const Value& other) const {
    return inst_ == other.inst_ && type_ == other.type_ && imm_ == other.imm_;
  }

 private:
  Inst* inst_ = nullptr;
  Type type_ = Type::Void;  // immediates only
  std::uint64_t imm_ = 0;
};

// A value statically known to have type T (or one of the types, for U32U64).
template <Type... Ts>
class TypedValue : public Value {
 public:
  TypedValue() = default;
  explicit TypedValue(const Value& value) : Value(value) {
    assert(((value.type() == Ts) || ...));
  }
};
using U1 = TypedValue<Type::U1>;
using U8 = TypedValue<Type::U8>;
using U16 = TypedValue<Type::U16>;
using U32 = TypedValue<Type::U32>;
using U64 = TypedValue<Type::U64>;
using U128 = TypedValue<Type::U128>;
using NZCV = TypedValue<Type::NZCV>;
using U32U64 = TypedValue<Type::U32, Type::U64>;

}  // namespace sae::ir
