// The translator visitor: one method per a64.inc encoding it translates, named like the
// encoding, grouped into files by the Arm ARM's encoding groups. An encoding without a method
// here is NotTranslated (decoder.h).
#pragma once

#include <cstdint>

#include "frontend/arm64/decoder/decoder.h"
#include "frontend/arm64/interpreter/structures.h"
#include "frontend/arm64/translate/load_store_forms.h"
#include "ir/emitter.h"

namespace sae::frontend::arm64 {

class TranslatorVisitor {
 public:
  TranslatorVisitor(ir::IREmitter& emitter, std::uint64_t address, std::uint32_t word)
      : ir(emitter), pc(address), word_(word) {}

  bool Unallocated(std::uint32_t word);
  bool NotTranslated(Encoding encoding, std::uint32_t word);

  // ---- Data processing (immediate)
  bool ADR(Imm<2> immlo, Imm<19> immhi, Reg d);
  bool ADRP(Imm<2> immlo, Imm<19> immhi, Reg d);
  bool ADD_imm(bool sf, Imm<1> shift, Imm<12> imm, Reg n, Reg d);
  bool ADDS_imm(bool sf, Imm<1> shift, Imm<12> imm, Reg n, Reg d);
  bool SUB_imm(bool sf, Imm<1> shift, Imm<12> imm, Reg n, Reg d);
  bool SUBS_imm(bool sf, Imm<1> shift, Imm<12> imm, Reg n, Reg d);
  bool AND_imm_32(Imm<6> immr, Imm<6> imms, Reg n, Reg d);
  bool AND_imm_64(bool N, Imm<6> immr, Imm<6> imms, Reg n, Reg d);
  bool ORR_imm_32(Imm<6> immr, Imm<6> imms, Reg n, Reg d);
  bool ORR_imm_64(bool N, Imm<6> immr, Imm<6> imms, Reg n, Reg d);
  bool EOR_imm_32(Imm<6> immr, Imm<6> imms, Reg n, Reg d);
  bool EOR_imm_64(bool N, Imm<6> immr, Imm<6> imms, Reg n, Reg d);
  bool ANDS_imm_32(Imm<6> immr, Imm<6> imms, Reg n, Reg d);
  bool ANDS_imm_64(bool N, Imm<6> immr, Imm<6> imms, Reg n, Reg d);
  bool MOVN_32(Imm<1> hw, Imm<16> imm, Reg d);
  bool MOVN_64(Imm<2> hw, Imm<16> imm, Reg d);
  bool MOVZ_32(Imm<1> hw, Imm<16> imm, Reg d);
  bool MOVZ_64(Imm<2> hw, Imm<16> imm, Reg d);
  bool MOVK_32(Imm<1> hw, Imm<16> imm, Reg d);
  bool MOVK_64(Imm<2> hw, Imm<16> imm, Reg d);
  bool SBFM_32(Imm<5> immr, Imm<5> imms, Reg n, Reg d);
  bool SBFM_64(Imm<6> immr, Imm<6> imms, Reg n, Reg d);
  bool BFM_32(Imm<5> immr, Imm<5> imms, Reg n, Reg d);
  bool BFM_64(Imm<6> immr, Imm<6> imms, Reg n, Reg d);
  bool UBFM_32(Imm<5> immr, Imm<5> imms, Reg n, Reg d);
  bool UBFM_64(Imm<6> immr, Imm<6> imms, Reg n, Reg d);
  bool EXTR_32(Reg m, Imm<5> lsb, Reg n, Reg d);
  bool EXTR_64(Reg m, Imm<6> lsb, Reg n, Reg d);

