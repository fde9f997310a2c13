// What insns.inc says about each instruction, as data: for disassembly-free dumps, the encoding
// tests and facility checks. The Assembler's methods are generated from the same table.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "backend/s390x/host_facilities.h"

namespace sae::backend::s390x {

enum class Format : std::uint8_t {
#define FORMAT(name, length, operands) name,
#include "backend/s390x/asm/formats.inc"
#undef FORMAT
};

enum class OperandKind : std::uint8_t {
#define OPERAND_KIND(kind, type) kind,
#include "backend/s390x/asm/operand_kinds.inc"
#undef OPERAND_KIND
};

enum class Insn : std::uint16_t {
#define INSN(mnemonic, format, opcode, facility, ...) mnemonic,
#include "backend/s390x/asm/insns.inc"
#undef INSN
};

inline constexpr std::size_t kMaxOperands = 6;

struct InsnInfo {
  Insn insn;
  std::string_view mnemonic;  // upper case, as the Principles of Operation prints it
  Format format;
  std::uint32_t opcode;  // as the Principles of Operation prints it (e.g. 0xB9E8, 0xA7B, 0x18)
  Facility facility;
  std::array<OperandKind, kMaxOperands> operands;
  std::uint8_t operand_count;
};

std::span<const InsnInfo> InstructionTable();
const InsnInfo& Info(Insn insn);

unsigned FormatLength(Format format);          // in bytes: 2, 4 or 6
std::string_view FormatName(Format format);    // "RRFa"
std::string_view FormatOperands(Format format);  // "R1,R2,R3,M4"

}  // namespace sae::backend::s390x
