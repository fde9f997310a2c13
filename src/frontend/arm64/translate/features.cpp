#include "frontend/arm64/translate/features.h"

#include <initializer_list>

#include "frontend/arm64/interpreter/interpreter.h"
#include "frontend/arm64/translate/system_registers.h"
#include "frontend/arm64/translate/visitor.h"

namespace sae::frontend::arm64 {

namespace {

bool All(std::initializer_list<Encoding> encodings) {
  for (const Encoding e : encodings) {
    if (!Handles<TranslatorVisitor>(e) && !Interprets(e)) return false;
  }
  return true;
}

std::uint64_t Field(bool present, unsigned value, unsigned shift) {
  return present ? std::uint64_t{value} << shift : 0;
}

IdRegisters Compute() {
  IdRegisters r{};
  // Implementer 0x00 (reserved for software use), architecture 0xF (by ID registers).
  r.midr_el1 = 0x000f0000;
  // EL0 and EL1 AArch64 only, no EL2/EL3 for the guest; FP and AdvSIMD "not implemented" (0xF)
  // until their translation exists.
  const bool fp = All({Encoding::FADD_float});
  const bool simd = All({Encoding::FADD_vec});
  r.id_aa64pfr0_el1 = 0x1 | 0x1 << 4 | (fp ? 0ull : 0xfull << 16) | (simd ? 0ull : 0xfull << 20);
  r.id_aa64pfr1_el1 = 0;  // no BTI enforcement, SSBS, MTE
  const bool crc32 = All({Encoding::CRC32_32, Encoding::CRC32_64});
  const bool lse = All({Encoding::CAS, Encoding::CASP, Encoding::LDADD, Encoding::LDCLR,
                        Encoding::LDEOR, Encoding::LDSET, Encoding::LDSMAX, Encoding::LDSMIN,
                        Encoding::LDUMAX, Encoding::LDUMIN, Encoding::SWP});
  const bool flagm = All({Encoding::CFINV, Encoding::RMIF, Encoding::SETF8, Encoding::SETF16});
  const bool flagm2 = flagm && All({Encoding::AXFLAG, Encoding::XAFLAG});
  const bool lrcpc = All({Encoding::LDAPR});
  const bool lrcpc2 = lrcpc && All({Encoding::LDAPUR, Encoding::STLUR, Encoding::LDAPURS_32,
                                    Encoding::LDAPURS_64, Encoding::LDAPURSW});
  r.id_aa64isar0_el1 = Field(crc32, 1, 16) | Field(lse, 2, 20) | Field(flagm, flagm2 ? 2 : 1, 52);
  r.id_aa64isar1_el1 = Field(lrcpc, lrcpc2 ? 2 : 1, 20) | Field(All({Encoding::SB}), 1, 36);
  r.id_aa64isar2_el1 = 0;
  r.ctr_el0 = kCacheType;
  r.dczid_el0 = kZeroBlockId;
  r.cntfrq_el0 = kCounterFrequency;
  return r;
}

}  // namespace

const IdRegisters& TranslatedFeatures() {
  static const IdRegisters registers = Compute();
  return registers;
}

}  // namespace sae::frontend::arm64
