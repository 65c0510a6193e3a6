# Project-wide compile settings, carried by one INTERFACE target that every
# Sitroom target links (after qBittorrent's CommonConfig).
add_library(sitroom_common INTERFACE)
add_library(Sitroom::Common ALIAS sitroom_common)

target_compile_features(sitroom_common INTERFACE cxx_std_20)
target_compile_definitions(sitroom_common INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_FOREACH)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(sitroom_common INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual)
  # CI builds with warnings as errors (scripts/build and scripts/sanitize set it
  # when CI=true), with g++ in build/ and clang in build-asan/.
  if(SITROOM_WARNINGS_AS_ERRORS)
    target_compile_options(sitroom_common INTERFACE -Werror)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      # g++ 12 warns -Wrestrict inside libstdc++'s std::string assignment at -O2
      # (GCC bug 105329), in code that is not ours: kept a warning.
      target_compile_options(sitroom_common INTERFACE -Wno-error=restrict)
    endif()
  endif()
endif()

# Resource files (scenarios, later runbooks) are found next to the binaries in
# the build tree and in the source tree as a fallback.
set(SITROOM_RESOURCE_DIR "${PROJECT_SOURCE_DIR}/resources")
