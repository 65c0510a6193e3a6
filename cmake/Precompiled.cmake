# Precompiled headers, where they pay (SITROOM_PRECOMPILE, on by default).
# Half of what a test's translation unit costs to compile is Qt's and
# protobuf's headers read again; precompiling them takes a third off.
#
# sitroom_precompile(target header...): a library with many translation units
# precompiles the heavy headers they share.
#
# Tests: sitroom_add_test hands each test to sitroom_test_precompile. When
# the directory has been read, the tests are grouped by everything that sets
# their compile flags, read from the targets themselves then (definitions,
# options, include directories, features, the libraries they link, whose
# usage requirements come with them), and each group of at least three shares
# a precompiled header: the first test makes it, the others reuse it
# (REUSE_FROM needs identical flags, which one group guarantees, whatever a
# CMakeLists added to a test after sitroom_add_test). The header holds
# <QtTest>, the standard library's headers and the directory's
# SITROOM_TEST_PRECOMPILE list (what all its tests can reach, e.g. <QtWidgets>
# for the widget tests).

function(sitroom_precompile target)
  if(SITROOM_PRECOMPILE)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()

set(SITROOM_TEST_PRECOMPILE_COMMON
  <QtTest> <QString> <QStringList> <QByteArray>
  <algorithm> <functional> <memory> <optional> <string> <vector>)

function(sitroom_test_precompile name)
  if(NOT SITROOM_PRECOMPILE)
    return()
  endif()
  set_property(DIRECTORY APPEND PROPERTY SITROOM_TEST_PCH_TESTS ${name})
  get_directory_property(armed SITROOM_TEST_PCH_ARMED)
  if(NOT armed)
    set_directory_properties(PROPERTIES SITROOM_TEST_PCH_ARMED TRUE)
    cmake_language(DEFER CALL _sitroom_test_precompile_groups)
  endif()
endfunction()

function(_sitroom_test_precompile_groups)
  get_directory_property(tests SITROOM_TEST_PCH_TESTS)
  set(groups "")
  foreach(test IN LISTS tests)
    set(key "")
    foreach(property COMPILE_DEFINITIONS COMPILE_OPTIONS COMPILE_FEATURES INCLUDE_DIRECTORIES LINK_LIBRARIES)
      get_target_property(value ${test} ${property})
      string(APPEND key "${property}=${value};")
    endforeach()
    string(MD5 group "${key}")
    list(APPEND groups ${group})
    list(APPEND members_${group} ${test})
  endforeach()
  list(REMOVE_DUPLICATES groups)
  foreach(group IN LISTS groups)
    set(members ${members_${group}})
    list(LENGTH members count)
    if(count LESS 3)
      continue()
    endif()
    foreach(test IN LISTS members)
      # A test includes its own .moc, which mostly leaves AUTOMOC's
      # mocs_compilation.cpp empty: loading the header for it cost g++ 1.3 s
      # a test, for nothing.
      set_source_files_properties("${CMAKE_CURRENT_BINARY_DIR}/${test}_autogen/mocs_compilation.cpp"
        PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
    endforeach()
    list(POP_FRONT members owner)
    target_precompile_headers(${owner} PRIVATE ${SITROOM_TEST_PRECOMPILE_COMMON} ${SITROOM_TEST_PRECOMPILE})
    foreach(test IN LISTS members)
      target_precompile_headers(${test} REUSE_FROM ${owner})
    endforeach()
  endforeach()
endfunction()
