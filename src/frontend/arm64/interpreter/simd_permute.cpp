// Advanced SIMD copy, permute, extract and table lookup (Arm ARM C7.2). Each method reads its
// sources into locals before writing Vd, because Vd may also be a source.
#include "frontend/arm64/interpreter/interpreter_visitor.h"

namespace sae::frontend::arm64 {
namespace {

// The element size the copy instructions encode in imm5: log2 of its bytes, the position of the
// lowest set bit; 4 means imm5 x0000, which is reserved.
unsigned CopySize(Imm<5> imm5) {
  unsigned size = 0;
  while (size < 4 && !imm5.Bit(size)) ++size;
  return size;
}

// The element index above the size marker of imm5.
unsigned CopyIndex(Imm<5> imm5, unsigned size) { return imm5.value >> (size + 1); }

// A 64-bit operation (Q = 0) zeroes bits 127:64 of Vd.
void WriteVector(VectorHalves& vd, const VectorHalves& result, bool q) {
  vd[0] = result[0];
  vd[1] = q ? result[1] : 0;
}

enum class Permute { Unzip, Transpose, Zip };

}  // namespace

bool Interpreter::DUP_elt_vec(bool q, Imm<5> imm5, Vec n, Vec d) {
  const unsigned size = CopySize(imm5);
  if (size > 3 || (size == 3 && !q)) return false;
  const unsigned esize = 8u << size;
  const std::uint64_t element = GetLane(V(n), esize, CopyIndex(imm5, size));
  VectorHalves out = {};
  for (unsigned e = 0; e < (q ? 128 : 64) / esize; ++e) SetLane(out, esize, e, element);
  WriteVector(V(d), out, q);
  return true;
}

bool Interpreter::DUP_gen(bool q, Imm<5> imm5, Reg n, Vec d) {
  const unsigned size = CopySize(imm5);
  if (size > 3 || (size == 3 && !q)) return false;
  const unsigned esize = 8u << size;
  VectorHalves out = {};
  for (unsigned e = 0; e < (q ? 128 : 64) / esize; ++e) SetLane(out, esize, e, X(n));
  WriteVector(V(d), out, q);
  return true;
}

bool Interpreter::INS_gen(Imm<5> imm5, Reg n, Vec d) {
  const unsigned size = CopySize(imm5);
  if (size > 3) return false;
  SetLane(V(d), 8u << size, CopyIndex(imm5, size), X(n));
  return true;
}

bool Interpreter::SMOV(bool q, Imm<5> imm5, Vec n, Reg d) {
  const unsigned size = CopySize(imm5);
  // The element must be narrower than the destination register.
  if (size >= (q ? 3u : 2u)) return false;
  const unsigned esize = 8u << size;
  const std::uint64_t element = GetLane(V(n), esize, CopyIndex(imm5, size));
  const std::uint64_t sign = 1ull << (esize - 1);
  const std::uint64_t extended = (element ^ sign) - sign;
  if (q) {
    SetX(d, extended);
  } else {
    SetW(d, static_cast<std::uint32_t>(extended));
  }
  return true;
}

bool Interpreter::UMOV(bool q, Imm<5> imm5, Vec n, Reg d) {
  const unsigned size = CopySize(imm5);
  // The 64-bit form moves a D element only, the 32-bit form B, H or S.
  if (q ? size != 3 : size > 2) return false;
  SetX(d, GetLane(V(n), 8u << size, CopyIndex(imm5, size)));
  return true;
}

bool Interpreter::INS_elt(Imm<5> imm5, Imm<4> imm4, Vec n, Vec d) {
  const unsigned size = CopySize(imm5);
  if (size > 3) return false;
  const unsigned esize = 8u << size;
  // imm4 bits below the element size are ignored.
  const std::uint64_t element = GetLane(V(n), esize, imm4.value >> size);
  SetLane(V(d), esize, CopyIndex(imm5, size), element);
  return true;
}

bool Interpreter::DUP_elt_scalar(Imm<5> imm5, Vec n, Vec d) {
  const unsigned size = CopySize(imm5);
  if (size > 3) return false;
  const std::uint64_t element = GetLane(V(n), 8u << size, CopyIndex(imm5, size));
  V(d)[0] = element;
  V(d)[1] = 0;
  return true;
}

namespace {

// UZP, TRN and ZIP: `part` 0 is the "1" form, 1 the "2" form.
bool DoPermute(VectorHalves& vd, const VectorHalves& vn, const VectorHalves& vm, bool q,
               unsigned size, Permute kind, unsigned part) {
  if (size == 3 && !q) return false;
  const unsigned esize = 8u << size;
  const unsigned elements = (q ? 128 : 64) / esize;
  const unsigned pairs = elements / 2;
  VectorHalves out = {};
  for (unsigned p = 0; p < pairs; ++p) {
    switch (kind) {
      case Permute::Unzip:
        // The even (part 0) or odd (part 1) elements of Vm:Vn, Vn's in the low half.
        SetLane(out, esize, p, GetLane(vn, esize, 2 * p + part));
        SetLane(out, esize, pairs + p, GetLane(vm, esize, 2 * p + part));
        break;
      case Permute::Transpose:
        SetLane(out, esize, 2 * p, GetLane(vn, esize, 2 * p + part));
        SetLane(out, esize, 2 * p + 1, GetLane(vm, esize, 2 * p + part));
        break;
      case Permute::Zip:
        SetLane(out, esize, 2 * p, GetLane(vn, esize, part * pairs + p));
        SetLane(out, esize, 2 * p + 1, GetLane(vm, esize, part * pairs + p));
        break;
    }
  }
  WriteVector(vd, out, q);
  return true;
}

}  // namespace

bool Interpreter::UZP1(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return DoPermute(V(d), V(n), V(m), q, size.value, Permute::Unzip, 0);
}
bool Interpreter::UZP2(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return DoPermute(V(d), V(n), V(m), q, size.value, Permute::Unzip, 1);
}
bool Interpreter::TRN1(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return DoPermute(V(d), V(n), V(m), q, size.value, Permute::Transpose, 0);
}
bool Interpreter::TRN2(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return DoPermute(V(d), V(n), V(m), q, size.value, Permute::Transpose, 1);
}
bool Interpreter::ZIP1(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return DoPermute(V(d), V(n), V(m), q, size.value, Permute::Zip, 0);
}
bool Interpreter::ZIP2(bool q, Imm<2> size, Vec m, Vec n, Vec d) {
  return DoPermute(V(d), V(n), V(m), q, size.value, Permute::Zip, 1);
}

bool Interpreter::EXT(bool q, Vec m, Imm<4> imm4, Vec n, Vec d) {
  if (!q && imm4.Bit(3)) return false;
  const unsigned bytes = q ? 16 : 8;
  // Vm:Vn, each as wide as the operation, shifted right by imm4 bytes.
  VectorHalves out = {};
  for (unsigned i = 0; i < bytes; ++i) {
    const unsigned from = imm4.value + i;
    const std::uint64_t byte =
        from < bytes ? GetLane(V(n), 8, from) : GetLane(V(m), 8, from - bytes);
    SetLane(out, 8, i, byte);
  }
  WriteVector(V(d), out, q);
  return true;
}

namespace {

// TBL and TBX: bytes of Vm index a table of `registers` consecutive registers from Vn (wrapping
// after V31); an index past the table yields 0 (TBL) or leaves Vd's byte (TBX).
void TableLookup(sae_control_block& cpu, bool q, Vec m, unsigned registers, Vec n, Vec d,
                 bool keep_out_of_range) {
  VectorHalves table[4] = {};
  for (unsigned r = 0; r < registers; ++r) {
    const VectorHalves& source = cpu.v[(n.index + r) % 32];
    table[r][0] = source[0];
    table[r][1] = source[1];
  }
  const VectorHalves indices = {cpu.v[m.index][0], cpu.v[m.index][1]};
  VectorHalves out = {cpu.v[d.index][0], cpu.v[d.index][1]};
  for (unsigned i = 0; i < (q ? 16u : 8u); ++i) {
    const auto index = static_cast<unsigned>(GetLane(indices, 8, i));
    if (index < 16 * registers) {
      SetLane(out, 8, i, GetLane(table[index / 16], 8, index % 16));
    } else if (!keep_out_of_range) {
      SetLane(out, 8, i, 0);
    }
  }
  WriteVector(cpu.v[d.index], out, q);
}

}  // namespace

bool Interpreter::TBL(bool q, Vec m, Imm<2> len, Vec n, Vec d) {
  TableLookup(cpu, q, m, len.value + 1, n, d, false);
  return true;
}

bool Interpreter::TBX(bool q, Vec m, Imm<2> len, Vec n, Vec d) {
  TableLookup(cpu, q, m, len.value + 1, n, d, true);
  return true;
}

}  // namespace sae::frontend::arm64
