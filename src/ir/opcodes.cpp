#include "ir/opcodes.h"

#include "common/preprocessor.h"

namespace sae::ir {

namespace {

#define SAE_IR_TYPE(type, n) Type::type
#define SAE_IR_TYPES(...) {SAE_PP_MAP(SAE_IR_TYPE, __VA_ARGS__)}
#define SAE_IR_COUNT(...) SAE_PP_COUNT(__VA_ARGS__)
constexpr OpcodeInfo kOpcodes[] = {
// Properties are or'ed names of namespace property.
#define OPCODE(name, result, arguments, properties)                               \
  {#name, Type::result, SAE_IR_TYPES arguments, SAE_IR_COUNT arguments, [] {    \
     using namespace property;                                                  \
     return static_cast<std::uint8_t>(properties);                              \
   }()},
#include "ir/opcodes.inc"
#undef OPCODE
};
#undef SAE_IR_COUNT
#undef SAE_IR_TYPES
#undef SAE_IR_TYPE

}  // namespace

const OpcodeInfo& Info(Opcode opcode) { return kOpcodes[static_cast<std::size_t>(opcode)]; }

}  // namespace sae::ir
