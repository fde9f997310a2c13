// The s390x assembler of the baseline tier: one method per instruction of insns.inc, named by its
// mnemonic and taking its operands in Principles of Operation order with strict types:
//   as.AGRK(r1, r2, r3);  as.LRVG(r2, Mem{r3, r4, -8});  as.BRCL(Cond::Equal, label);
// plus labels with fixups and the helpers every code generator needs (constants, bit fields,
// displacements out of range).
#pragma once

#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "backend/s390x/asm/code_buffer.h"
#include "backend/s390x/asm/insn_table.h"
#include "backend/s390x/asm/operands.h"
#include "common/preprocessor.h"

namespace sae::backend::s390x {

// A position in the code, possibly not known yet. Branches to an unbound label leave a fixup that
// Bind() resolves; a label destroyed while branches still wait for it is a bug (asserted).
class Label {
 public:
  Label() = default;
  Label(const Label&) = delete;
  Label& operator=(const Label&) = delete;
  ~Label() { assert(fixups_.empty() && "label destroyed with unresolved branches"); }

  bool bound() const { return position_ >= 0; }
  std::size_t position() const { return static_cast<std::size_t>(position_); }

 private:
  friend class Assembler;
  enum class FixupKind : std::uint8_t { kPc16Dbl, kPc32Dbl };
  struct Fixup {
    std::size_t instruction;  // offset of the branch; its displacement field is 2 bytes in
    FixupKind kind;
  };
  std::ptrdiff_t position_ = -1;
  std::vector<Fixup> fixups_;
};

// One operand as the encoders see it: a register number, mask or immediate in `value`; for a
// storage operand the displacement in `value` and base/index registers; for a PC-relative operand
// either halfwords in `value` or a label.
struct Field {
  std::int64_t value = 0;
  std::uint8_t base = 0;
  std::uint8_t index = 0;
  Label* label = nullptr;
};
using Operands = std::array<Field, kMaxOperands>;

template <OperandKind K>
struct KindType;
#define OPERAND_KIND(kind, type) \
  template <>                    \
  struct KindType<OperandKind::kind> {  \
    using Type = type;           \
  };
#include "backend/s390x/asm/operand_kinds.inc"
#undef OPERAND_KIND

inline constexpr bool FitsDisp12(std::int64_t d) { return d >= 0 && d < 4096; }
inline constexpr bool FitsDisp20(std::int64_t d) { return d >= -(1 << 19) && d < (1 << 19); }

// Converts a typed operand to its field, asserting what the type alone cannot express.
template <OperandKind K>
Field ToField(const typename KindType<K>::Type& operand) {
  using T = typename KindType<K>::Type;
  if constexpr (std::is_same_v<T, Gpr> || std::is_same_v<T, Fpr> || std::is_same_v<T, Vr>) {
    if constexpr (K == OperandKind::RE) assert(operand.index % 2 == 0 && "register pair must be even");
    return {operand.index};
  } else if constexpr (std::is_same_v<T, Mask>) {
    return {operand.value};
  } else if constexpr (std::is_same_v<T, Cond>) {
    return {static_cast<std::int64_t>(operand)};
  } else if constexpr (std::is_same_v<T, Mem>) {
    assert(K == OperandKind::MX12 ? FitsDisp12(operand.disp) : FitsDisp20(operand.disp));
    return {operand.disp, operand.base.index, operand.index.index};
  } else if constexpr (std::is_same_v<T, BaseDisp>) {
    assert(K == OperandKind::BD12 ? FitsDisp12(operand.disp) : FitsDisp20(operand.disp));
    return {operand.disp, operand.base.index};
  } else if constexpr (std::is_same_v<T, Rel16> || std::is_same_v<T, Rel32>) {
    return {operand.halfwords, 0, 0, operand.label};
  } else {
    return {operand.value};  // immediates, range-checked when constructed
  }
}

class Assembler {
 public:
  explicit Assembler(CodeBuffer& buffer) : buffer_(buffer) {}

  CodeBuffer& buffer() { return buffer_; }
  std::size_t size() const { return buffer_.size(); }

