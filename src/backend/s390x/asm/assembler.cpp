#include "backend/s390x/asm/assembler.h"

#include <atomic>

namespace sae::backend::s390x {

void Assembler::Emit(Insn insn, const Operands& operands) {
  switch (insn) {
#define INSN(mnemonic, format, opcode, facility, ...) \
  case Insn::mnemonic:                                \
    Encode##format(opcode, operands);                 \
    return;
#include "backend/s390x/asm/insns.inc"
#undef INSN
  }
}

std::int64_t Assembler::Relative(const Field& field, std::size_t instruction,
                                 Label::FixupKind kind) {
  if (field.label == nullptr) return field.value;
  Label& label = *field.label;
  if (label.bound()) {
    return (static_cast<std::int64_t>(label.position()) - static_cast<std::int64_t>(instruction)) / 2;
  }
  label.fixups_.push_back({instruction, kind});
  return 0;
}

void Assembler::Bind(Label& label) {
  assert(!label.bound() && "label bound twice");
  label.position_ = static_cast<std::ptrdiff_t>(size());
  for (const Label::Fixup& fixup : label.fixups_) {
    const std::int64_t halfwords =
        (static_cast<std::int64_t>(size()) - static_cast<std::int64_t>(fixup.instruction)) / 2;
    if (fixup.kind == Label::FixupKind::kPc16Dbl) {
      assert(S16::Fits(halfwords) && "16-bit branch out of range; use the long form");
      buffer_.PatchBigEndian(fixup.instruction + 2, static_cast<std::uint64_t>(halfwords), 2);
    } else {
      buffer_.PatchBigEndian(fixup.instruction + 2, static_cast<std::uint64_t>(halfwords), 4);
    }
  }
  label.fixups_.clear();
}

std::size_t Assembler::PatchableBRCL(Cond condition, Rel32 target) {
  // The displacement field starts 2 bytes into the instruction; NOPR (BCR 0,0) pads it to 4.
  if ((size() + 2) % 4 != 0) BCR(Cond::Never, r0);
  const std::size_t offset = size();
  BRCL(condition, target);
  return offset;
}

void Assembler::PatchBranch(std::byte* branch, const std::byte* target) {
  const std::int64_t halfwords = (target - branch) / 2;
  assert(S32::Fits(halfwords));
  auto* field = reinterpret_cast<std::uint32_t*>(branch + 2);
  assert(reinterpret_cast<std::uintptr_t>(field) % 4 == 0 && "not a PatchableBRCL");
  // The host is big-endian, so a native 4-byte store writes the field in instruction order.
  std::atomic_ref<std::uint32_t>(*field).store(static_cast<std::uint32_t>(halfwords),
                                               std::memory_order_release);
}

void Assembler::LoadConstant(Gpr target, std::uint64_t value) {
  const auto signed_value = static_cast<std::int64_t>(value);
  if (S16::Fits(signed_value)) return LGHI(target, signed_value);
  // Exactly one non-zero halfword: LLILL, LLILH, LLIHL or LLIHH.
  for (unsigned halfword = 0; halfword < 4; ++halfword) {
    const unsigned shift = 16 * halfword;
    if ((value & ~(std::uint64_t{0xffff} << shift)) == 0) {
      const auto imm = static_cast<std::int64_t>(value >> shift);
      switch (halfword) {
        case 0: return LLILL(target, imm);
        case 1: return LLILH(target, imm);
        case 2: return LLIHL(target, imm);
        default: return LLIHH(target, imm);
      }
    }
  }
  if (S32::Fits(signed_value)) return LGFI(target, signed_value);
  const auto low = static_cast<std::int64_t>(value & 0xffffffff);
  const auto high = static_cast<std::int64_t>(value >> 32);
  if (high == 0) return LLILF(target, low);
  if (low == 0) return LLIHF(target, high);
  // Two instructions: any 32-bit half, then the other inserted.
  LLILF(target, low);
  IIHF(target, high);
}

void Assembler::EmitStorage(Insn rx, Insn rxy, Field first, Mem address, Gpr scratch) {
  if (FitsDisp12(address.disp)) {
    return Emit(rx, Operands{first, {address.disp, address.base.index, address.index.index}});
  }
  if (FitsDisp20(address.disp)) {
    return Emit(rxy, Operands{first, {address.disp, address.base.index, address.index.index}});
  }
  assert(scratch != address.base && scratch.index != 0);
  LoadConstant(scratch, static_cast<std::uint64_t>(static_cast<std::int64_t>(address.disp)));
  if (address.index.index != 0) AGR(scratch, address.index);
  Emit(rx, Operands{first, {0, address.base.index, scratch.index}});
}

void Assembler::ExtractBits(Gpr target, Gpr source, unsigned lsb, unsigned width) {
  assert(width >= 1 && lsb + width <= 64);
  // Bit numbers count from the left: the field lands in bits 64-width..63, the rest is zeroed
  // (0x80 in I4), after rotating it left by 64-lsb.
  RISBG(target, source, 64 - width, 63 | 0x80, (64 - lsb) & 63);
}

void Assembler::InsertBits(Gpr target, Gpr source, unsigned lsb, unsigned width) {
  assert(width >= 1 && lsb + width <= 64);
  RISBG(target, source, 64 - lsb - width, 63 - lsb, lsb);
}

}  // namespace sae::backend::s390x
