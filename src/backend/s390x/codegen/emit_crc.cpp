// CRC32 and CRC32C steps (arm64 CRC32*, CRC32C*), table-free and bit by bit: for each data bit,
// least significant first, crc = (crc >> 1) ^ (poly if (crc ^ bit) & 1), with the bit-reflected
// polynomial. A BRCT loop of eight instructions per bit; correctness first (a VGFM-based
// Barrett reduction would be faster).
#include "backend/s390x/codegen/emit_ir.h"

namespace sae::backend::s390x {

using ir::Opcode;

namespace {

constexpr std::uint32_t kIsoReflected = 0xedb88320;         // 0x04C11DB7 bit-reversed
constexpr std::uint32_t kCastagnoliReflected = 0x82f63b78;  // 0x1EDC6F41 bit-reversed

// The data is shifted through r14 and the bit count runs in r0; the CRC lives in the low word of
// the result register (32-bit shifts and XORs leave its high word alone until the final LLGFR).
void Crc32(EmitContext& ctx, const ir::Inst& inst, std::uint32_t polynomial, int bits) {
  Assembler& as = ctx.as;
  ctx.UseInto(inst.arg(1), kScratch2);
  const Gpr accumulator = ctx.Use(inst.arg(0), kScratch1);
  const Gpr d = ctx.Def(inst);
  as.LGR(d, accumulator);
  as.LHI(kScratch0, static_cast<std::int16_t>(bits));
  Label step;
  as.Bind(step);
  as.LGR(kScratch1, d);
  as.XGR(kScratch1, kScratch2);
  as.RISBG(kScratch1, kScratch1, 63, 63 | 0x80, 0);  // (crc ^ data) & 1
  as.LCGR(kScratch1, kScratch1);                     // 0 or all ones
  as.NILF(kScratch1, polynomial);                    // low word: 0 or the polynomial
  as.SRLK(d, d, BaseDisp(r0, 1));
  as.XR(d, kScratch1);
  as.SRLG(kScratch2, kScratch2, BaseDisp(r0, 1));
  as.BRCT(kScratch0, Rel16(step));
  as.LLGFR(d, d);
}

}  // namespace

#define SAE_CRC32(opcode, polynomial, bits)                             \
  template <>                                                           \
  void EmitIR<Opcode::opcode>(EmitContext& ctx, const ir::Inst& inst) { \
    Crc32(ctx, inst, polynomial, bits);                                 \
  }
SAE_CRC32(CRC32ISO8, kIsoReflected, 8)
SAE_CRC32(CRC32ISO16, kIsoReflected, 16)
SAE_CRC32(CRC32ISO32, kIsoReflected, 32)
SAE_CRC32(CRC32ISO64, kIsoReflected, 64)
SAE_CRC32(CRC32Castagnoli8, kCastagnoliReflected, 8)
SAE_CRC32(CRC32Castagnoli16, kCastagnoliReflected, 16)
SAE_CRC32(CRC32Castagnoli32, kCastagnoliReflected, 32)
SAE_CRC32(CRC32Castagnoli64, kCastagnoliReflected, 64)
#undef SAE_CRC32

}  // namespace sae::backend::s390x
