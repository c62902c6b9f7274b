# Settings every Unknot target shares: warnings, include root, sanitizer.
# Applied PRIVATE per target so third-party code and CMAKE_CXX_FLAGS stay untouched.
function(unknot_configure_target target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wnull-dereference
    -Wimplicit-fallthrough)
  if(UNKNOT_SANITIZER)
    target_compile_options(${target} PRIVATE -fsanitize=${UNKNOT_SANITIZER} -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${UNKNOT_SANITIZER})
  endif()
endfunction()
