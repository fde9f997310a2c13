// Reserved operand values that a bit pattern cannot exclude (a field value the Arm ARM calls
// reserved, or a combination of fields). A word that matches an encoding but holds a reserved
// value is unallocated: it decodes to nothing and raises UNDEFINED in the guest.
#pragma once

#include <cstdint>

#include "frontend/arm64/decoder/decoder.h"

namespace sae::frontend::arm64 {

bool IsReserved(Encoding encoding, std::uint32_t word);

}  // namespace sae::frontend::arm64