  // --- One method per instruction of insns.inc ---------------------------------------------
#define SAE_ASM_PARAM(kind, n) typename KindType<OperandKind::kind>::Type o##n
#define SAE_ASM_ARG(kind, n) ToField<OperandKind::kind>(o##n)
#define INSN(mnemonic, format, opcode, facility, ...)                 \
  void mnemonic(SAE_PP_MAP(SAE_ASM_PARAM, __VA_ARGS__)) {             \
    Encode##format(opcode, Operands{SAE_PP_MAP(SAE_ASM_ARG, __VA_ARGS__)}); \
  }
#include "backend/s390x/asm/insns.inc"
#undef INSN
#undef SAE_ASM_ARG
#undef SAE_ASM_PARAM

  // Emits any instruction of the table from untyped fields (tests, table-driven emitters).
  void Emit(Insn insn, const Operands& operands);

  // --- Labels ---------------------------------------------------------------------------------
  void Bind(Label& label);

  // A BRCL whose 32-bit displacement is 4-byte aligned, so that a running thread sees either the
  // old or the new target when PatchBranch() retargets it (block linking). Returns its offset.
  std::size_t PatchableBRCL(Cond condition, Rel32 target);
  // Retargets the patchable BRCL at `branch` to `target` with one atomic 4-byte store.
  static void PatchBranch(std::byte* branch, const std::byte* target);

  // --- Helpers --------------------------------------------------------------------------------
  // Loads any 64-bit constant in the fewest instructions (one where possible, never more than two).
  void LoadConstant(Gpr target, std::uint64_t value);
  // Emits `rx` if the displacement fits 12 bits unsigned, else `rxy` if it fits 20 bits signed,
  // else materializes the displacement in `scratch` (which must differ from the base) and uses it
  // as the index. `first` is the instruction's first operand (register or mask).
  void EmitStorage(Insn rx, Insn rxy, Field first, Mem address, Gpr scratch);
  // Zero-extends bits [lsb, lsb + width) of `source` into `target` (RISBG).
  void ExtractBits(Gpr target, Gpr source, unsigned lsb, unsigned width);
  // Replaces bits [lsb, lsb + width) of `target` with the low `width` bits of `source` (RISBG).
  void InsertBits(Gpr target, Gpr source, unsigned lsb, unsigned width);

 private:
  std::int64_t Relative(const Field& field, std::size_t instruction, Label::FixupKind kind);
  static unsigned Rxb(std::int64_t v8, std::int64_t v12, std::int64_t v16, std::int64_t v32) {
    return static_cast<unsigned>(((v8 >> 4) & 1) << 3 | ((v12 >> 4) & 1) << 2 |
                                 ((v16 >> 4) & 1) << 1 | ((v32 >> 4) & 1));
  }
  static std::uint64_t U(std::int64_t value, unsigned width) {
    return static_cast<std::uint64_t>(value) & ((std::uint64_t{1} << width) - 1);
  }
  // Long displacement: DL (low 12 bits) at bits 20-31, DH (high 8 bits) at bits 32-39.
  static std::uint64_t Dl(std::int64_t d) { return U(d, 12); }
  static std::uint64_t Dh(std::int64_t d) { return U(d >> 12, 8); }
  // Splits a 16-bit opcode of a 6-byte format into its first and last byte.
  static std::uint64_t OpHi(std::uint32_t op) { return op >> 8; }
  static std::uint64_t OpLo(std::uint32_t op) { return op & 0xff; }

