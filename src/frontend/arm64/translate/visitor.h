// The translator visitor: one method per a64.inc encoding it translates, named like the
// encoding, grouped into files by the Arm ARM's encoding groups. An encoding without a method
// here is NotTranslated (decoder.h).
#pragma once

#include <cstdint>

#include "frontend/arm64/decoder/decoder.h"
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

  // ---- Exception generation
  bool UDF(Imm<16> imm);
  bool SVC(Imm<16> imm);
  bool HVC(Imm<16> imm);
  bool SMC(Imm<16> imm);
  bool BRK(Imm<16> imm);
  bool HLT(Imm<16> imm);

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
  bool CompareAndBranch(bool sf, Imm<19> imm, Reg t, bool if_zero);
  bool TestAndBranch(unsigned bit, Imm<14> imm, Reg t, bool if_zero);

  ir::IREmitter& ir;
  std::uint64_t pc;
  std::uint32_t word_;  // the instruction being translated
};

}  // namespace sae::frontend::arm64
