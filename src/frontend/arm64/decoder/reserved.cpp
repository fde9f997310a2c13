#include "frontend/arm64/decoder/reserved.h"

#include "frontend/arm64/decoder/bit_masks.h"

namespace sae::frontend::arm64 {

bool IsReserved(Encoding encoding, std::uint32_t word) {
  const unsigned n = (word >> 22) & 1;
  const unsigned imms = (word >> 10) & 0x3f;
  const bool q = ((word >> 30) & 1) != 0;          // Q (Advanced SIMD, SIMD&FP loads/stores)
  const unsigned size = (word >> 22) & 3;          // size, ftype, shift (bits 23:22)
  const bool sz = ((word >> 22) & 1) != 0;         // sz (FP single/double)
  const bool l = ((word >> 21) & 1) != 0;          // L (by element)
  const unsigned opc = word >> 30;                 // opc of load/store pairs
  const unsigned imm5 = (word >> 16) & 0x1f;       // imm5 (copy)
  const unsigned immh = (word >> 19) & 0xf;        // immh (shift by immediate)
  const unsigned rt = word & 0x1f, rn = (word >> 5) & 0x1f;  // loads and stores
  const unsigned rt2 = (word >> 10) & 0x1f, rs = (word >> 16) & 0x1f;
  switch (encoding) {
    // Logical immediates: DecodeBitMasks' reserved N:immr:imms values
    case Encoding::AND_imm_32: case Encoding::ORR_imm_32:
    case Encoding::EOR_imm_32: case Encoding::ANDS_imm_32:
      return !DecodeBitMasks(n, imms, 0, true, 32);
    case Encoding::AND_imm_64: case Encoding::ORR_imm_64:
    case Encoding::EOR_imm_64: case Encoding::ANDS_imm_64:
      return !DecodeBitMasks(n, imms, 0, true, 64);
    // LD2-4/ST2-4 (multiple structures): size 11 needs Q = 1 (no 1D arrangement)
    case Encoding::ST4_mult: case Encoding::ST3_mult: case Encoding::ST2_mult:
    case Encoding::ST4_mult_post: case Encoding::ST3_mult_post: case Encoding::ST2_mult_post:
    case Encoding::LD4_mult: case Encoding::LD3_mult: case Encoding::LD2_mult:
    case Encoding::LD4_mult_post: case Encoding::LD3_mult_post: case Encoding::LD2_mult_post:
      return ((word >> 10) & 3) == 3 && !q;
    // SIMD&FP register pairs: opc 11 is reserved; a load pair to one register twice is
    // CONSTRAINED UNPREDICTABLE, for which we choose UNDEFINED (see below)
    case Encoding::STNP_fpsimd: case Encoding::LDNP_fpsimd: case Encoding::STP_fpsimd_post:
    case Encoding::LDP_fpsimd_post: case Encoding::STP_fpsimd_off:
    case Encoding::LDP_fpsimd_off: case Encoding::STP_fpsimd_pre: case Encoding::LDP_fpsimd_pre:
      return opc == 3 || (((word >> 22) & 1) != 0 && rt == rt2);
    // CRC32/CRC32C, 32-bit: sz 11 (X) needs sf = 1
    case Encoding::CRC32_32:
      return ((word >> 10) & 3) == 3;
    // ADD/SUB (shifted register): shift 11 (ROR) is reserved
    case Encoding::ADD_shift_32: case Encoding::ADD_shift_64: case Encoding::ADDS_shift_32:
    case Encoding::ADDS_shift_64: case Encoding::SUB_shift_32: case Encoding::SUB_shift_64:
    case Encoding::SUBS_shift_32: case Encoding::SUBS_shift_64:
      return size == 3;
    // ADD/SUB (extended register): imm3 > 4 is reserved
    case Encoding::ADD_ext: case Encoding::ADDS_ext: case Encoding::SUB_ext:
    case Encoding::SUBS_ext:
      return ((word >> 10) & 7) > 4;
    // scalar FP: ftype 10 is reserved
    case Encoding::SCVTF_float_fix_32: case Encoding::SCVTF_float_fix_64:
    case Encoding::UCVTF_float_fix_32: case Encoding::UCVTF_float_fix_64:
    case Encoding::FCVTZS_float_fix_32: case Encoding::FCVTZS_float_fix_64:
    case Encoding::FCVTZU_float_fix_32: case Encoding::FCVTZU_float_fix_64:
    case Encoding::FCVTNS_float_int: case Encoding::FCVTNU_float_int:
    case Encoding::SCVTF_float_int: case Encoding::UCVTF_float_int:
    case Encoding::FCVTAS_float_int: case Encoding::FCVTAU_float_int:
    case Encoding::FCVTPS_float_int: case Encoding::FCVTPU_float_int:
    case Encoding::FCVTMS_float_int: case Encoding::FCVTMU_float_int:
    case Encoding::FCVTZS_float_int: case Encoding::FCVTZU_float_int: case Encoding::FMOV_float:
    case Encoding::FABS_float: case Encoding::FNEG_float: case Encoding::FSQRT_float:
    case Encoding::FRINTN_float: case Encoding::FRINTP_float: case Encoding::FRINTM_float:
    case Encoding::FRINTZ_float: case Encoding::FRINTA_float: case Encoding::FRINTX_float:
    case Encoding::FRINTI_float: case Encoding::FCMP_float: case Encoding::FCMP_float_zero:
    case Encoding::FCMPE_float: case Encoding::FCMPE_float_zero: case Encoding::FMOV_float_imm:
    case Encoding::FCCMP_float: case Encoding::FCCMPE_float: case Encoding::FMUL_float:
    case Encoding::FDIV_float: case Encoding::FADD_float: case Encoding::FSUB_float:
    case Encoding::FMAX_float: case Encoding::FMIN_float: case Encoding::FMAXNM_float:
    case Encoding::FMINNM_float: case Encoding::FNMUL_float: case Encoding::FCSEL_float:
    case Encoding::FMADD_float: case Encoding::FMSUB_float: case Encoding::FNMADD_float:
    case Encoding::FNMSUB_float:
      return size == 2;
    // size 11 is reserved
    case Encoding::SHADD_vec: case Encoding::SRHADD_vec: case Encoding::SHSUB_vec:
    case Encoding::SMAX_vec: case Encoding::SMIN_vec: case Encoding::SABD_vec:
    case Encoding::SABA_vec: case Encoding::MLA_vec: case Encoding::MUL_vec:
    case Encoding::SMAXP_vec: case Encoding::SMINP_vec: case Encoding::UHADD_vec:
    case Encoding::URHADD_vec: case Encoding::UHSUB_vec: case Encoding::UMAX_vec:
    case Encoding::UMIN_vec: case Encoding::UABD_vec: case Encoding::UABA_vec:
    case Encoding::MLS_vec: case Encoding::UMAXP_vec: case Encoding::UMINP_vec:
    case Encoding::REV64_vec: case Encoding::SADDLP_vec: case Encoding::CLS_vec:
    case Encoding::SADALP_vec: case Encoding::XTN_vec: case Encoding::SQXTN_vec:
    case Encoding::UADDLP_vec: case Encoding::CLZ_vec: case Encoding::UADALP_vec:
    case Encoding::SQXTUN_vec: case Encoding::SHLL_vec: case Encoding::UQXTN_vec:
    case Encoding::SADDL_vec: case Encoding::SADDW_vec: case Encoding::SSUBL_vec:
    case Encoding::SSUBW_vec: case Encoding::ADDHN_vec: case Encoding::SABAL_vec:
    case Encoding::SUBHN_vec: case Encoding::SABDL_vec: case Encoding::SMLAL_vec:
    case Encoding::SMLSL_vec: case Encoding::SMULL_vec: case Encoding::UADDL_vec:
    case Encoding::UADDW_vec: case Encoding::USUBL_vec: case Encoding::USUBW_vec:
    case Encoding::RADDHN_vec: case Encoding::UABAL_vec: case Encoding::RSUBHN_vec:
    case Encoding::UABDL_vec: case Encoding::UMLAL_vec: case Encoding::UMLSL_vec:
    case Encoding::UMULL_vec: case Encoding::SQXTN_scalar: case Encoding::SQXTUN_scalar:
    case Encoding::UQXTN_scalar:
      return size == 3;
    // size 11 needs Q = 1
    case Encoding::SQADD_vec: case Encoding::SQSUB_vec: case Encoding::CMGT_vec:
    case Encoding::CMGE_vec: case Encoding::SSHL_vec: case Encoding::SQSHL_vec:
    case Encoding::SRSHL_vec: case Encoding::SQRSHL_vec: case Encoding::ADD_vec:
    case Encoding::CMTST_vec: case Encoding::ADDP_vec: case Encoding::UQADD_vec:
    case Encoding::UQSUB_vec: case Encoding::CMHI_vec: case Encoding::CMHS_vec:
    case Encoding::USHL_vec: case Encoding::UQSHL_vec: case Encoding::URSHL_vec:
    case Encoding::UQRSHL_vec: case Encoding::SUB_vec: case Encoding::CMEQ_vec:
    case Encoding::SUQADD_vec: case Encoding::SQABS_vec: case Encoding::CMGT_zero_vec:
    case Encoding::CMEQ_zero_vec: case Encoding::CMLT_zero_vec: case Encoding::ABS_vec:
    case Encoding::USQADD_vec: case Encoding::SQNEG_vec: case Encoding::CMGE_zero_vec:
    case Encoding::CMLE_zero_vec: case Encoding::NEG_vec: case Encoding::UZP1:
    case Encoding::TRN1: case Encoding::ZIP1: case Encoding::UZP2: case Encoding::TRN2:
    case Encoding::ZIP2:
      return size == 3 && !q;
    // only size 01 (H) and 10 (S)
    case Encoding::SQDMULH_vec: case Encoding::SQRDMULH_vec: case Encoding::SQRDMLAH_vec:
    case Encoding::SQRDMLSH_vec: case Encoding::SQDMLAL_vec: case Encoding::SQDMLSL_vec:
    case Encoding::SQDMULL_vec: case Encoding::SMLAL_elt_vec: case Encoding::SQDMLAL_elt_vec:
    case Encoding::SMLSL_elt_vec: case Encoding::SQDMLSL_elt_vec: case Encoding::MUL_elt_vec:
    case Encoding::SMULL_elt_vec: case Encoding::SQDMULL_elt_vec:
    case Encoding::SQDMULH_elt_vec: case Encoding::SQRDMULH_elt_vec: case Encoding::MLA_elt_vec:
    case Encoding::UMLAL_elt_vec: case Encoding::MLS_elt_vec: case Encoding::UMLSL_elt_vec:
    case Encoding::UMULL_elt_vec: case Encoding::SQRDMLAH_elt_vec:
    case Encoding::SQRDMLSH_elt_vec: case Encoding::SQDMULH_scalar:
    case Encoding::SQRDMULH_scalar: case Encoding::SQRDMLAH_scalar:
    case Encoding::SQRDMLSH_scalar: case Encoding::SQDMLAL_scalar:
    case Encoding::SQDMLSL_scalar: case Encoding::SQDMULL_scalar:
    case Encoding::SQDMLAL_elt_scalar: case Encoding::SQDMLSL_elt_scalar:
    case Encoding::SQDMULL_elt_scalar: case Encoding::SQDMULH_elt_scalar:
    case Encoding::SQRDMULH_elt_scalar: case Encoding::SQRDMLAH_elt_scalar:
    case Encoding::SQRDMLSH_elt_scalar:
      return size == 0 || size == 3;
    // FP vector: sz = 1 (double) needs Q = 1
    case Encoding::FMAXNM_vec: case Encoding::FMLA_vec: case Encoding::FADD_vec:
    case Encoding::FMULX_vec: case Encoding::FCMEQ_vec: case Encoding::FMAX_vec:
    case Encoding::FRECPS_vec: case Encoding::FMINNM_vec: case Encoding::FMLS_vec:
    case Encoding::FSUB_vec: case Encoding::FMIN_vec: case Encoding::FRSQRTS_vec:
    case Encoding::FMAXNMP_vec: case Encoding::FADDP_vec: case Encoding::FMUL_vec:
    case Encoding::FCMGE_vec: case Encoding::FACGE_vec: case Encoding::FMAXP_vec:
    case Encoding::FDIV_vec: case Encoding::FMINNMP_vec: case Encoding::FABD_vec:
    case Encoding::FCMGT_vec: case Encoding::FACGT_vec: case Encoding::FMINP_vec:
    case Encoding::FRINTN_vec: case Encoding::FRINTM_vec: case Encoding::FCVTNS_vec:
    case Encoding::FCVTMS_vec: case Encoding::FCVTAS_vec: case Encoding::SCVTF_vec:
    case Encoding::FRINT32Z_vec: case Encoding::FRINT64Z_vec: case Encoding::FCMGT_zero_vec:
    case Encoding::FCMEQ_zero_vec: case Encoding::FCMLT_zero_vec: case Encoding::FABS_vec:
    case Encoding::FRINTP_vec: case Encoding::FRINTZ_vec: case Encoding::FCVTPS_vec:
    case Encoding::FCVTZS_vec: case Encoding::FRECPE_vec: case Encoding::FRINTA_vec:
    case Encoding::FRINTX_vec: case Encoding::FCVTNU_vec: case Encoding::FCVTMU_vec:
    case Encoding::FCVTAU_vec: case Encoding::UCVTF_vec: case Encoding::FRINT32X_vec:
    case Encoding::FRINT64X_vec: case Encoding::FCMGE_zero_vec: case Encoding::FCMLE_zero_vec:
    case Encoding::FNEG_vec: case Encoding::FRINTI_vec: case Encoding::FCVTPU_vec:
    case Encoding::FCVTZU_vec: case Encoding::FRSQRTE_vec: case Encoding::FSQRT_vec:
      return sz && !q;
    // FCMLA/FCADD: size 00 is reserved, size 11 needs Q = 1
    case Encoding::FCMLA_vec: case Encoding::FCADD_vec:
      return size == 0 || (size == 3 && !q);
    // across lanes: size 11 is reserved, size 10 needs Q = 1
    case Encoding::SADDLV: case Encoding::SMAXV: case Encoding::SMINV: case Encoding::ADDV:
    case Encoding::UADDLV: case Encoding::UMAXV: case Encoding::UMINV:
      return size == 3 || (size == 2 && !q);
    // PMULL: only size 00 (8-bit) and 11 (64-bit, AES)
    case Encoding::PMULL_vec:
      return size == 1 || size == 2;
    // DUP: imm5 x0000 is reserved, the D element needs Q = 1
    case Encoding::DUP_elt_vec: case Encoding::DUP_gen:
      return (imm5 & 0xf) == 0 || ((imm5 & 0xf) == 8 && !q);
    // imm5 x0000 is reserved
    case Encoding::INS_gen: case Encoding::INS_elt: case Encoding::DUP_elt_scalar:
      return (imm5 & 0xf) == 0;
    // SMOV: B/H elements (32-bit), B/H/S elements (64-bit)
    case Encoding::SMOV:
      return q ? (imm5 & 7) == 0 : (imm5 & 3) == 0;
    // UMOV: B/H/S elements (32-bit), D element only (64-bit)
    case Encoding::UMOV:
      return q ? (imm5 & 0xf) != 8 : (imm5 & 7) == 0;
    // shift by immediate: immh 0000 is reserved (modified immediate), immh 1xxx needs Q = 1
    case Encoding::SSHR_vec: case Encoding::SSRA_vec: case Encoding::SRSHR_vec:
    case Encoding::SRSRA_vec: case Encoding::SHL_vec: case Encoding::SQSHL_imm_vec:
    case Encoding::USHR_vec: case Encoding::USRA_vec: case Encoding::URSHR_vec:
    case Encoding::URSRA_vec: case Encoding::SRI_vec: case Encoding::SLI_vec:
    case Encoding::SQSHLU_vec: case Encoding::UQSHL_imm_vec:
      return immh == 0 || ((immh & 8) != 0 && !q);
    // narrowing/lengthening shifts: immh 0000 is reserved (immh<3> is fixed to 0)
    case Encoding::SHRN_vec: case Encoding::RSHRN_vec: case Encoding::SQSHRN_vec:
    case Encoding::SQRSHRN_vec: case Encoding::SSHLL_vec: case Encoding::SQSHRUN_vec:
    case Encoding::SQRSHRUN_vec: case Encoding::UQSHRN_vec: case Encoding::UQRSHRN_vec:
    case Encoding::USHLL_vec:
      return immh == 0;
    // fixed-point conversions: immh 000x is reserved, immh 1xxx needs Q = 1
    case Encoding::SCVTF_fix_vec: case Encoding::FCVTZS_fix_vec: case Encoding::UCVTF_fix_vec:
    case Encoding::FCVTZU_fix_vec:
      return (immh & 0xe) == 0 || ((immh & 8) != 0 && !q);
    // FP by element, double: L = 1 and Q = 0 are reserved
    case Encoding::FMLA_elt_vec: case Encoding::FMLS_elt_vec: case Encoding::FMUL_elt_vec:
    case Encoding::FMULX_elt_vec:
      return sz && (l || !q);
    // EXT, 64-bit: imm4<3> = 1 is reserved
    case Encoding::EXT:
      return !q && ((word >> 14) & 1) != 0;
    // scalar shift by immediate: immh 0000 is reserved
    case Encoding::SQSHL_imm_scalar: case Encoding::SQSHLU_scalar:
    case Encoding::UQSHL_imm_scalar:
      return immh == 0;
    // scalar narrowing shifts: immh 0000 is reserved
    case Encoding::SQSHRN_scalar: case Encoding::SQRSHRN_scalar: case Encoding::SQSHRUN_scalar:
    case Encoding::SQRSHRUN_scalar: case Encoding::UQSHRN_scalar: case Encoding::UQRSHRN_scalar:
      return (immh & 7) == 0;
    // scalar fixed-point conversions: immh 000x is reserved
    case Encoding::SCVTF_fix_scalar: case Encoding::FCVTZS_fix_scalar:
    case Encoding::UCVTF_fix_scalar: case Encoding::FCVTZU_fix_scalar:
      return (immh & 0xe) == 0;
    // FP by element, scalar double: L = 1 is reserved
    case Encoding::FMLA_elt_scalar: case Encoding::FMLS_elt_scalar:
    case Encoding::FMUL_elt_scalar: case Encoding::FMULX_elt_scalar:
      return sz && l;
    // CASP: Rs and Rt name even-numbered register pairs
    case Encoding::CASP:
      return (rs & 1) != 0 || (rt & 1) != 0;
    // CONSTRAINED UNPREDICTABLE encodings for which we choose UNDEFINED (the Arm ARM allows it;
    // LLVM rejects them too): a load whose writeback base is its transfer register (Rn != SP)
    case Encoding::LDRB_post: case Encoding::LDRB_pre: case Encoding::LDRSB_64_post:
    case Encoding::LDRSB_64_pre: case Encoding::LDRSB_32_post: case Encoding::LDRSB_32_pre:
    case Encoding::LDRH_post: case Encoding::LDRH_pre: case Encoding::LDRSH_64_post:
    case Encoding::LDRSH_64_pre: case Encoding::LDRSH_32_post: case Encoding::LDRSH_32_pre:
    case Encoding::LDR_gen_post: case Encoding::LDR_gen_pre: case Encoding::LDRSW_post:
    case Encoding::LDRSW_pre:
      return rn != 31 && rn == rt;
    case Encoding::LDRA:
      return ((word >> 11) & 1) != 0 && rn != 31 && rn == rt;
    // ... a load pair to the same register twice, and a pair with writeback to one of its
    // transfer registers (stores included, as LLVM; single-register stores are not: the store
    // of the original base value is their constrained behaviour)
    case Encoding::LDXP: case Encoding::LDAXP:
      return rt == rt2;
    case Encoding::STP_gen_post: case Encoding::STP_gen_pre:
      return rn != 31 && (rn == rt || rn == rt2);
    case Encoding::LDP_gen_post: case Encoding::LDP_gen_pre: case Encoding::LDPSW_post:
    case Encoding::LDPSW_pre:
      return rt == rt2 || (rn != 31 && (rn == rt || rn == rt2));
    case Encoding::LDNP_gen: case Encoding::LDP_gen_off: case Encoding::LDPSW_off:
      return rt == rt2;
    // MSR (immediate): the PSTATE fields of Armv8.0-A (SPSel, DAIFSet, DAIFClr); CFINV, XAFLAG and
    // AXFLAG have their own encodings
    case Encoding::MSR_imm: {
      const unsigned field = (((word >> 16) & 7) << 3) | ((word >> 5) & 7);
      return field != 0b000101 && field != 0b011110 && field != 0b011111;
    }
    // Single structure: opcode<2:1> (o) 01 = H (size<0> = 0), 10 = S (size 00) or D (size 01,
    // S = 0); 11 is LDnR (its own encodings), reserved here
    case Encoding::ST1_sngl: case Encoding::ST1_sngl_post: case Encoding::ST2_sngl:
    case Encoding::ST2_sngl_post: case Encoding::ST3_sngl: case Encoding::ST3_sngl_post:
    case Encoding::ST4_sngl: case Encoding::ST4_sngl_post: case Encoding::LD1_sngl:
    case Encoding::LD1_sngl_post: case Encoding::LD2_sngl: case Encoding::LD2_sngl_post:
    case Encoding::LD3_sngl: case Encoding::LD3_sngl_post: case Encoding::LD4_sngl:
    case Encoding::LD4_sngl_post: {
      const unsigned o = (word >> 14) & 3;
      const unsigned s = (word >> 12) & 1;
      const unsigned sz2 = (word >> 10) & 3;
      return (o == 1 && (sz2 & 1) != 0) || (o == 2 && (sz2 >= 2 || (sz2 == 1 && s != 0))) || o == 3;
    }
    // FCVT: ftype and opc 10 are reserved, and so is a conversion to the same precision
    case Encoding::FCVT_float: {
      const unsigned to = (word >> 15) & 3;
      return size == 2 || to == 2 || size == to;
    }
    // FCMLA (by element): H (size 01, Q = 0 needs H = 0) or S (size 10, needs Q = 1 and L = 0)
    case Encoding::FCMLA_elt: {
      const bool h = ((word >> 11) & 1) != 0;
      return size == 0 || size == 3 || (size == 1 && h && !q) || (size == 2 && (l || !q));
    }
    default:
      return false;
  }
}

}  // namespace sae::frontend::arm64
