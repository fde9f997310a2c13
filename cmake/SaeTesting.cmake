include(GoogleTest)

# sae_add_gtest(<target> SOURCES <files...> LIBRARIES <targets...>)
# One GoogleTest binary; each test case becomes a ctest test. Discovery runs when ctest runs
# (not at build time), because listing the cases means starting the binary under qemu-s390x.
function(sae_add_gtest target)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES" ${ARGN})
  add_executable(${target} ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE ${ARG_LIBRARIES} GTest::gtest GTest::gtest_main
                                          sae_warnings)
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  gtest_discover_tests(${target} DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 120
                       PROPERTIES TIMEOUT 300)
endfunction()
