# Settings every Unknot target shares: warnings, include root, sanitizer.
# Applied PRIVATE per target so third-party code and CMAKE_CXX_FLAGS stay untouched.
# unknot_configure_target(target [TEST]): a TEST target (a test program's own code) leaves out
# libFuzzer's coverage counters when the sanitizer list has them: only the code under test needs
# them for fuzzing, and they cost a quarter of a test file's compile time.
function(unknot_configure_target target)
  cmake_parse_arguments(ARG "TEST" "" "" ${ARGN})
  set(sanitizer "${UNKNOT_SANITIZER}")
  if(ARG_TEST)
    string(REPLACE ",fuzzer-no-link" "" sanitizer "${sanitizer}")
  endif()
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
  # Not -Wnull-dereference: with GCC 12 at -O2 it fires on inlined std::vector and CLI11 code
  # that cannot be null (false positives seen in tessellate.cpp and CLI::detail::split).
  if(sanitizer)
    target_compile_options(${target} PRIVATE -fsanitize=${sanitizer} -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${sanitizer})
    # Undefined behaviour fails the test that meets it, rather than printing and going on.
    if(UNKNOT_SANITIZER MATCHES "undefined")
      target_compile_options(${target} PRIVATE -fno-sanitize-recover=undefined)
    endif()
  endif()
endfunction()
