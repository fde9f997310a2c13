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
  // EL0 and EL1 AArch64 only, no EL2/EL3 for the guest; FP and AdvSIMD when their arithmetic is
  // handled (1: with half-precision arithmetic), else "not implemented" (0xF).
  const bool fp = All({Encoding::FADD_float, Encoding::FSUB_float, Encoding::FMUL_float,
                       Encoding::FDIV_float, Encoding::FMADD_float, Encoding::FSQRT_float,
                       Encoding::FCMP_float, Encoding::FCVT_float, Encoding::FCVTZS_float_int,
                       Encoding::SCVTF_float_int, Encoding::FMOV_float_imm, Encoding::FRINTN_float});
  const bool simd = All({Encoding::FADD_vec, Encoding::FMUL_vec, Encoding::ADD_vec,
                         Encoding::MUL_vec, Encoding::DUP_elt_vec, Encoding::TBL, Encoding::LD1_mult_1,
                         Encoding::ST4_mult, Encoding::CMEQ_vec, Encoding::ADDV});
  // FEAT_FP16: every half-precision encoding (the _fp16 ones, and ftype 11 of the scalar ones,
  // which the same methods handle) is handled.
  bool fp16 = fp && simd;
  for (const EncodingInfo& info : A64Encodings()) {
    if (info.name.ends_with("_fp16")) fp16 = fp16 && All({info.encoding});
  }
  const std::uint64_t half = fp16 ? 1 : 0;
  r.id_aa64pfr0_el1 = 0x1 | 0x1 << 4 | (fp ? half << 16 : 0xfull << 16) |
                      (simd ? half << 20 : 0xfull << 20);
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
  const bool aes = All({Encoding::AESE, Encoding::AESD, Encoding::AESMC, Encoding::AESIMC});
  const bool pmull = aes && All({Encoding::PMULL_vec});
  const bool sha1 = All({Encoding::SHA1C, Encoding::SHA1P, Encoding::SHA1M, Encoding::SHA1SU0,
                         Encoding::SHA1H, Encoding::SHA1SU1});
  const bool sha256 = All({Encoding::SHA256H, Encoding::SHA256H2, Encoding::SHA256SU0,
                           Encoding::SHA256SU1});
  const bool sha512 = sha256 && All({Encoding::SHA512H, Encoding::SHA512H2, Encoding::SHA512SU0,
                                     Encoding::SHA512SU1});
  const bool sha3 = All({Encoding::EOR3, Encoding::RAX1, Encoding::XAR, Encoding::BCAX});
  const bool sm3 = All({Encoding::SM3SS1, Encoding::SM3TT1A, Encoding::SM3TT1B, Encoding::SM3TT2A,
                        Encoding::SM3TT2B, Encoding::SM3PARTW1, Encoding::SM3PARTW2});
  const bool sm4 = All({Encoding::SM4E, Encoding::SM4EKEY});
  const bool rdm = All({Encoding::SQRDMLAH_vec, Encoding::SQRDMLSH_vec, Encoding::SQRDMLAH_elt_vec,
                        Encoding::SQRDMLSH_elt_vec, Encoding::SQRDMLAH_scalar,
                        Encoding::SQRDMLSH_scalar, Encoding::SQRDMLAH_elt_scalar,
                        Encoding::SQRDMLSH_elt_scalar});
  const bool dot = All({Encoding::SDOT_vec, Encoding::UDOT_vec, Encoding::SDOT_elt_vec,
                        Encoding::UDOT_elt_vec});
  r.id_aa64isar0_el1 = Field(aes, pmull ? 2 : 1, 4) | Field(sha1, 1, 8) |
                       Field(sha256, sha512 ? 2 : 1, 12) | Field(crc32, 1, 16) |
                       Field(lse, 2, 20) | Field(rdm, 1, 28) | Field(sha3, 1, 32) |
                       Field(sm3, 1, 36) | Field(sm4, 1, 40) | Field(dot, 1, 44) |
                       Field(flagm, flagm2 ? 2 : 1, 52);
  const bool jscvt = All({Encoding::FJCVTZS});
  const bool fcma = All({Encoding::FCMLA_vec, Encoding::FCADD_vec, Encoding::FCMLA_elt});
  const bool frintts = All({Encoding::FRINT32Z_float, Encoding::FRINT32X_float,
                            Encoding::FRINT64Z_float, Encoding::FRINT64X_float,
                            Encoding::FRINT32Z_vec, Encoding::FRINT32X_vec, Encoding::FRINT64Z_vec,
                            Encoding::FRINT64X_vec});
  r.id_aa64isar1_el1 = Field(jscvt, 1, 12) | Field(fcma, 1, 16) | Field(lrcpc, lrcpc2 ? 2 : 1, 20) |
                       Field(frintts, 1, 32) | Field(All({Encoding::SB}), 1, 36);
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
