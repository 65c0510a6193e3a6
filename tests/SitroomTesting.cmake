# sitroom_add_test(NAME SOURCES a.cpp ... LIBS lib ... [DEFINES D=v ...] [LABELS l ...] [TIMEOUT s])
# One Qt Test executable registered with CTest. Widget tests run offscreen.
# Tests with the same compile flags share a precompiled header
# (cmake/Precompiled.cmake).
function(sitroom_add_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;DEFINES;LABELS" ${ARGN})
  qt_add_executable(${name} ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  target_link_libraries(${name} PRIVATE Qt6::Test Sitroom::Common ${ARG_LIBS})
  target_compile_definitions(${name} PRIVATE
    SITROOM_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    SITROOM_BIN_DIR="${CMAKE_BINARY_DIR}/bin"
    ${ARG_DEFINES})
  sitroom_test_precompile(${name})
  add_test(NAME ${name} COMMAND ${name})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  set_tests_properties(${name} PROPERTIES
    TIMEOUT ${ARG_TIMEOUT}
    LABELS "${ARG_LABELS}"
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=sitroom.*.debug=false")
endfunction()
