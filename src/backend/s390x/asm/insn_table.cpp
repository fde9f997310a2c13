#include "backend/s390x/asm/insn_table.h"

#include "common/preprocessor.h"

namespace sae::backend::s390x {

namespace {

#define SAE_KIND(kind, n) OperandKind::kind
constexpr InsnInfo kTable[] = {
#define INSN(mnemonic, format, opcode, facility, ...)                              \
  {Insn::mnemonic, #mnemonic, Format::format, opcode, Facility::facility,          \
   {SAE_PP_MAP(SAE_KIND, __VA_ARGS__)},                                            \
   SAE_PP_COUNT(__VA_ARGS__)},
#include "backend/s390x/asm/insns.inc"
#undef INSN
};
#undef SAE_KIND

struct FormatInfo {
  std::string_view name;
  unsigned length;
  std::string_view operands;
};
constexpr FormatInfo kFormats[] = {
#define FORMAT(name, length, operands) {#name, length, operands},
#include "backend/s390x/asm/formats.inc"
#undef FORMAT
};

}  // namespace

std::span<const InsnInfo> InstructionTable() { return kTable; }
const InsnInfo& Info(Insn insn) { return kTable[static_cast<std::size_t>(insn)]; }
unsigned FormatLength(Format format) { return kFormats[static_cast<std::size_t>(format)].length; }
std::string_view FormatName(Format format) { return kFormats[static_cast<std::size_t>(format)].name; }
std::string_view FormatOperands(Format format) {
  return kFormats[static_cast<std::size_t>(format)].operands;
}

}  // namespace sae::backend::s390x
