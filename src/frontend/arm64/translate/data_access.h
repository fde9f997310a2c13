// What a load or store instruction accesses, as a data abort syndrome describes it: the host
// (a VMM emulating MMIO) needs the transfer register, size and sign extension to complete the
// access for the guest, which the Arm ARM gives as ESR_ELx.ISS when ISV is 1.
#pragma once

#include <cstdint>

namespace sae::frontend::arm64 {

struct DataAccess {
  // ISV: a single general-purpose register load or store without writeback (not exclusive,
  // not a pair, not an atomic), so the fields below describe it completely.
  bool syndrome_valid = false;
  unsigned size_log2 = 0;         // SAS: bytes = 1 << size_log2
  bool sign_extend = false;       // SSE
  unsigned transfer_register = 0; // SRT (31 = XZR)
  bool sixty_four = false;        // SF: the register is written as 64 bits
  bool acquire_release = false;   // AR
  // Bytes from the lowest address the instruction accesses to its highest (pairs: both
  // registers); 0 when the instruction is not one described here.
  unsigned footprint = 0;
};

DataAccess DescribeDataAccess(std::uint32_t word);

// The ISS of a data abort (ESR_ELx bits 24:0) for `access`: ISV, SAS, SSE, SRT, SF, AR when
// valid, then WnR and the fault status code.
std::uint32_t DataAbortIss(const DataAccess& access, bool write, std::uint32_t fault_status);

}  // namespace sae::frontend::arm64
