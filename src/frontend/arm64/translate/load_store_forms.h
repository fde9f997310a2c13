// Parameter lists of the load/store visitor methods by addressing form (load_store.inc), and how
// each becomes an AddressSpec. Internal to the translator.
#pragma once

#define SAE_LDST_PARAMS_Unscaled Imm<9> imm, Reg n, Reg t
#define SAE_LDST_PARAMS_PostIndex Imm<9> imm, Reg n, Reg t
#define SAE_LDST_PARAMS_PreIndex Imm<9> imm, Reg n, Reg t
#define SAE_LDST_PARAMS_UnsignedOffset Imm<12> imm, Reg n, Reg t
#define SAE_LDST_PARAMS_RegisterOffset Reg m, bool e, bool x, bool S, Reg n, Reg t

// The same for SIMD&FP registers (Vt).
#define SAE_LDSTV_PARAMS_Unscaled Imm<9> imm, Reg n, Vec t
#define SAE_LDSTV_PARAMS_PostIndex Imm<9> imm, Reg n, Vec t
#define SAE_LDSTV_PARAMS_PreIndex Imm<9> imm, Reg n, Vec t
#define SAE_LDSTV_PARAMS_UnsignedOffset Imm<12> imm, Reg n, Vec t
#define SAE_LDSTV_PARAMS_RegisterOffset Reg m, bool e, bool x, bool S, Reg n, Vec t

#define SAE_LDST_SPEC_Unscaled {Addressing::Unscaled, imm.SignExtend(), Reg(0), 0, false}
#define SAE_LDST_SPEC_PostIndex {Addressing::PostIndex, imm.SignExtend(), Reg(0), 0, false}
#define SAE_LDST_SPEC_PreIndex {Addressing::PreIndex, imm.SignExtend(), Reg(0), 0, false}
#define SAE_LDST_SPEC_UnsignedOffset \
  {Addressing::UnsignedOffset, static_cast<std::int64_t>(imm.ZeroExtend()), Reg(0), 0, false}
// option = e:1:x (option<1> is fixed to 1 in these encodings)
#define SAE_LDST_SPEC_RegisterOffset \
  {Addressing::RegisterOffset, 0, m, (unsigned{e} << 2) | 2u | unsigned{x}, S}
