// The Cryptographic Extension (Arm ARM C7.2: AES*, SHA1*, SHA256*, SHA512*, EOR3, RAX1, XAR,
// BCAX, SM3*, SM4E, SM4EKEY), following the Arm ARM's pseudocode. Vectors are taken apart into
// byte, word or doubleword lanes, so the code does not depend on the host's byte order.
#include <array>
#include <bit>
#include <cstdint>

#include "frontend/arm64/interpreter/interpreter_visitor.h"

namespace sae::frontend::arm64 {
namespace {

using Bytes = std::array<std::uint8_t, 16>;  // byte i = bits 8i+7:8i
using Words = std::array<std::uint32_t, 4>;  // word i = bits 32i+31:32i
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

// ---- GF(2^8), as polynomials over GF(2) reduced by `modulus` (degree 8): AES and SM4 each
// define their S-box through the inverse in such a field.

constexpr std::uint8_t GfMultiply(std::uint8_t a, std::uint8_t b, unsigned modulus) {
  unsigned product = 0, shifted = a;
  for (unsigned bits = b; bits != 0; bits >>= 1) {
    if (bits & 1) product ^= shifted;
    shifted <<= 1;
    if (shifted & 0x100) shifted ^= modulus;
  }
  return static_cast<std::uint8_t>(product);
}

// a^254 = a^-1 in the multiplicative group, and 0 for 0, as both S-boxes define it.
constexpr std::uint8_t GfInverse(std::uint8_t a, unsigned modulus) {
  std::uint8_t result = 1, power = a;
  for (unsigned exponent = 254; exponent != 0; exponent >>= 1) {
    if (exponent & 1) result = GfMultiply(result, power, modulus);
    power = GfMultiply(power, power, modulus);
  }
  return result;
}

// ---- AES (FIPS-197)

constexpr unsigned kAesModulus = 0x11b;  // x^8 + x^4 + x^3 + x + 1

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
    const std::uint8_t b = GfInverse(static_cast<std::uint8_t>(x), kAesModulus);
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
        sum ^= GfMultiply(coefficients[(k + 4 - row) % 4], in[4 * column + k], kAesModulus);
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

// ---- SM3 (GB/T 32905) and SM4 (GB/T 32907)

// SM3TT1A/SM3TT1B and SM3TT2A/SM3TT2B: one compression round on the state words of Vd with
// message word imm2 of Vm. The A forms are SM3's rounds 0-15, the B forms rounds 16-63.
enum class Sm3Rounds { First16, Others };

void Sm3Round1(VectorHalves& vd, const VectorHalves& vn, std::uint32_t wj_prime, Sm3Rounds rounds) {
  const Words x = ToWords(vd);
  const std::uint32_t ss2 = static_cast<std::uint32_t>(GetLane(vn, 32, 3)) ^ std::rotl(x[3], 12);
  const std::uint32_t ff =
      rounds == Sm3Rounds::First16 ? Parity(x[1], x[2], x[3]) : Majority(x[3], x[2], x[1]);
  Store(vd, Words{x[1], std::rotl(x[2], 9), x[3], ff + x[0] + ss2 + wj_prime});
}

void Sm3Round2(VectorHalves& vd, const VectorHalves& vn, std::uint32_t wj, Sm3Rounds rounds) {
  const Words x = ToWords(vd);
  const std::uint32_t gg =
      rounds == Sm3Rounds::First16 ? Parity(x[1], x[2], x[3]) : Choose(x[3], x[2], x[1]);
  const std::uint32_t tt2 = gg + x[0] + static_cast<std::uint32_t>(GetLane(vn, 32, 3)) + wj;
  // SM3's permutation P0.
  const std::uint32_t p0 = tt2 ^ std::rotl(tt2, 9) ^ std::rotl(tt2, 17);
  Store(vd, Words{x[1], std::rotl(x[2], 19), x[3], p0});
}

std::uint32_t Sm3P1(std::uint32_t x) { return x ^ std::rotl(x, 15) ^ std::rotl(x, 23); }

// SM4's S-box, computed like AES's: the inverse in GF(2^8) between two applications of an
// affine map (the algebraic structure of the SM4 S-box, which the published table follows).
constexpr unsigned kSm4Modulus = 0x1f5;  // x^8 + x^7 + x^6 + x^5 + x^4 + x^2 + 1

// x ^ (x >>> 1) ^ (x >>> 2) ^ (x >>> 5) ^ (x >>> 7) ^ 0xd3
constexpr std::uint8_t Sm4Affine(std::uint8_t x) {
  return static_cast<std::uint8_t>(x ^ RotateByteLeft(x, 7) ^ RotateByteLeft(x, 6) ^
                                   RotateByteLeft(x, 3) ^ RotateByteLeft(x, 1) ^ 0xd3);
}

constexpr std::array<std::uint8_t, 256> MakeSm4Substitution() {
  std::array<std::uint8_t, 256> s{};
  for (unsigned x = 0; x < 256; ++x) {
    s[x] = Sm4Affine(GfInverse(Sm4Affine(static_cast<std::uint8_t>(x)), kSm4Modulus));
  }
  return s;
}

constexpr std::array<std::uint8_t, 256> kSm4 = MakeSm4Substitution();
// Values of the published table.
static_assert(kSm4[0x00] == 0xd6 && kSm4[0x01] == 0x90 && kSm4[0x1f] == 0x99 && kSm4[0x3f] == 0xa6);

std::uint32_t Sm4Substitute(std::uint32_t word) {
  std::uint32_t out = 0;
  for (unsigned i = 0; i < 32; i += 8) out |= std::uint32_t{kSm4[(word >> i) & 0xff]} << i;
  return out;
}

// SM4E and SM4EKEY: four rounds on the words of `state`, each mixing the last three words with
// a round key (SM4E) or constant (SM4EKEY) through the S-box and a linear map, into the first.
Words Sm4Rounds(Words state, const Words& keys, std::uint32_t (*linear)(std::uint32_t)) {
  for (unsigned index = 0; index < 4; ++index) {
    const std::uint32_t mixed =
        linear(Sm4Substitute(state[3] ^ state[2] ^ state[1] ^ keys[index])) ^ state[0];
    state = {state[1], state[2], state[3], mixed};
  }
  return state;
}

std::uint32_t Sm4EncryptLinear(std::uint32_t x) {
  return x ^ std::rotl(x, 2) ^ std::rotl(x, 10) ^ std::rotl(x, 18) ^ std::rotl(x, 24);
}

std::uint32_t Sm4KeyLinear(std::uint32_t x) { return x ^ std::rotl(x, 13) ^ std::rotl(x, 23); }

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
  Store(V(d),
        Doublewords{w[0] + Sha512SmallSigma1(x[0]) + y[0], w[1] + Sha512SmallSigma1(x[1]) + y[1]});
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

bool Interpreter::SM3SS1(Vec m, Vec a, Vec n, Vec d) {
  const auto top = [](const VectorHalves& v) { return static_cast<std::uint32_t>(v[1] >> 32); };
  const std::uint32_t ss1 = std::rotl(std::rotl(top(V(n)), 12) + top(V(m)) + top(V(a)), 7);
  Store(V(d), Words{0, 0, 0, ss1});
  return true;
}

bool Interpreter::SM3TT1A(Vec m, Imm<2> imm2, Vec n, Vec d) {
  Sm3Round1(V(d), V(n), static_cast<std::uint32_t>(GetLane(V(m), 32, imm2.value)),
            Sm3Rounds::First16);
  return true;
}

bool Interpreter::SM3TT1B(Vec m, Imm<2> imm2, Vec n, Vec d) {
  Sm3Round1(V(d), V(n), static_cast<std::uint32_t>(GetLane(V(m), 32, imm2.value)),
            Sm3Rounds::Others);
  return true;
}

bool Interpreter::SM3TT2A(Vec m, Imm<2> imm2, Vec n, Vec d) {
  Sm3Round2(V(d), V(n), static_cast<std::uint32_t>(GetLane(V(m), 32, imm2.value)),
            Sm3Rounds::First16);
  return true;
}

bool Interpreter::SM3TT2B(Vec m, Imm<2> imm2, Vec n, Vec d) {
  Sm3Round2(V(d), V(n), static_cast<std::uint32_t>(GetLane(V(m), 32, imm2.value)),
            Sm3Rounds::Others);
  return true;
}

bool Interpreter::SM3PARTW1(Vec m, Vec n, Vec d) {
  const Words x = ToWords(V(d)), y = ToWords(V(n)), z = ToWords(V(m));
  Words out{};
  for (unsigned i = 0; i < 3; ++i) out[i] = Sm3P1(x[i] ^ y[i] ^ std::rotl(z[i + 1], 15));
  // The last word's input 3 words back is the first word made here.
  out[3] = Sm3P1(x[3] ^ y[3] ^ std::rotl(out[0], 15));
  Store(V(d), out);
  return true;
}

bool Interpreter::SM3PARTW2(Vec m, Vec n, Vec d) {
  const Words x = ToWords(V(d)), y = ToWords(V(n)), z = ToWords(V(m));
  Words t{}, out{};
  for (unsigned i = 0; i < 4; ++i) {
    t[i] = y[i] ^ std::rotl(z[i], 7);
    out[i] = x[i] ^ t[i];
  }
  // The last word also depends on the first, as SM3PARTW1 left it unfinished.
  const std::uint32_t first = std::rotl(t[0], 15);
  out[3] ^= first ^ std::rotl(first, 15) ^ std::rotl(first, 23);
  Store(V(d), out);
  return true;
}

bool Interpreter::SM4E(Vec n, Vec d) {
  Store(V(d), Sm4Rounds(ToWords(V(d)), ToWords(V(n)), Sm4EncryptLinear));
  return true;
}

bool Interpreter::SM4EKEY(Vec m, Vec n, Vec d) {
  Store(V(d), Sm4Rounds(ToWords(V(n)), ToWords(V(m)), Sm4KeyLinear));
  return true;
}

}  // namespace sae::frontend::arm64
