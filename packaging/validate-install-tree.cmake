# ctest helper (packaging.install-tree): install the "desktop" component into
# STAGE and run `appstreamcli validate-tree` on it.
# Usage: cmake -DBUILD_DIR=... -DCONFIG=... -DSTAGE=... -DAPPSTREAMCLI=... -P validate-install-tree.cmake
foreach(var BUILD_DIR STAGE APPSTREAMCLI)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "validate-install-tree.cmake: ${var} is not set")
    endif()
endforeach()

file(REMOVE_RECURSE "${STAGE}")
set(config_args "")
if(CONFIG)
    set(config_args --config "${CONFIG}")
endif()
execute_process(
    COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" ${config_args}
            --component desktop --prefix "${STAGE}"
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "installing the desktop component into ${STAGE} failed (${rc})")
endif()

execute_process(
    COMMAND "${APPSTREAMCLI}" validate-tree --pedantic --no-net --explain "${STAGE}"
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "appstreamcli validate-tree ${STAGE} failed (${rc})")
endif()
