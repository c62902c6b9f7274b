# Settings every Unknot target shares: warnings, include root, sanitizer.
# Applied PRIVATE per target so third-party code and CMAKE_CXX_FLAGS stay untouched.
function(unknot_configure_target target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
  # Not -Wnull-dereference: with GCC 12 at -O2 it fires on inlined std::vector and CLI11 code
  # that cannot be null (false positives seen in tessellate.cpp and CLI::detail::split).
  if(UNKNOT_SANITIZER)
    target_compile_options(${target} PRIVATE -fsanitize=${UNKNOT_SANITIZER} -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${UNKNOT_SANITIZER})
    # Undefined behaviour fails the test that meets it, rather than printing and going on.
    if(UNKNOT_SANITIZER MATCHES "undefined")
      target_compile_options(${target} PRIVATE -fno-sanitize-recover=undefined)
    endif()
  endif()
endfunction()