  // --- One encoder per format. Diagrams give bit positions as the Principles of Operation does.
  // RR   | op 0-7 | R1 8 | R2 12 |
  void EncodeRR(std::uint32_t op, const Operands& o) {
    buffer_.Emit16(op << 8 | U(o[0].value, 4) << 4 | U(o[1].value, 4));
  }
  // RRE  | op 0-15 | //// 16-23 | R1 24 | R2 28 |
  void EncodeRRE(std::uint32_t op, const Operands& o) {
    buffer_.Emit32(std::uint64_t{op} << 16 | U(o[0].value, 4) << 4 | U(o[1].value, 4));
  }
  // RRD  | op 0-15 | R1 16 | //// 20 | R3 24 | R2 28 |        R1,R3,R2
  void EncodeRRD(std::uint32_t op, const Operands& o) {
    buffer_.Emit32(std::uint64_t{op} << 16 | U(o[0].value, 4) << 12 | U(o[1].value, 4) << 4 |
                   U(o[2].value, 4));
  }
  // RRF  | op 0-15 | R3/M3 16 | M4 20 | R1 24 | R2 28 |
  void EncodeRRF(std::uint32_t op, std::int64_t f24, std::int64_t f28, std::int64_t f16,
                 std::int64_t f20) {
    buffer_.Emit32(std::uint64_t{op} << 16 | U(f16, 4) << 12 | U(f20, 4) << 8 | U(f24, 4) << 4 |
                   U(f28, 4));
  }
  void EncodeRRFa(std::uint32_t op, const Operands& o) {  // R1,R2,R3,M4
    EncodeRRF(op, o[0].value, o[1].value, o[2].value, o[3].value);
  }
  void EncodeRRFb(std::uint32_t op, const Operands& o) {  // R1,R3,R2,M4
    EncodeRRF(op, o[0].value, o[2].value, o[1].value, o[3].value);
  }
  void EncodeRRFc(std::uint32_t op, const Operands& o) {  // R1,R2,M3
    EncodeRRF(op, o[0].value, o[1].value, o[2].value, 0);
  }
  void EncodeRRFe(std::uint32_t op, const Operands& o) {  // R1,M3,R2,M4
    EncodeRRF(op, o[0].value, o[2].value, o[1].value, o[3].value);
  }
  // RI   | op 0-7 | R1/M1 8 | op 12-15 | I2 16-31 |
  void EncodeRI(std::uint32_t op, std::int64_t f8, std::int64_t i16) {
    buffer_.Emit32(std::uint64_t{op >> 4} << 24 | U(f8, 4) << 20 | U(op, 4) << 16 | U(i16, 16));
  }
  void EncodeRIa(std::uint32_t op, const Operands& o) { EncodeRI(op, o[0].value, o[1].value); }
  void EncodeRIb(std::uint32_t op, const Operands& o) {
    EncodeRI(op, o[0].value, Relative(o[1], size(), Label::FixupKind::kPc16Dbl));
  }
  void EncodeRIc(std::uint32_t op, const Operands& o) { EncodeRIb(op, o); }
  // RIL  | op 0-7 | R1/M1 8 | op 12-15 | I2 16-47 |
  void EncodeRIL(std::uint32_t op, std::int64_t f8, std::int64_t i32) {
    buffer_.Emit48(std::uint64_t{op >> 4} << 40 | U(f8, 4) << 36 | U(op, 4) << 32 | U(i32, 32));
  }
  void EncodeRILa(std::uint32_t op, const Operands& o) { EncodeRIL(op, o[0].value, o[1].value); }
  void EncodeRILb(std::uint32_t op, const Operands& o) {
    EncodeRIL(op, o[0].value, Relative(o[1], size(), Label::FixupKind::kPc32Dbl));
  }
  void EncodeRILc(std::uint32_t op, const Operands& o) { EncodeRILb(op, o); }
  // RIE  | op 0-7 | f8 8 | f12 12 | f16 16-31 | f32 32-39 | op 40-47 |
  void EncodeRIE(std::uint32_t op, std::int64_t f8, std::int64_t f12, std::int64_t f16,
                 std::uint64_t f32) {
    buffer_.Emit48(OpHi(op) << 40 | U(f8, 4) << 36 | U(f12, 4) << 32 | U(f16, 16) << 16 |
                   (f32 & 0xff) << 8 | OpLo(op));
  }
  void EncodeRIEa(std::uint32_t op, const Operands& o) {  // R1,I2,M3: M3 at 32-35
    EncodeRIE(op, o[0].value, 0, o[1].value, U(o[2].value, 4) << 4);
  }
  void EncodeRIEb(std::uint32_t op, const Operands& o) {  // R1,R2,M3,RI4: R2 12, M3 32-35
    const std::int64_t ri4 = Relative(o[3], size(), Label::FixupKind::kPc16Dbl);
    EncodeRIE(op, o[0].value, o[1].value, ri4, U(o[2].value, 4) << 4);
  }
  void EncodeRIEc(std::uint32_t op, const Operands& o) {  // R1,I2,M3,RI4: M3 12, I2 32-39
    const std::int64_t ri4 = Relative(o[3], size(), Label::FixupKind::kPc16Dbl);
    EncodeRIE(op, o[0].value, o[2].value, ri4, U(o[1].value, 8));
  }
  void EncodeRIEd(std::uint32_t op, const Operands& o) {  // R1,R3,I2
    EncodeRIE(op, o[0].value, o[1].value, o[2].value, 0);
  }
  void EncodeRIEe(std::uint32_t op, const Operands& o) {  // R1,R3,RI2
    EncodeRIE(op, o[0].value, o[1].value, Relative(o[2], size(), Label::FixupKind::kPc16Dbl), 0);
  }
  void EncodeRIEf(std::uint32_t op, const Operands& o) {  // R1,R2,I3,I4,I5: I3 16, I4 24, I5 32
    EncodeRIE(op, o[0].value, o[1].value, static_cast<std::int64_t>(U(o[2].value, 8) << 8 | U(o[3].value, 8)),
              U(o[4].value, 8));
  }
  void EncodeRIEg(std::uint32_t op, const Operands& o) {  // R1,I2,M3: M3 12
    EncodeRIE(op, o[0].value, o[2].value, o[1].value, 0);
  }
  // RX   | op 0-7 | R1/M1 8 | X2 12 | B2 16 | D2 20-31 |
  void EncodeRXa(std::uint32_t op, const Operands& o) {
    buffer_.Emit32(std::uint64_t{op} << 24 | U(o[0].value, 4) << 20 | U(o[1].index, 4) << 16 |
                   U(o[1].base, 4) << 12 | U(o[1].value, 12));
  }
  void EncodeRXb(std::uint32_t op, const Operands& o) { EncodeRXa(op, o); }
  // RXY  | op 0-7 | R1/M1 8 | X2 12 | B2 16 | DL2 20-31 | DH2 32-39 | op 40-47 |
  void EncodeRXYa(std::uint32_t op, const Operands& o) {
    buffer_.Emit48(OpHi(op) << 40 | U(o[0].value, 4) << 36 | U(o[1].index, 4) << 32 |
                   U(o[1].base, 4) << 28 | Dl(o[1].value) << 16 | Dh(o[1].value) << 8 | OpLo(op));
  }
  void EncodeRXYb(std::uint32_t op, const Operands& o) { EncodeRXYa(op, o); }
  // RXE  | op 0-7 | R1 8 | X2 12 | B2 16 | D2 20-31 | M3 32 | //// 36 | op 40-47 |
  void EncodeRXE(std::uint32_t op, const Operands& o) {
    buffer_.Emit48(OpHi(op) << 40 | U(o[0].value, 4) << 36 | U(o[1].index, 4) << 32 |
                   U(o[1].base, 4) << 28 | U(o[1].value, 12) << 16 | U(o[2].value, 4) << 12 |
                   OpLo(op));
  }
  // RXF  | op 0-7 | R3 8 | X2 12 | B2 16 | D2 20-31 | R1 32 | //// 36 | op 40-47 |   R1,R3,D2(X2,B2)
  void EncodeRXF(std::uint32_t op, const Operands& o) {
    buffer_.Emit48(OpHi(op) << 40 | U(o[1].value, 4) << 36 | U(o[2].index, 4) << 32 |
                   U(o[2].base, 4) << 28 | U(o[2].value, 12) << 16 | U(o[0].value, 4) << 12 |
                   OpLo(op));
  }
  // RS   | op 0-7 | R1 8 | R3 12 | B2 16 | D2 20-31 |
  void EncodeRSa(std::uint32_t op, const Operands& o) {
    buffer_.Emit32(std::uint64_t{op} << 24 | U(o[0].value, 4) << 20 | U(o[1].value, 4) << 16 |
                   U(o[2].base, 4) << 12 | U(o[2].value, 12));
  }
  // RSY  | op 0-7 | R1 8 | R3/M3 12 | B2 16 | DL2 20-31 | DH2 32-39 | op 40-47 |
  void EncodeRSY(std::uint32_t op, std::int64_t f8, std::int64_t f12, const Field& d) {
    buffer_.Emit48(OpHi(op) << 40 | U(f8, 4) << 36 | U(f12, 4) << 32 | U(d.base, 4) << 28 |
                   Dl(d.value) << 16 | Dh(d.value) << 8 | OpLo(op));
  }
  void EncodeRSYa(std::uint32_t op, const Operands& o) { EncodeRSY(op, o[0].value, o[1].value, o[2]); }
  void EncodeRSYb(std::uint32_t op, const Operands& o) { EncodeRSY(op, o[0].value, o[2].value, o[1]); }
  // SI   | op 0-7 | I2 8-15 | B1 16 | D1 20-31 |
  void EncodeSI(std::uint32_t op, const Operands& o) {
    buffer_.Emit32(std::uint64_t{op} << 24 | U(o[1].value, 8) << 16 | U(o[0].base, 4) << 12 |
                   U(o[0].value, 12));
  }
  // SIY  | op 0-7 | I2 8-15 | B1 16 | DL1 20-31 | DH1 32-39 | op 40-47 |
  void EncodeSIY(std::uint32_t op, const Operands& o) {
    buffer_.Emit48(OpHi(op) << 40 | U(o[1].value, 8) << 32 | U(o[0].base, 4) << 28 |
                   Dl(o[0].value) << 16 | Dh(o[0].value) << 8 | OpLo(op));
  }
  // SIL  | op 0-15 | B1 16 | D1 20-31 | I2 32-47 |
  void EncodeSIL(std::uint32_t op, const Operands& o) {
    buffer_.Emit48(std::uint64_t{op} << 32 | U(o[0].base, 4) << 28 | U(o[0].value, 12) << 16 |
                   U(o[1].value, 16));
  }
  // S    | op 0-15 | B2 16 | D2 20-31 |
  void EncodeS(std::uint32_t op, const Operands& o) {
    buffer_.Emit32(std::uint64_t{op} << 16 | U(o[0].base, 4) << 12 | U(o[0].value, 12));
  }
  // Vector formats share | op 0-7 | f8 | f12 | f16 | f20 | f24 | f28 | f32 | RXB 36 | op 40-47 |
  // with the fifth bit of the vector registers in the 8, 12, 16 and 32 fields going to RXB.
  void EncodeV(std::uint32_t op, std::int64_t f8, std::int64_t f12, std::int64_t f16,
               std::int64_t f20, std::int64_t f24, std::int64_t f28, std::int64_t f32) {
    buffer_.Emit48(OpHi(op) << 40 | U(f8, 4) << 36 | U(f12, 4) << 32 | U(f16, 4) << 28 |
                   U(f20, 4) << 24 | U(f24, 4) << 20 | U(f28, 4) << 16 | U(f32, 4) << 12 |
                   std::uint64_t{Rxb(f8, f12, f16, f32)} << 8 | OpLo(op));
  }
  // Vector formats with a 16-bit immediate or a displacement in bits 16-31.
  void EncodeV16(std::uint32_t op, std::int64_t f8, std::int64_t f12, std::uint64_t f16_31,
                 std::int64_t f32) {
    buffer_.Emit48(OpHi(op) << 40 | U(f8, 4) << 36 | U(f12, 4) << 32 | (f16_31 & 0xffff) << 16 |
                   U(f32, 4) << 12 | std::uint64_t{Rxb(f8, f12, 0, 0)} << 8 | OpLo(op));
  }
  // VRR-a | V1 8 | V2 12 | //// 16-23 | M5 24 | M4 28 | M3 32 |
  void EncodeVRRa(std::uint32_t op, const Operands& o) {
    EncodeV(op, o[0].value, o[1].value, 0, 0, o[4].value, o[3].value, o[2].value);
  }
  // VRR-b | V1 8 | V2 12 | V3 16 | //// 20 | M5 24 | //// 28 | M4 32 |
  void EncodeVRRb(std::uint32_t op, const Operands& o) {
    EncodeV(op, o[0].value, o[1].value, o[2].value, 0, o[4].value, 0, o[3].value);
  }
  // VRR-c | V1 8 | V2 12 | V3 16 | //// 20 | M6 24 | M5 28 | M4 32 |
  void EncodeVRRc(std::uint32_t op, const Operands& o) {
    EncodeV(op, o[0].value, o[1].value, o[2].value, 0, o[5].value, o[4].value, o[3].value);
  }
  // VRR-d | V1 8 | V2 12 | V3 16 | M5 20 | M6 24 | //// 28 | V4 32 |
  void EncodeVRRd(std::uint32_t op, const Operands& o) {
    EncodeV(op, o[0].value, o[1].value, o[2].value, o[4].value, o[5].value, 0, o[3].value);
  }
  // VRR-e | V1 8 | V2 12 | V3 16 | M6 20 | //// 24 | M5 28 | V4 32 |
  void EncodeVRRe(std::uint32_t op, const Operands& o) {
    EncodeV(op, o[0].value, o[1].value, o[2].value, o[5].value, 0, o[4].value, o[3].value);
  }
  // VRR-f | V1 8 | R2 12 | R3 16 | //// 20-35 |
  void EncodeVRRf(std::uint32_t op, const Operands& o) {
    EncodeV(op, o[0].value, o[1].value, o[2].value, 0, 0, 0, 0);
  }
  // VRI-a | V1 8 | //// 12 | I2 16-31 | M3 32 |
  void EncodeVRIa(std::uint32_t op, const Operands& o) {
    EncodeV16(op, o[0].value, 0, U(o[1].value, 16), o[2].value);
  }
  // VRI-b | V1 8 | //// 12 | I2 16-23 | I3 24-31 | M4 32 |
  void EncodeVRIb(std::uint32_t op, const Operands& o) {
    EncodeV16(op, o[0].value, 0, U(o[1].value, 8) << 8 | U(o[2].value, 8), o[3].value);
  }
  // VRI-c | V1 8 | V3 12 | I2 16-31 | M4 32 |
  void EncodeVRIc(std::uint32_t op, const Operands& o) {
    EncodeV16(op, o[0].value, o[1].value, U(o[2].value, 16), o[3].value);
  }
  // VRI-d | V1 8 | V2 12 | V3 16 | //// 20 | I4 24-31 | M5 32 |
  void EncodeVRId(std::uint32_t op, const Operands& o) {
    EncodeV(op, o[0].value, o[1].value, o[2].value, 0, static_cast<std::int64_t>(U(o[3].value, 8) >> 4),
            static_cast<std::int64_t>(U(o[3].value, 4)), o[4].value);
  }
  // VRI-e | V1 8 | V2 12 | I3 16-27 | M5 28 | M4 32 |
  void EncodeVRIe(std::uint32_t op, const Operands& o) {
    const auto i3 = static_cast<std::int64_t>(U(o[2].value, 12));
    EncodeV(op, o[0].value, o[1].value, i3 >> 8, (i3 >> 4) & 15, i3 & 15, o[4].value, o[3].value);
  }
  // VRS-a/b/c | V1/R1 8 | V3/R3 12 | B2 16 | D2 20-31 | M4 32 |
  void EncodeVRS(std::uint32_t op, std::int64_t f8, std::int64_t f12, const Field& d,
                 std::int64_t m4) {
    EncodeV16(op, f8, f12, U(d.base, 4) << 12 | U(d.value, 12), m4);
  }
  void EncodeVRSa(std::uint32_t op, const Operands& o) { EncodeVRS(op, o[0].value, o[1].value, o[2], o[3].value); }
  void EncodeVRSb(std::uint32_t op, const Operands& o) { EncodeVRS(op, o[0].value, o[1].value, o[2], o[3].value); }
  void EncodeVRSc(std::uint32_t op, const Operands& o) { EncodeVRS(op, o[0].value, o[1].value, o[2], o[3].value); }
  // VRX   | V1 8 | X2 12 | B2 16 | D2 20-31 | M3 32 |
  void EncodeVRX(std::uint32_t op, const Operands& o) {
    EncodeV16(op, o[0].value, o[1].index, U(o[1].base, 4) << 12 | U(o[1].value, 12), o[2].value);
  }

  CodeBuffer& buffer_;
};

}  // namespace sae::backend::s390x