  // ---- Loads and stores
  enum class Addressing { Unscaled, PostIndex, PreIndex, UnsignedOffset, RegisterOffset };
  enum class MemOp { Store, LoadZero, LoadSigned32, LoadSigned64, Prefetch };
  struct AddressSpec {
    Addressing mode;
    std::int64_t imm;  // the byte offset, or the unscaled imm12 of UnsignedOffset
    Reg m;             // RegisterOffset: the index register, its extension option and shift
    unsigned option;
    bool shift;
  };
#define LOAD_STORE(name, addressing, size, operation) bool name(SAE_LDST_PARAMS_##addressing);
#define LOAD_STORE_GEN(name, addressing, operation) bool name(bool z, SAE_LDST_PARAMS_##addressing);
#include "frontend/arm64/translate/load_store.inc"
#undef LOAD_STORE_GEN
#undef LOAD_STORE
  // SIMD&FP registers (load_store_vector.cpp)
#define LOAD_STORE_VECTOR(name, addressing, load) bool name(Imm<2> size, SAE_LDSTV_PARAMS_##addressing);
#define LOAD_STORE_VECTOR_128(name, addressing, load) bool name(SAE_LDSTV_PARAMS_##addressing);
#include "frontend/arm64/translate/load_store_vector.inc"
#undef LOAD_STORE_VECTOR_128
#undef LOAD_STORE_VECTOR
  bool LDR_lit_fpsimd(Imm<1> size, Imm<19> imm, Vec t);
  bool LDR_lit_fpsimd_128(Imm<19> imm, Vec t);
  bool STNP_fpsimd(Imm<2> size, Imm<7> imm, Vec t2, Reg n, Vec t);
  bool LDNP_fpsimd(Imm<2> size, Imm<7> imm, Vec t2, Reg n, Vec t);
  bool STP_fpsimd_post(Imm<2> size, Imm<7> imm, Vec t2, Reg n, Vec t);
  bool STP_fpsimd_off(Imm<2> size, Imm<7> imm, Vec t2, Reg n, Vec t);
  bool STP_fpsimd_pre(Imm<2> size, Imm<7> imm, Vec t2, Reg n, Vec t);
  bool LDP_fpsimd_post(Imm<2> size, Imm<7> imm, Vec t2, Reg n, Vec t);
  bool LDP_fpsimd_off(Imm<2> size, Imm<7> imm, Vec t2, Reg n, Vec t);
  bool LDP_fpsimd_pre(Imm<2> size, Imm<7> imm, Vec t2, Reg n, Vec t);
#define STRUCTURE(name, kind, registers, interleave, load, post) \
  bool name(SAE_STRUCTURE_PARAMS_##kind##_##post);
  SAE_A64_STRUCTURES(STRUCTURE)
#undef STRUCTURE
  bool LDR_lit_gen(bool z, Imm<19> imm, Reg t);
  bool LDRSW_lit(Imm<19> imm, Reg t);
  bool PRFM_lit(Imm<19> imm, Reg t);
  bool STNP_gen(bool z, Imm<7> imm, Reg t2, Reg n, Reg t);
  bool LDNP_gen(bool z, Imm<7> imm, Reg t2, Reg n, Reg t);
  bool STP_gen_post(bool z, Imm<7> imm, Reg t2, Reg n, Reg t);
  bool STP_gen_off(bool z, Imm<7> imm, Reg t2, Reg n, Reg t);
  bool STP_gen_pre(bool z, Imm<7> imm, Reg t2, Reg n, Reg t);
  bool LDP_gen_post(bool z, Imm<7> imm, Reg t2, Reg n, Reg t);
  bool LDP_gen_off(bool z, Imm<7> imm, Reg t2, Reg n, Reg t);
  bool LDP_gen_pre(bool z, Imm<7> imm, Reg t2, Reg n, Reg t);
  bool LDPSW_post(Imm<7> imm, Reg t2, Reg n, Reg t);
  bool LDPSW_off(Imm<7> imm, Reg t2, Reg n, Reg t);
  bool LDPSW_pre(Imm<7> imm, Reg t2, Reg n, Reg t);
  bool LDAR(Imm<2> size, Reg n, Reg t);
  bool LDAPR(Imm<2> size, Reg n, Reg t);
  bool STLR(Imm<2> size, Reg n, Reg t);
  bool LDAPUR(Imm<2> size, Imm<9> imm, Reg n, Reg t);
  bool STLUR(Imm<2> size, Imm<9> imm, Reg n, Reg t);
  bool LDAPURS_64(bool half, Imm<9> imm, Reg n, Reg t);
  bool LDAPURS_32(bool half, Imm<9> imm, Reg n, Reg t);
  bool LDAPURSW(Imm<9> imm, Reg n, Reg t);

  // ---- Data processing (register)
  bool UDIV(bool sf, Reg m, Reg n, Reg d);
  bool SDIV(bool sf, Reg m, Reg n, Reg d);
  bool LSLV(bool sf, Reg m, Reg n, Reg d);
  bool LSRV(bool sf, Reg m, Reg n, Reg d);
  bool ASRV(bool sf, Reg m, Reg n, Reg d);
  bool RORV(bool sf, Reg m, Reg n, Reg d);
  bool CRC32_32(Reg m, bool c, Imm<2> sz, Reg n, Reg d);
  bool CRC32_64(Reg m, bool c, Reg n, Reg d);
  bool RBIT(bool sf, Reg n, Reg d);
  bool REV16(bool sf, Reg n, Reg d);
  bool REV_32(Reg n, Reg d);
  bool REV32(Reg n, Reg d);
  bool REV_64(Reg n, Reg d);
  bool CLZ(bool sf, Reg n, Reg d);
  bool CLS(bool sf, Reg n, Reg d);
  bool AND_shift_32(Imm<2> shift, Reg m, Imm<5> imm, Reg n, Reg d);
  bool AND_shift_64(Imm<2> shift, Reg m, Imm<6> imm, Reg n, Reg d);
  bool BIC_shift_32(Imm<2> shift, Reg m, Imm<5> imm, Reg n, Reg d);
  bool BIC_shift_64(Imm<2> shift, Reg m, Imm<6> imm, Reg n, Reg d);
  bool ORR_shift_32(Imm<2> shift, Reg m, Imm<5> imm, Reg n, Reg d);
  bool ORR_shift_64(Imm<2> shift, Reg m, Imm<6> imm, Reg n, Reg d);
  bool ORN_shift_32(Imm<2> shift, Reg m, Imm<5> imm, Reg n, Reg d);
  bool ORN_shift_64(Imm<2> shift, Reg m, Imm<6> imm, Reg n, Reg d);
  bool EOR_shift_32(Imm<2> shift, Reg m, Imm<5> imm, Reg n, Reg d);
  bool EOR_shift_64(Imm<2> shift, Reg m, Imm<6> imm, Reg n, Reg d);
  bool EON_shift_32(Imm<2> shift, Reg m, Imm<5> imm, Reg n, Reg d);
  bool EON_shift_64(Imm<2> shift, Reg m, Imm<6> imm, Reg n, Reg d);
  bool ANDS_shift_32(Imm<2> shift, Reg m, Imm<5> imm, Reg n, Reg d);
  bool ANDS_shift_64(Imm<2> shift, Reg m, Imm<6> imm, Reg n, Reg d);
  bool BICS_shift_32(Imm<2> shift, Reg m, Imm<5> imm, Reg n, Reg d);
  bool BICS_shift_64(Imm<2> shift, Reg m, Imm<6> imm, Reg n, Reg d);
  bool ADD_shift_32(Imm<2> shift, Reg m, Imm<5> imm, Reg n, Reg d);
  bool ADD_shift_64(Imm<2> shift, Reg m, Imm<6> imm, Reg n, Reg d);
  bool ADDS_shift_32(Imm<2> shift, Reg m, Imm<5> imm, Reg n, Reg d);
  bool ADDS_shift_64(Imm<2> shift, Reg m, Imm<6> imm, Reg n, Reg d);
  bool SUB_shift_32(Imm<2> shift, Reg m, Imm<5> imm, Reg n, Reg d);
  bool SUB_shift_64(Imm<2> shift, Reg m, Imm<6> imm, Reg n, Reg d);
  bool SUBS_shift_32(Imm<2> shift, Reg m, Imm<5> imm, Reg n, Reg d);
  bool SUBS_shift_64(Imm<2> shift, Reg m, Imm<6> imm, Reg n, Reg d);
  bool ADD_ext(bool sf, Reg m, Imm<3> option, Imm<3> imm, Reg n, Reg d);
  bool ADDS_ext(bool sf, Reg m, Imm<3> option, Imm<3> imm, Reg n, Reg d);
  bool SUB_ext(bool sf, Reg m, Imm<3> option, Imm<3> imm, Reg n, Reg d);
  bool SUBS_ext(bool sf, Reg m, Imm<3> option, Imm<3> imm, Reg n, Reg d);
  bool ADC(bool sf, Reg m, Reg n, Reg d);
  bool ADCS(bool sf, Reg m, Reg n, Reg d);
  bool SBC(bool sf, Reg m, Reg n, Reg d);
  bool SBCS(bool sf, Reg m, Reg n, Reg d);
  bool RMIF(Imm<6> imm, Reg n, Imm<4> mask);
  bool SETF8(Reg n);
  bool SETF16(Reg n);
  bool CCMN_reg(bool sf, Reg m, Cond cond, Reg n, Imm<4> nzcv);
  bool CCMP_reg(bool sf, Reg m, Cond cond, Reg n, Imm<4> nzcv);
  bool CCMN_imm(bool sf, Imm<5> imm, Cond cond, Reg n, Imm<4> nzcv);
  bool CCMP_imm(bool sf, Imm<5> imm, Cond cond, Reg n, Imm<4> nzcv);
  bool CSEL(bool sf, Reg m, Cond cond, Reg n, Reg d);
  bool CSINC(bool sf, Reg m, Cond cond, Reg n, Reg d);
  bool CSINV(bool sf, Reg m, Cond cond, Reg n, Reg d);
  bool CSNEG(bool sf, Reg m, Cond cond, Reg n, Reg d);
  bool MADD(bool sf, Reg m, Reg a, Reg n, Reg d);
  bool MSUB(bool sf, Reg m, Reg a, Reg n, Reg d);
  bool SMADDL(Reg m, Reg a, Reg n, Reg d);
  bool SMSUBL(Reg m, Reg a, Reg n, Reg d);
  bool UMADDL(Reg m, Reg a, Reg n, Reg d);
  bool UMSUBL(Reg m, Reg a, Reg n, Reg d);
  bool SMULH(Reg m, Reg a, Reg n, Reg d);
  bool UMULH(Reg m, Reg a, Reg n, Reg d);

  // ---- Exclusives and atomics
  bool STXR(Imm<2> size, Reg s, Reg n, Reg t);
  bool STLXR(Imm<2> size, Reg s, Reg n, Reg t);
  bool LDXR(Imm<2> size, Reg n, Reg t);
  bool LDAXR(Imm<2> size, Reg n, Reg t);
  bool STXP(bool z, Reg s, Reg t2, Reg n, Reg t);
  bool STLXP(bool z, Reg s, Reg t2, Reg n, Reg t);
  bool LDXP(bool z, Reg t2, Reg n, Reg t);
  bool LDAXP(bool z, Reg t2, Reg n, Reg t);
  bool CLREX(Imm<4> crm);
  bool CAS(Imm<2> size, bool A, Reg s, bool R, Reg n, Reg t);
  bool CASP(bool z, bool A, Reg s, bool R, Reg n, Reg t);
  bool LDADD(Imm<2> size, bool A, bool R, Reg s, Reg n, Reg t);
  bool LDCLR(Imm<2> size, bool A, bool R, Reg s, Reg n, Reg t);
  bool LDEOR(Imm<2> size, bool A, bool R, Reg s, Reg n, Reg t);
  bool LDSET(Imm<2> size, bool A, bool R, Reg s, Reg n, Reg t);
  bool LDSMAX(Imm<2> size, bool A, bool R, Reg s, Reg n, Reg t);
  bool LDSMIN(Imm<2> size, bool A, bool R, Reg s, Reg n, Reg t);
  bool LDUMAX(Imm<2> size, bool A, bool R, Reg s, Reg n, Reg t);
  bool LDUMIN(Imm<2> size, bool A, bool R, Reg s, Reg n, Reg t);
  bool SWP(Imm<2> size, bool A, bool R, Reg s, Reg n, Reg t);

  // ---- Advanced SIMD, inline (advanced_simd.cpp)
  bool ADD_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d);
  bool SUB_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d);
  bool MUL_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d);
  bool CMEQ_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d);
  bool CMGT_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d);
  bool CMHI_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d);
  bool CMGE_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d);
  bool CMHS_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d);
  bool CMTST_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d);
  bool SMAX_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d);
  bool SMIN_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d);
  bool UMAX_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d);
  bool UMIN_vec(bool q, Imm<2> size, Vec m, Vec n, Vec d);
  bool AND_vec(bool q, Vec m, Vec n, Vec d);
  bool BIC_vec(bool q, Vec m, Vec n, Vec d);
  bool ORR_vec(bool q, Vec m, Vec n, Vec d);
  bool ORN_vec(bool q, Vec m, Vec n, Vec d);
  bool EOR_vec(bool q, Vec m, Vec n, Vec d);
  bool NOT_vec(bool q, Vec n, Vec d);
  bool NEG_vec(bool q, Imm<2> size, Vec n, Vec d);
  bool ABS_vec(bool q, Imm<2> size, Vec n, Vec d);
  bool SHL_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d);
  bool SSHR_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d);
  bool USHR_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d);
  bool DUP_gen(bool q, Imm<5> imm5, Reg n, Vec d);
  bool MOVI_32_lsl0(bool q, Imm<3> abc, Imm<5> defgh, Vec d);
  bool MOVI_32_lsl8(bool q, Imm<3> abc, Imm<5> defgh, Vec d);
  bool MOVI_32_lsl16(bool q, Imm<3> abc, Imm<5> defgh, Vec d);
  bool MOVI_32_lsl24(bool q, Imm<3> abc, Imm<5> defgh, Vec d);
  bool MOVI_32_msl8(bool q, Imm<3> abc, Imm<5> defgh, Vec d);
  bool MOVI_32_msl16(bool q, Imm<3> abc, Imm<5> defgh, Vec d);
  bool MOVI_16_lsl0(bool q, Imm<3> abc, Imm<5> defgh, Vec d);
  bool MOVI_16_lsl8(bool q, Imm<3> abc, Imm<5> defgh, Vec d);
  bool MOVI_8(bool q, Imm<3> abc, Imm<5> defgh, Vec d);
  bool MOVI_64(bool q, Imm<3> abc, Imm<5> defgh, Vec d);
  bool FMOV_to_gen_32(Vec n, Reg d);
  bool FMOV_to_gen_64(Vec n, Reg d);
  bool FMOV_to_gen_top(Vec n, Reg d);
  bool FMOV_from_gen_32(Reg n, Vec d);
  bool FMOV_from_gen_64(Reg n, Vec d);
  bool FMOV_from_gen_top(Reg n, Vec d);
  bool FMOV_float(Imm<2> type, Vec n, Vec d);
  bool FABS_float(Imm<2> type, Vec n, Vec d);
  bool FNEG_float(Imm<2> type, Vec n, Vec d);
  bool FCMP_float(Imm<2> type, Vec m, Vec n);
  bool FCMP_float_zero(Imm<2> type, Vec m, Vec n);
  bool FCMPE_float(Imm<2> type, Vec m, Vec n);
  bool FCMPE_float_zero(Imm<2> type, Vec m, Vec n);
  bool FADD_float(Imm<2> type, Vec m, Vec n, Vec d);
  bool FSUB_float(Imm<2> type, Vec m, Vec n, Vec d);
  bool FMUL_float(Imm<2> type, Vec m, Vec n, Vec d);
  bool FDIV_float(Imm<2> type, Vec m, Vec n, Vec d);
  bool FMADD_float(Imm<2> type, Vec m, Vec a, Vec n, Vec d);
  bool FMSUB_float(Imm<2> type, Vec m, Vec a, Vec n, Vec d);
  bool FNMADD_float(Imm<2> type, Vec m, Vec a, Vec n, Vec d);
  bool FNMSUB_float(Imm<2> type, Vec m, Vec a, Vec n, Vec d);
  bool FADD_vec(bool q, bool sz, Vec m, Vec n, Vec d);
  bool FSUB_vec(bool q, bool sz, Vec m, Vec n, Vec d);
  bool FMUL_vec(bool q, bool sz, Vec m, Vec n, Vec d);
  bool FDIV_vec(bool q, bool sz, Vec m, Vec n, Vec d);
  bool FMLA_vec(bool q, bool sz, Vec m, Vec n, Vec d);
  bool FMLS_vec(bool q, bool sz, Vec m, Vec n, Vec d);
  bool SCVTF_float_int(bool z, Imm<2> type, Reg n, Vec d);
  bool UCVTF_float_int(bool z, Imm<2> type, Reg n, Vec d);
  bool FCVTZS_float_int(bool z, Imm<2> type, Vec n, Reg d);
  bool FCVTZU_float_int(bool z, Imm<2> type, Vec n, Reg d);
  bool FCVT_float(Imm<2> type, Imm<2> opc, Vec n, Vec d);

  // ---- Branches
  bool B_cond(Imm<19> imm, Cond cond);
  bool B_uncond(Imm<26> imm);
  bool BL(Imm<26> imm);
  bool CBZ(bool sf, Imm<19> imm, Reg t);
  bool CBNZ(bool sf, Imm<19> imm, Reg t);
  bool TBZ(Imm<1> b5, Imm<5> b40, Imm<14> imm, Reg t);
  bool TBNZ(Imm<1> b5, Imm<5> b40, Imm<14> imm, Reg t);
  bool BR(Reg n);
  bool BLR(Reg n);
  bool RET(Reg n);

  // ---- System
  bool HINT(Imm<4> crm, Imm<3> op2);
  bool NOP();
  bool YIELD();
  bool WFE();
  bool WFI();
  bool SEV();
  bool SEVL();
  bool XPACLRI();
  bool PACIA1716();
  bool PACIB1716();
  bool AUTIA1716();
  bool AUTIB1716();
  bool PACIAZ();
  bool PACIASP();
  bool PACIBZ();
  bool PACIBSP();
  bool AUTIAZ();
  bool AUTIASP();
  bool AUTIBZ();
  bool AUTIBSP();
  bool BTI(Imm<2> targets);
  bool DSB(Imm<4> option);
  bool DMB(Imm<4> option);
  bool ISB(Imm<4> option);
  bool SB();
  bool MSR_imm(Imm<3> op1, Imm<4> crm, Imm<3> op2);
  bool CFINV();
  bool AXFLAG();
  bool XAFLAG();
  bool MRS(Imm<15> reg, Reg t);
  bool MSR_reg(Imm<15> reg, Reg t);
  bool SYS(Imm<3> op1, Imm<4> crn, Imm<4> crm, Imm<3> op2, Reg t);
  bool SYSL(Imm<3> op1, Imm<4> crn, Imm<4> crm, Imm<3> op2, Reg t);
  bool DC_ZVA(Reg t);
  bool ERET();
  bool ERETA(bool key);
  bool DRPS();
  bool BRAZ(bool key, Reg n);
  bool BLRAZ(bool key, Reg n);
  bool RETA(bool key);
  bool BRA(bool key, Reg n, Reg m);
  bool BLRA(bool key, Reg n, Reg m);

  // ---- Exception generation
  bool UDF(Imm<16> imm);
  bool SVC(Imm<16> imm);
  bool HVC(Imm<16> imm);
  bool SMC(Imm<16> imm);
  bool BRK(Imm<16> imm);
  bool HLT(Imm<16> imm);
  bool DCPS1(Imm<16> imm);
  bool DCPS2(Imm<16> imm);
  bool DCPS3(Imm<16> imm);

 private:
  // Rn/Rd where 31 is SP (ADD/SUB immediate, logical immediates' Rd).
  ir::U32U64 GetRegOrSP(bool sf, Reg r);
  void SetRegOrSP(Reg r, ir::U32U64 value);
  bool AddSubImmediate(bool sf, Imm<1> shift, Imm<12> imm, Reg n, Reg d, bool subtract, bool flags);
  bool LogicalImmediate(bool sf, bool N, unsigned immr, unsigned imms, Reg n, Reg d, ir::Opcode op,
                        bool flags);
  bool MoveWide(bool sf, unsigned hw, Imm<16> imm, Reg d, int kind);
  bool Bitfield(bool sf, unsigned immr, unsigned imms, Reg n, Reg d, int kind);
  bool Extract(bool sf, Reg m, unsigned lsb, Reg n, Reg d);
  bool SystemRegisterTrap(unsigned id, Reg t, bool read);
  ir::U64 BaseAddress(Reg n);
  void WriteBack(Reg n, ir::U64 address);
  void Load(unsigned size, MemOp op, ir::U64 address, Reg t);
  ir::U32U64 LoadValue(unsigned size, MemOp op, ir::U64 address);
  void Store(unsigned size, ir::U64 address, Reg t);
  // A load-acquire or store-release of 1 << size bytes at X[n] + offset.
  void Ordered(unsigned size, MemOp op, Reg n, std::int64_t offset, Reg t);
  bool LoadStoreSingle(const AddressSpec& spec, unsigned size, MemOp op, Reg n, Reg t);
  // The address an AddressSpec makes from `base` for an access of 1 << size bytes (before
  // post-indexing: the write-back address).
  ir::U64 OffsetAddress(const AddressSpec& spec, unsigned size, ir::U64 base);
  // SIMD&FP registers: 1 << size bytes (size 4: Q) between memory and V[t], whose other bits
  // a load clears.
  void LoadVector(unsigned size, ir::U64 address, Vec t);
  void StoreVector(unsigned size, ir::U64 address, Vec t);
  bool LoadStoreVector(const AddressSpec& spec, unsigned size, bool load, Reg n, Vec t);
  bool LoadStoreVectorPair(unsigned size, bool load, Addressing mode, Imm<7> imm, Vec t2, Reg n,
                           Vec t);
  bool LoadStoreStructure(Encoding encoding, const StructureShape& shape, bool load, bool post,
                          Reg m, Reg n);
  bool LoadStorePair(unsigned size, bool load, bool signed_words, Addressing mode, Imm<7> imm,
                     Reg t2, Reg n, Reg t);
  ir::Value GetVector(Vec v);
  void SetVector(bool q, Vec d, ir::Value value);
  // d = op(n, m) lane by lane; d = op(n, m) bit by bit.
  bool VectorElementwise(ir::Opcode op, bool q, Imm<2> size, Vec m, Vec n, Vec d);
  bool VectorBitwise(ir::Opcode op, bool q, Vec m, Vec n, Vec d);
  bool ShiftRight(bool arithmetic, bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d);
  bool MoveImmediate(bool q, std::uint64_t imm64, Vec d);
  bool FloatingPointSignOp(Imm<2> type, Vec n, Vec d, bool clear_sign, bool flip_sign);
  bool FloatingPointCompare(Encoding encoding, Imm<2> type, Vec m, Vec n, bool with_zero);
  // An ir::FloatingPoint operation for this instruction (registers by number; a: the addend).
  bool FloatingPoint(Encoding encoding, ir::FPOperation operation, bool double_precision,
                     bool vector, bool q, unsigned d, unsigned n, unsigned m, unsigned a);
  bool FloatingPointConvert(Encoding encoding, ir::FPConversion conversion, bool double_precision,
                            bool int64, unsigned d, unsigned n);
  bool CompareAndBranch(bool sf, Imm<19> imm, Reg t, bool if_zero);
  bool TestAndBranch(unsigned bit, Imm<14> imm, Reg t, bool if_zero);

  ir::IREmitter& ir;
  std::uint64_t pc;
  std::uint32_t word_;  // the instruction being translated
};

}  // namespace sae::frontend::arm64
