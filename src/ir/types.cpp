#include "ir/types.h"

namespace sae::ir {

std::string_view TypeName(Type type) {
  switch (type) {
    case Type::Void: return "Void";
    case Type::U1: return "U1";
    case Type::U8: return "U8";
    case Type::U16: return "U16";
    case Type::U32: return "U32";
    case Type::U64: return "U64";
    case Type::U128: return "U128";
    case Type::NZCV: return "NZCV";
    case Type::Cond: return "Cond";
    case Type::GuestReg: return "GuestReg";
    case Type::Opaque: return "Opaque";
  }
  return "?";
}

std::string_view CondName(Cond cond) {
  static constexpr std::string_view kNames[] = {"EQ", "NE", "CS", "CC", "MI", "PL", "VS", "VC",
                                                "HI", "LS", "GE", "LT", "GT", "LE", "AL", "NV"};
  return kNames[static_cast<unsigned>(cond) & 15];
}

}  // namespace sae::ir
