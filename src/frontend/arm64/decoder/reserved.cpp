#include "frontend/arm64/decoder/reserved.h"

#include <bit>

namespace sae::frontend::arm64 {

bool IsValidLogicalImmediate(unsigned n, unsigned imms, bool is64) {
  // len = HighestSetBit(N:NOT(imms)); the element is 2^len bits and imms may not select all of it.
  const unsigned combined = (n << 6) | (~imms & 0x3f);
  if (combined == 0) return false;
  const unsigned len = static_cast<unsigned>(std::bit_width(combined)) - 1;
  if (len < 1 || (!is64 && len > 5)) return false;
  const unsigned levels = (1u << len) - 1;
  return (imms & levels) != levels;
}

bool IsReserved(Encoding encoding, std::uint32_t word) {
  const unsigned n = (word >> 22) & 1;
  const unsigned imms = (word >> 10) & 0x3f;
  switch (encoding) {
    case Encoding::AND_imm_32: case Encoding::ORR_imm_32:
    case Encoding::EOR_imm_32: case Encoding::ANDS_imm_32:
      return !IsValidLogicalImmediate(n, imms, false);
    case Encoding::AND_imm_64: case Encoding::ORR_imm_64:
    case Encoding::EOR_imm_64: case Encoding::ANDS_imm_64:
      return !IsValidLogicalImmediate(n, imms, true);
    default:
      return false;
  }
}

}  // namespace sae::frontend::arm64
