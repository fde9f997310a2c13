// Opcodes of the IR and what opcodes.inc says about each.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "ir/types.h"

namespace sae::ir {

enum class Opcode : std::uint16_t {
#define OPCODE(name, result, arguments, properties) name,
#include "ir/opcodes.inc"
#undef OPCODE
};

namespace property {
inline constexpr std::uint8_t Pure = 0;
inline constexpr std::uint8_t ReadsState = 1 << 0;
inline constexpr std::uint8_t WritesState = 1 << 1;
inline constexpr std::uint8_t ReadsFlags = 1 << 2;
inline constexpr std::uint8_t WritesFlags = 1 << 3;
inline constexpr std::uint8_t Memory = 1 << 4;
inline constexpr std::uint8_t Effect = 1 << 5;
}  // namespace property

inline constexpr std::size_t kMaxArguments = 4;

struct OpcodeInfo {
  std::string_view name;
  Type result;  // Type::Void for none; Identity's result is its argument's type
  std::array<Type, kMaxArguments> arguments;
  std::uint8_t argument_count;
  std::uint8_t properties;
};

const OpcodeInfo& Info(Opcode opcode);
inline std::string_view Name(Opcode opcode) { return Info(opcode).name; }
inline bool Has(Opcode opcode, std::uint8_t property) { return (Info(opcode).properties & property) != 0; }
// Removable when its result is unused: no effect on guest state, memory or control.
inline bool IsPure(Opcode opcode) { return Info(opcode).properties == property::Pure; }

}  // namespace sae::ir
