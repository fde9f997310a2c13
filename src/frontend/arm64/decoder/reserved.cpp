#include "frontend/arm64/decoder/reserved.h"

#include "frontend/arm64/decoder/bit_masks.h"

namespace sae::frontend::arm64 {

bool IsReserved(Encoding encoding, std::uint32_t word) {
  const unsigned n = (word >> 22) & 1;
  const unsigned imms = (word >> 10) & 0x3f;
  switch (encoding) {
    case Encoding::AND_imm_32: case Encoding::ORR_imm_32:
    case Encoding::EOR_imm_32: case Encoding::ANDS_imm_32:
      return !DecodeBitMasks(n, imms, 0, true, 32);
    case Encoding::AND_imm_64: case Encoding::ORR_imm_64:
    case Encoding::EOR_imm_64: case Encoding::ANDS_imm_64:
      return !DecodeBitMasks(n, imms, 0, true, 64);
    default:
      return false;
  }
}

}  // namespace sae::frontend::arm64
