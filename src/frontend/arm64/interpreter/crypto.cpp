// The Cryptographic Extension (Arm ARM C7.2: AES*, SHA1*, SHA256*, SHA512*, EOR3, RAX1, XAR,
// BCAX), following the Arm ARM's pseudocode. Vectors are taken apart into byte, word or
// doubleword lanes, so the code does not depend on the host's byte order.
#include <array>
#include <bit>
#include <cstdint>

#include "frontend/arm64/interpreter/interpreter_visitor.h"

namespace sae::frontend::arm64 {
namespace {

using Bytes = std::array<std::uint8_t, 16>;   // byte i = bits 8i+7:8i
using Words = std::array<std::uint32_t, 4>;   // word i = bits 32i+31:32i
using Doublewords = std::array<std::uint64_t, 2>;

Bytes ToBytes(const VectorHalves& v) {
  Bytes bytes{};
  for (unsigned i = 0; i < 16; ++i) bytes[i] = static_cast<std::uint8_t>(GetLane(v, 8, i));
  return bytes;
}

void Store(VectorHalves& v, const Bytes& bytes) {
  for (unsigned i = 0; i < 16; ++i) SetLane(v, 8, i, bytes[i]);
}

Words ToWords(const VectorHalves& v) {
  Words words{};
  for (unsigned i = 0; i < 4; ++i) words[i] = static_cast<std::uint32_t>(GetLane(v, 32, i));
  return words;
}

void Store(VectorHalves& v, const Words& words) {
  for (unsigned i = 0; i < 4; ++i) SetLane(v, 32, i, words[i]);
}

Doublewords ToDoublewords(const VectorHalves& v) { return {v[0], v[1]}; }

void Store(VectorHalves& v, const Doublewords& doublewords) {
  v[0] = doublewords[0];
  v[1] = doublewords[1];
}

// ---- AES (FIPS-197). GF(2^8) is reduced by the AES polynomial x^8 + x^4 + x^3 + x + 1.

constexpr std::uint8_t GfMultiply(std::uint8_t a, std::uint8_t b) {
  unsigned product = 0, shifted = a;
  for (unsigned bits = b; bits != 0; bits >>= 1) {
    if (bits & 1) product ^= shifted;
    shifted <<= 1;
    if (shifted & 0x100) shifted ^= 0x11b;
  }
  return static_cast<std::uint8_t>(product);
}

// a^254 = a^-1 in GF(2^8)*, and 0 for 0, as SubBytes defines it.
constexpr std::uint8_t GfInverse(std::uint8_t a) {
  std::uint8_t result = 1, power = a;
  for (unsigned exponent = 254; exponent != 0; exponent >>= 1) {
    if (exponent & 1) result = GfMultiply(result, power);
    power = GfMultiply(power, power);
  }
  return result;
}

constexpr std::uint8_t RotateByteLeft(std::uint8_t b, unsigned shift) {
  return static_cast<std::uint8_t>((b << shift) | (b >> (8 - shift)));
}

struct AesSubstitution {
  std::array<std::uint8_t, 256> forward{}, inverse{};
};

// SubBytes: the multiplicative inverse followed by the affine transformation of FIPS-197 5.1.1.
constexpr AesSubstitution MakeAesSubstitution() {
  AesSubstitution s;
  for (unsigned x = 0; x < 256; ++x) {
    const std::uint8_t b = GfInverse(static_cast<std::uint8_t>(x));
    const auto y = static_cast<std::uint8_t>(b ^ RotateByteLeft(b, 1) ^ RotateByteLeft(b, 2) ^
                                             RotateByteLeft(b, 3) ^ RotateByteLeft(b, 4) ^ 0x63);
    s.forward[x] = y;
    s.inverse[y] = static_cast<std::uint8_t>(x);
  }
  return s;
}

constexpr AesSubstitution kAes = MakeAesSubstitution();
// Values from FIPS-197 (Figure 7 and the example of 5.1.1).
static_assert(kAes.forward[0x00] == 0x63 && kAes.forward[0x53] == 0xed &&
              kAes.forward[0xff] == 0x16 && kAes.inverse[0x63] == 0x00);

// The state is column-major: byte i is row i % 4 of column i / 4. ShiftRows moves row r left
// by r columns; the inverse moves it right.
Bytes ShiftRows(const Bytes& in, bool inverse) {
  Bytes out{};
  for (unsigned column = 0; column < 4; ++column) {
    for (unsigned row = 0; row < 4; ++row) {
      const unsigned from = inverse ? (column + 4 - row) % 4 : (column + row) % 4;
      out[4 * column + row] = in[4 * from + row];
    }
  }
  return out;
}

Bytes SubBytes(const Bytes& in, bool inverse) {
  Bytes out{};
  for (unsigned i = 0; i < 16; ++i) out[i] = (inverse ? kAes.inverse : kAes.forward)[in[i]];
  return out;
}

// MixColumns multiplies each column by the circulant matrix with first row `coefficients`.
Bytes MixColumns(const Bytes& in, const std::array<std::uint8_t, 4>& coefficients) {
  Bytes out{};
  for (unsigned column = 0; column < 4; ++column) {
    for (unsigned row = 0; row < 4; ++row) {
      std::uint8_t sum = 0;
      for (unsigned k = 0; k < 4; ++k) {
        sum ^= GfMultiply(coefficients[(k + 4 - row) % 4], in[4 * column + k]);
      }
      out[4 * column + row] = sum;
    }
  }
  return out;
}

constexpr std::array<std::uint8_t, 4> kMixColumns = {0x02, 0x03, 0x01, 0x01};
constexpr std::array<std::uint8_t, 4> kInverseMixColumns = {0x0e, 0x0b, 0x0d, 0x09};

// AESE and AESD: AddRoundKey (Vd EOR Vn), then ShiftRows and SubBytes or their inverses.
void AesRound(VectorHalves& vd, const VectorHalves& vn, bool inverse) {
  Bytes state = ToBytes(vd);
  const Bytes key = ToBytes(vn);
  for (unsigned i = 0; i < 16; ++i) state[i] ^= key[i];
  Store(vd, SubBytes(ShiftRows(state, inverse), inverse));
}

// ---- SHA-1 and SHA-256

std::uint32_t Choose(std::uint32_t x, std::uint32_t y, std::uint32_t z) {
  return ((y ^ z) & x) ^ z;
}
std::uint32_t Parity(std::uint32_t x, std::uint32_t y, std::uint32_t z) { return x ^ y ^ z; }
std::uint32_t Majority(std::uint32_t x, std::uint32_t y, std::uint32_t z) {
  return (x & y) | ((x | y) & z);
}

// SHA1C, SHA1P, SHA1M: four rounds on the hash state abcd (Vd) and e (Sn) with the schedule
// words of Vm, the rounds differing in the function of b, c and d.
void Sha1Rounds(VectorHalves& vd, const VectorHalves& vn, const VectorHalves& vm,
                std::uint32_t (*function)(std::uint32_t, std::uint32_t, std::uint32_t)) {
  Words x = ToWords(vd);
  auto y = static_cast<std::uint32_t>(GetLane(vn, 32, 0));
  const Words w = ToWords(vm);
  for (unsigned e = 0; e < 4; ++e) {
    y += std::rotl(x[0], 5) + function(x[1], x[2], x[3]) + w[e];
    x[1] = std::rotl(x[1], 30);
    // Y:X rotated left by a word.
    const std::uint32_t top = x[3];
    x = {y, x[0], x[1], x[2]};
    y = top;
  }
  Store(vd, x);
}

std::uint32_t Sha256BigSigma0(std::uint32_t x) {
  return std::rotr(x, 2) ^ std::rotr(x, 13) ^ std::rotr(x, 22);
}
std::uint32_t Sha256BigSigma1(std::uint32_t x) {
  return std::rotr(x, 6) ^ std::rotr(x, 11) ^ std::rotr(x, 25);
}
std::uint32_t Sha256SmallSigma0(std::uint32_t x) {
  return std::rotr(x, 7) ^ std::rotr(x, 18) ^ (x >> 3);
}
std::uint32_t Sha256SmallSigma1(std::uint32_t x) {
  return std::rotr(x, 17) ^ std::rotr(x, 19) ^ (x >> 10);
}

// SHA256hash(): four rounds on the state halves X (abcd) and Y (efgh) with schedule words W;
// SHA256H keeps the new abcd, SHA256H2 the new efgh.
Words Sha256Rounds(Words x, Words y, const Words& w, bool keep_x) {
  for (unsigned e = 0; e < 4; ++e) {
    const std::uint32_t t1 = y[3] + Sha256BigSigma1(y[0]) + Choose(y[0], y[1], y[2]) + w[e];
    x[3] += t1;
    y[3] = t1 + Sha256BigSigma0(x[0]) + Majority(x[0], x[1], x[2]);
    // Y:X rotated left by a word.
    const Words old_x = x;
    x = {y[3], old_x[0], old_x[1], old_x[2]};
    y = {old_x[3], y[0], y[1], y[2]};
  }
  return keep_x ? x : y;
}

// ---- SHA-512

std::uint64_t Sha512BigSigma0(std::uint64_t x) {
  return std::rotr(x, 28) ^ std::rotr(x, 34) ^ std::rotr(x, 39);
}
std::uint64_t Sha512BigSigma1(std::uint64_t x) {
  return std::rotr(x, 14) ^ std::rotr(x, 18) ^ std::rotr(x, 41);
}
std::uint64_t Sha512SmallSigma0(std::uint64_t x) {
  return std::rotr(x, 1) ^ std::rotr(x, 8) ^ (x >> 7);
}
std::uint64_t Sha512SmallSigma1(std::uint64_t x) {
  return std::rotr(x, 19) ^ std::rotr(x, 61) ^ (x >> 6);
}

}  // namespace

bool Interpreter::AESE(Vec n, Vec d) {
  AesRound(V(d), V(n), false);
  return true;
}

bool Interpreter::AESD(Vec n, Vec d) {
  AesRound(V(d), V(n), true);
  return true;
}

bool Interpreter::AESMC(Vec n, Vec d) {
  Store(V(d), MixColumns(ToBytes(V(n)), kMixColumns));
  return true;
}

bool Interpreter::AESIMC(Vec n, Vec d) {
  Store(V(d), MixColumns(ToBytes(V(n)), kInverseMixColumns));
  return true;
}

bool Interpreter::SHA1C(Vec m, Vec n, Vec d) {
  Sha1Rounds(V(d), V(n), V(m), Choose);
  return true;
}

bool Interpreter::SHA1P(Vec m, Vec n, Vec d) {
  Sha1Rounds(V(d), V(n), V(m), Parity);
  return true;
}

bool Interpreter::SHA1M(Vec m, Vec n, Vec d) {
  Sha1Rounds(V(d), V(n), V(m), Majority);
  return true;
}

bool Interpreter::SHA1SU0(Vec m, Vec n, Vec d) {
  const Doublewords x = ToDoublewords(V(d)), y = ToDoublewords(V(n)), z = ToDoublewords(V(m));
  // Vn<63:0>:Vd<127:64> EOR Vd EOR Vm.
  Store(V(d), Doublewords{x[1] ^ x[0] ^ z[0], y[0] ^ x[1] ^ z[1]});
  return true;
}

bool Interpreter::SHA1H(Vec n, Vec d) {
  const std::uint32_t rotated = std::rotl(static_cast<std::uint32_t>(GetLane(V(n), 32, 0)), 30);
  V(d)[0] = rotated;
  V(d)[1] = 0;
  return true;
}

bool Interpreter::SHA1SU1(Vec n, Vec d) {
  const Words x = ToWords(V(d)), y = ToWords(V(n));
  // Vd EOR (Vn >> 32), each word rotated left by 1; the schedule input 3 words behind the last
  // word is the first word made here, hence the extra term.
  const Words t = {x[0] ^ y[1], x[1] ^ y[2], x[2] ^ y[3], x[3]};
  Store(V(d), Words{std::rotl(t[0], 1), std::rotl(t[1], 1), std::rotl(t[2], 1),
                    std::rotl(t[3], 1) ^ std::rotl(t[0], 2)});
  return true;
}

bool Interpreter::SHA256H(Vec m, Vec n, Vec d) {
  Store(V(d), Sha256Rounds(ToWords(V(d)), ToWords(V(n)), ToWords(V(m)), true));
  return true;
}

bool Interpreter::SHA256H2(Vec m, Vec n, Vec d) {
  Store(V(d), Sha256Rounds(ToWords(V(n)), ToWords(V(d)), ToWords(V(m)), false));
  return true;
}

bool Interpreter::SHA256SU0(Vec n, Vec d) {
  const Words x = ToWords(V(d)), y = ToWords(V(n));
  // Each word plus sigma0 of the word after it, counting on from Vd into Vn.
  const Words next = {x[1], x[2], x[3], y[0]};
  Words out{};
  for (unsigned e = 0; e < 4; ++e) out[e] = x[e] + Sha256SmallSigma0(next[e]);
  Store(V(d), out);
  return true;
}

bool Interpreter::SHA256SU1(Vec m, Vec n, Vec d) {
  const Words x = ToWords(V(d)), y = ToWords(V(n)), z = ToWords(V(m));
  // Vm<31:0>:Vn<127:32>, the words 7 behind the ones being made.
  const Words behind = {y[1], y[2], y[3], z[0]};
  Words out{};
  // The upper two words depend on the lower two made here, as in the SHA-256 schedule.
  for (unsigned e = 0; e < 4; ++e) {
    const std::uint32_t two_behind = e < 2 ? z[e + 2] : out[e - 2];
    out[e] = Sha256SmallSigma1(two_behind) + x[e] + behind[e];
  }
  Store(V(d), out);
  return true;
}

bool Interpreter::SHA512H(Vec m, Vec n, Vec d) {
  const Doublewords x = ToDoublewords(V(n)), y = ToDoublewords(V(m)), w = ToDoublewords(V(d));
  Doublewords out{};
  out[1] = ((y[1] & x[0]) ^ (~y[1] & x[1])) + Sha512BigSigma1(y[1]) + w[1];
  const std::uint64_t t = out[1] + y[0];
  out[0] = ((t & y[1]) ^ (~t & x[0])) + Sha512BigSigma1(t) + w[0];
  Store(V(d), out);
  return true;
}

bool Interpreter::SHA512H2(Vec m, Vec n, Vec d) {
  const Doublewords x = ToDoublewords(V(n)), y = ToDoublewords(V(m)), w = ToDoublewords(V(d));
  Doublewords out{};
  out[1] = ((x[0] & y[1]) ^ (x[0] & y[0]) ^ (y[1] & y[0])) + Sha512BigSigma0(y[0]) + w[1];
  out[0] = ((out[1] & y[0]) ^ (out[1] & y[1]) ^ (y[1] & y[0])) + Sha512BigSigma0(out[1]) + w[0];
  Store(V(d), out);
  return true;
}

bool Interpreter::SHA512SU0(Vec n, Vec d) {
  const Doublewords x = ToDoublewords(V(n)), w = ToDoublewords(V(d));
  Store(V(d), Doublewords{w[0] + Sha512SmallSigma0(w[1]), w[1] + Sha512SmallSigma0(x[0])});
  return true;
}

bool Interpreter::SHA512SU1(Vec m, Vec n, Vec d) {
  const Doublewords x = ToDoublewords(V(n)), y = ToDoublewords(V(m)), w = ToDoublewords(V(d));
  Store(V(d), Doublewords{w[0] + Sha512SmallSigma1(x[0]) + y[0],
                          w[1] + Sha512SmallSigma1(x[1]) + y[1]});
  return true;
}

bool Interpreter::EOR3(Vec m, Vec a, Vec n, Vec d) {
  const Doublewords x = ToDoublewords(V(n)), y = ToDoublewords(V(m)), z = ToDoublewords(V(a));
  Store(V(d), Doublewords{x[0] ^ y[0] ^ z[0], x[1] ^ y[1] ^ z[1]});
  return true;
}

bool Interpreter::BCAX(Vec m, Vec a, Vec n, Vec d) {
  const Doublewords x = ToDoublewords(V(n)), y = ToDoublewords(V(m)), z = ToDoublewords(V(a));
  Store(V(d), Doublewords{x[0] ^ (y[0] & ~z[0]), x[1] ^ (y[1] & ~z[1])});
  return true;
}

bool Interpreter::RAX1(Vec m, Vec n, Vec d) {
  const Doublewords x = ToDoublewords(V(n)), y = ToDoublewords(V(m));
  Store(V(d), Doublewords{x[0] ^ std::rotl(y[0], 1), x[1] ^ std::rotl(y[1], 1)});
  return true;
}

bool Interpreter::XAR(Vec m, Imm<6> imm6, Vec n, Vec d) {
  const Doublewords x = ToDoublewords(V(n)), y = ToDoublewords(V(m));
  const auto rotation = static_cast<int>(imm6.value);
  Store(V(d), Doublewords{std::rotr(x[0] ^ y[0], rotation), std::rotr(x[1] ^ y[1], rotation)});
  return true;
}

}  // namespace sae::frontend::arm64
