// Preprocessor helpers for the X-macro tables: counting arguments and mapping a macro over them.
#pragma once

#define SAE_PP_CAT(a, b) SAE_PP_CAT_(a, b)
#define SAE_PP_CAT_(a, b) a##b

// Number of arguments, 0 to 6.
#define SAE_PP_COUNT(...) SAE_PP_COUNT_(__VA_ARGS__ __VA_OPT__(, ) 6, 5, 4, 3, 2, 1, 0)
#define SAE_PP_COUNT_(_1, _2, _3, _4, _5, _6, n, ...) n

// SAE_PP_MAP(F, a, b, ...) -> F(a, 1), F(b, 2), ...  (at most 6 arguments)
#define SAE_PP_MAP(F, ...) SAE_PP_CAT(SAE_PP_MAP_, SAE_PP_COUNT(__VA_ARGS__))(F __VA_OPT__(, ) __VA_ARGS__)
#define SAE_PP_MAP_0(F)
#define SAE_PP_MAP_1(F, a) F(a, 1)
#define SAE_PP_MAP_2(F, a, b) F(a, 1), F(b, 2)
#define SAE_PP_MAP_3(F, a, b, c) F(a, 1), F(b, 2), F(c, 3)
#define SAE_PP_MAP_4(F, a, b, c, d) F(a, 1), F(b, 2), F(c, 3), F(d, 4)
#define SAE_PP_MAP_5(F, a, b, c, d, e) F(a, 1), F(b, 2), F(c, 3), F(d, 4), F(e, 5)
#define SAE_PP_MAP_6(F, a, b, c, d, e, f) F(a, 1), F(b, 2), F(c, 3), F(d, 4), F(e, 5), F(f, 6)
