# sitroom_process_support: the project's programs (and Prometheus, and a
# private PostgreSQL cluster) as child processes on loopback, started and
# always stopped, or run to their end; two rooms' gateways on one cluster
# (TwoRooms) with their TLS folder and users. The tests link it through
# sitroom_test_support, the benchmarks directly; whichever directory comes
# first defines it (bench/ is built even without the tests).
if(NOT TARGET sitroom_process_support)
  set(_here ${CMAKE_CURRENT_LIST_DIR})
  qt_add_library(sitroom_process_support STATIC
    ${_here}/ProgramRun.h ${_here}/ProgramRun.cpp
    ${_here}/ServiceProcess.h ${_here}/ServiceProcess.cpp
    ${_here}/SimulatorProcess.h ${_here}/SimulatorProcess.cpp
    ${_here}/GatewayProcess.h ${_here}/GatewayProcess.cpp
    ${_here}/PrometheusProcess.h ${_here}/PrometheusProcess.cpp
    ${_here}/PostgresCluster.h ${_here}/PostgresCluster.cpp
    ${_here}/TemporaryTlsDir.h ${_here}/TemporaryTlsDir.cpp
    ${_here}/TestUsers.h ${_here}/TestUsers.cpp
    ${_here}/TwoRooms.h ${_here}/TwoRooms.cpp)
  target_compile_definitions(sitroom_process_support PRIVATE SITROOM_BIN_DIR="${CMAKE_BINARY_DIR}/bin"
                             SITROOM_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  target_include_directories(sitroom_process_support PUBLIC ${PROJECT_SOURCE_DIR})
  # The gateway's own development TLS and password hashing (TemporaryTlsDir, TestUsers).
  target_link_libraries(sitroom_process_support PUBLIC Qt6::Core Qt6::Network PRIVATE sitroom_gateway Sitroom::Common)
  unset(_here)
endif()

# sitroom_chaos: issue 13's chaos run (ChaosRun) for tst_chaos and the
# sitroom-chaos benchmark: clients as real users on two rooms' gateways
# (TwoRooms), gateways killed and started again, and the checks of what the
# shared PostgreSQL holds afterwards, through the gateway's own store and
# audit chain code.
if(NOT TARGET sitroom_chaos)
  set(_here ${CMAKE_CURRENT_LIST_DIR})
  qt_add_library(sitroom_chaos STATIC
    ${_here}/ChaosPlan.h ${_here}/ChaosPlan.cpp
    ${_here}/ChaosClient.h ${_here}/ChaosClient.cpp
    ${_here}/ChaosTraffic.h ${_here}/ChaosTraffic.cpp
    ${_here}/AuditReplay.h ${_here}/AuditReplay.cpp
    ${_here}/ChaosCheck.h ${_here}/ChaosCheck.cpp
    ${_here}/ChaosRun.h ${_here}/ChaosRun.cpp)
  target_include_directories(sitroom_chaos PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(sitroom_chaos
    PUBLIC sitroom_process_support sitroom_proto Qt6::Core Qt6::Network
    PRIVATE sitroom_gateway Qt6::Sql Sitroom::Common)
  unset(_here)
endif()
